import { Alert, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { hasPermission } from '../../api/me.ts';
import { useOnboarding } from '../../api/onboarding.ts';
import { useMySummary } from '../../api/tasks.ts';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { CreateKommunForm } from './CreateKommunForm.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { MyResponsibility } from './MyResponsibility.tsx';
import { TodayFigures } from './TodayFigures.tsx';

const KOMMUN_FORM_ID = 'create-kommun';

/**
 * / — welcome; Mitt ansvar for a user who is a person in the register (their tasks first); what Ansvar is; the kommun form while there is none, getting started (for those who set up
 * the installation), the numbers of today, and the pages this user can use.
 */
export function StartPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const onboarding = useOnboarding();
  const summary = useMySummary();
  const data = onboarding.data;
  const noKommun = data?.steps.find((s) => s.key === 'kommun')?.done === false;
  // Once shown, the kommun form stays (with its confirmation) after the kommun exists and the data reloads.
  const [kommunForm, setKommunForm] = useState(false);
  if (data?.canCreateKommun && !kommunForm) setKommunForm(true);
  const cards = [
    {
      to: '/policy',
      title: t('start.policyCardTitle'),
      text: t('start.policyCardText'),
      show: hasPermission(me, 'policy:read'),
    },
    {
      to: '/organisation',
      title: t('start.orgCardTitle'),
      text: t(hasPermission(me, 'org:manage') ? 'start.orgCardTextManage' : 'start.orgCardText'),
      show: hasPermission(me, 'org:read'),
    },
    {
      to: '/people',
      title: t('start.peopleCardTitle'),
      text: t(hasPermission(me, 'org:manage') ? 'start.peopleCardTextManage' : 'start.peopleCardText'),
      show: hasPermission(me, 'org:read'),
    },
    {
      to: '/audit',
      title: t('start.auditCardTitle'),
      text: t('start.auditCardText'),
      show: hasPermission(me, 'audit:read'),
    },
    {
      to: '/admin/users',
      title: t('start.usersCardTitle'),
      text: t(hasPermission(me, 'users:manage') ? 'start.usersCardText' : 'start.usersCardTextReadOnly'),
      show: hasPermission(me, 'users:read'),
    },
  ].filter((card) => card.show);

  return (
    <>
      <PageHeading title={t('start.title')}>{t('start.welcome', { name: me.name })}</PageHeading>
      {summary.isPending && <Spinner aria-label={t('mine.loadingSummary')} />}
      {summary.isError && <Alert data-color="danger">{messageOf(summary.error, t('errors.unexpected'))}</Alert>}
      {summary.data?.person && <MyResponsibility summary={summary.data} />}
      <Paragraph>{t('start.intro')}</Paragraph>
      {kommunForm && <CreateKommunForm id={KOMMUN_FORM_ID} />}
      {data && !data.canCreateKommun && noKommun && <Paragraph>{t('start.kommunMissing')}</Paragraph>}
      {data && data.steps.length > 0 && (
        <GettingStarted steps={data.steps} userId={me.id} kommunFormId={data.canCreateKommun ? KOMMUN_FORM_ID : undefined} />
      )}
      {data && hasPermission(me, 'systems:read') && <TodayFigures figures={data.figures} />}
      {cards.length > 0 ? (
        <section aria-labelledby="start-pages-heading" className="section">
          <Heading level={2} data-size="sm" id="start-pages-heading">
            {t('start.availableHeading')}
          </Heading>
          <ul className="card-grid">
            {cards.map((card) => (
              <li key={card.to}>
                <Card data-color="neutral">
                  <Heading level={3} data-size="xs">
                    <Link asChild>
                      <RouterLink to={card.to}>{card.title}</RouterLink>
                    </Link>
                  </Heading>
                  <Paragraph data-size="sm">{card.text}</Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <Paragraph>{t('start.nothingYet')}</Paragraph>
      )}
    </>
  );
}
