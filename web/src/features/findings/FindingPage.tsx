import { Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { useFinding, type FindingDetail } from '../../api/findings.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { FindingActions } from './FindingActions.tsx';
import { FindingHistory } from './FindingHistory.tsx';
import { SeverityTag, SubjectLink } from './FindingsTable.tsx';
import { useFollowUpLabels } from './labels.ts';
import './findings.css';

/** /findings/:id — one finding: what it is about, who is to act and by when, what the caller may do, and its history. */
export function FindingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const finding = useFinding(id);

  if (isApiError(finding.error) && finding.error.status === 404) return <NotFoundPage />;
  if (finding.isError && !finding.data) return <LoadError error={finding.error} />;
  if (!finding.data) return <Spinner aria-label={t('finding.loading')} />;
  return <FindingView finding={finding.data} />;
}

function FindingView({ finding }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/findings">{t('finding.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={finding.text} />
      <FindingSummary finding={finding} />
      <FindingActions key={finding.id} finding={finding} />
      <FindingHistory findingId={finding.id} />
    </>
  );
}

/** What the finding is, in short: severity, subject, who is to act and by when, its handling (all in words). */
function FindingSummary({ finding: f }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSignedInUser();
  const labels = useFollowUpLabels();
  const readsPeople = hasPermission(me, 'org:read');
  const person = (p: { id: string; name: string }) =>
    readsPeople ? (
      <Link asChild>
        <RouterLink to={`/people/${p.id}`}>{p.name}</RouterLink>
      </Link>
    ) : (
      p.name
    );
  const date = (iso: string) => <time dateTime={iso}>{formatDate(iso, locale)}</time>;
  const open = f.status === 'open';

  return (
    <section aria-labelledby="finding-summary-heading" className="section">
      <Heading level={2} data-size="sm" id="finding-summary-heading">
        {t('finding.summaryHeading')}
      </Heading>
      <dl className="facts">
        <dt>{t('findings.colSeverity')}</dt>
        <dd>
          <SeverityTag severity={f.severity} />
        </dd>
        <dt>{t('finding.subject')}</dt>
        <dd>
          <SubjectLink subject={f.subject} />
          <span className="cell-note"> · {t(`findings.rules.${f.rule}`, { defaultValue: t('finding.otherRule') })}</span>
        </dd>
        <dt>{t('finding.owner')}</dt>
        <dd>
          {f.owner ? person(f.owner) : <span className="muted">{t('findings.noActor')}</span>}
          {f.assignee && f.actor && f.actor.id !== f.assignee.id && (
            <span className="cell-note"> {t('finding.assignedInstead', { name: f.actor.name })}</span>
          )}
          {f.assignee && (!f.actor || f.actor.id === f.assignee.id) && <span className="cell-note"> {t('finding.assignedNote')}</span>}
        </dd>
        <dt>{t('finding.dueOn')}</dt>
        <dd>
          {f.dueOn ? (
            <>
              {date(f.dueOn)}
              {f.overdue && (
                <>
                  {' '}
                  <Tag data-color="danger" data-size="sm" className="overdue-tag">
                    {t('finding.overdue')}
                  </Tag>
                </>
              )}
              <span className="cell-note"> {f.dueSet ? t('finding.dueSetByPerson') : t('finding.dueDefault')}</span>
            </>
          ) : (
            <span className="muted">{t('finding.noDue')}</span>
          )}
        </dd>
        <dt>{t('finding.handling')}</dt>
        <dd>
          <strong>{labels.handling(f.handling)}</strong>
          {f.handling === 'risk_proposed' && f.riskApprover && <> – {t('finding.waitsFor', { name: f.riskApprover.name })}</>}
          {f.handling === 'risk_accepted' && (
            <>
              {' '}
              – {f.riskExpiresOn && t('finding.acceptedUntil', { date: formatDate(f.riskExpiresOn, locale) })}
              {f.riskApprover && ` ${t('finding.approvedBy', { name: f.riskApprover.name })}`}
            </>
          )}
          {f.handling === 'risk_proposed' && f.riskExpiresOn && (
            <span className="cell-note"> {t('finding.proposedUntil', { date: formatDate(f.riskExpiresOn, locale) })}</span>
          )}
        </dd>
        {f.reason && (
          <>
            <dt>{f.handling === 'not_applicable' ? t('finding.reason') : t('finding.motivation')}</dt>
            <dd className="finding-text">{f.reason}</dd>
          </>
        )}
        <dt>{t('finding.status')}</dt>
        <dd>
          {open ? t('finding.statusOpen') : t('finding.statusResolved', { date: f.resolvedAt ? formatDate(f.resolvedAt, locale) : '' })}
        </dd>
        <dt>{t('findings.colSince')}</dt>
        <dd>{date(f.since)}</dd>
      </dl>
    </section>
  );
}
