import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useAccessRoles, useAccounts, useGrants } from '../../api/access.ts';
import { hasPermission } from '../../api/me.ts';
import { messageOf } from '../../components/forms.ts';
import { intlLocale } from '../../i18n/language.ts';
import { useLocale } from '../../components/language.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { AccessRolesSection } from './AccessRolesSection.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { GrantsSection } from './GrantsSection.tsx';
import './access.css';

interface Props {
  system: { id: string; name: string };
}

/**
 * The system page's tab "Behörigheter": the summary first (access roles, privileged ones, accounts, unmatched
 * accounts, current grants), then the access roles, the accounts and the grants. Those who may administer the
 * system's access (the API's `can.administer`) keep its access roles and import its user list.
 */
export function AccessTab({ system }: Props) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const roles = useAccessRoles(system.id);
  const administer = roles.data?.can.administer ?? false;

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('access.tab.heading')}
      </Heading>
      <Paragraph>{t('access.tab.intro')}</Paragraph>
      {roles.isPending && <Spinner aria-label={t('access.tab.loading')} />}
      {roles.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(roles.error, t('errors.unexpected'))}
        </Alert>
      )}
      {roles.data && (
        <>
          <AccessSummary systemId={system.id} roles={roles.data.items} />
          <div className="access-toolbar">
            {hasPermission(me, 'systems:write') && (
              <Button asChild variant="secondary">
                <RouterLink to={`/access-orders/new?systemId=${encodeURIComponent(system.id)}`}>{t('access.tab.order')}</RouterLink>
              </Button>
            )}
            {administer && (
              <Button asChild variant="secondary">
                <RouterLink to={`/systems/${encodeURIComponent(system.id)}/access/import`}>{t('access.tab.import')}</RouterLink>
              </Button>
            )}
          </div>
          <AccessRolesSection systemId={system.id} roles={roles.data.items} administer={administer} />
          <GrantsSection system={system} roles={roles.data.items} />
          <AccountsSection systemId={system.id} />
        </>
      )}
    </div>
  );
}

/** The numbers first: access roles (privileged ones), accounts (without a person), current grants. */
function AccessSummary({ systemId, roles }: { systemId: string; roles: Array<{ privileged: boolean; status: string }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const accounts = useAccounts(systemId, {}, { limit: 1 });
  const unmatched = useAccounts(systemId, { unmatched: true }, { limit: 1 });
  const grants = useGrants(systemId, {}, { limit: 1 });
  const n = (value: number | null | undefined) =>
    typeof value === 'number' ? new Intl.NumberFormat(intlLocale(locale)).format(value) : '…';
  const active = roles.filter((r) => r.status === 'active');
  const figures: Array<[string, number | null | undefined]> = [
    ['roles', active.length],
    ['privileged', active.filter((r) => r.privileged).length],
    ['accounts', accounts.data?.pages[0]?.total],
    ['unmatched', unmatched.data?.pages[0]?.total],
    ['grants', grants.data?.pages[0]?.total],
  ];
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('access.summary.heading')}
      </Heading>
      <ul className="figures">
        {figures.map(([key, value]) => (
          <li key={key}>
            <span className="figure-number">{n(value)}</span> {t(`access.summary.${key}`, { count: value ?? 0 })}
          </li>
        ))}
      </ul>
    </section>
  );
}
