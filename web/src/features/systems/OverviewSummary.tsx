import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useSystemAgreements, type AgreementSummary } from '../../api/agreements.ts';
import { ASPECTS, useSystemClassifications } from '../../api/classifications.ts';
import { useOpenFindingCounts } from '../../api/findings.ts';
import type { System } from '../../api/systems.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { SEVERITIES } from '../../../../shared/policy.ts';
import { useAgreementLabels } from '../agreements/labels.ts';
import { holderPath, useHolderStatusLabel } from '../shared/holderLabels.tsx';
import { isOverdue, todayIso } from '../shared/systemLabels.ts';

type Holding = System['holders'][number];

/** A holder still holds the role: not a person who left, nor an inactive unit (the server's rule for "i drift"). */
const holds = (h: Holding) => h.holder.status !== 'left' && h.holder.status !== 'inactive';

/**
 * The top of the overview: who holds the system's roles (a required role nobody holds is "Vakant", in
 * words and a shape), its open findings by severity, and the next dates (confirmation, the nearest end of
 * an agreement). Summaries before detail; a part the caller may not read is left out.
 */
export function OverviewSummary({ system }: { system: System }) {
  return (
    <div className="system-summary">
      <WhoIsResponsible system={system} />
      <OpenFindings system={system} />
      <ComingDates system={system} />
    </div>
  );
}

function WhoIsResponsible({ system }: { system: System }) {
  const { t } = useTranslation();
  // Required roles first, each group in the pack's order; roles held here that the pack no longer names last.
  const roles = [...system.roles.filter((r) => r.required), ...system.roles.filter((r) => !r.required)];
  const unknown = [...new Set(system.holders.map((h) => h.roleKey))].filter((key) => !system.roles.some((r) => r.key === key));

  return (
    <section aria-labelledby="summary-who" className="status-panel system-summary__who">
      <Heading level={2} data-size="2xs" id="summary-who">
        {t('systems.summary.whoHeading')}
      </Heading>
      <dl className="facts summary-roles">
        {roles.map((role) => {
          const held = system.holders.filter((h) => h.roleKey === role.key);
          let value: ReactNode;
          if (held.length > 0) value = <Holders held={held} />;
          else if (role.kommunHolds) value = <span>{t('systems.summary.kommunHolds')}</span>;
          else if (role.required) value = <Vacant />;
          else value = <span className="muted">{t('systems.summary.nobody')}</span>;
          const vacantToo = held.length > 0 && role.required && !role.kommunHolds && !held.some(holds);
          return (
            <div key={role.key} className="summary-roles__row">
              <dt>{role.name}</dt>
              <dd>
                {value}
                {vacantToo && (
                  <div>
                    <Vacant />
                  </div>
                )}
              </dd>
            </div>
          );
        })}
        {unknown.map((key) => (
          <div key={key} className="summary-roles__row">
            <dt>{t('systems.summary.otherRole')}</dt>
            <dd>
              <Holders held={system.holders.filter((h) => h.roleKey === key)} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "Vakant" in words with an exclamation mark in a diamond: never colour alone. */
function Vacant() {
  const { t } = useTranslation();
  return (
    <strong className="summary-vacant">
      <span className="summary-vacant__mark" aria-hidden="true" />
      {t('systems.summary.vacant')}
    </strong>
  );
}

/** The holders of one role, linked: a person by name, "IT-enheten (enhet)", "CGI (leverantör)"; one who left says so. */
function Holders({ held }: { held: Holding[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const statusLabel = useHolderStatusLabel();
  return (
    <ul className="plain-list">
      {held.map(({ holder }) => {
        const status = statusLabel(holder);
        return (
          <li key={`${holder.kind}:${holder.id}`}>
            <Link asChild>
              <RouterLink to={holderPath(holder)}>{holder.name}</RouterLink>
            </Link>
            {holder.kind !== 'person' && ` ${t(`unitRoles.holder.kindSuffix.${holder.kind}`)}`}
            {holder.contact && ` – ${t('unitRoles.holder.contact', { name: holder.contact.name })}`}
            {status && ` (${status.toLocaleLowerCase(locale === 'en' ? 'en-GB' : 'sv-SE')})`}
          </li>
        );
      })}
    </ul>
  );
}

function OpenFindings({ system }: { system: System }) {
  const { t } = useTranslation();
  const { counts, error } = useOpenFindingCounts({ systemId: system.id });
  // Findings the caller may not read are left out, not an error on the overview.
  if (error || !counts) return null;
  return (
    <section aria-labelledby="summary-findings" className="status-panel">
      <Heading level={2} data-size="2xs" id="summary-findings">
        {t('systems.summary.findingsHeading')}
      </Heading>
      {counts.total === 0 ? (
        <Paragraph data-size="sm">{t('systems.summary.findingsNone')}</Paragraph>
      ) : (
        <>
          <dl className="facts summary-counts">
            {SEVERITIES.map((severity) => (
              <div key={severity} className="summary-roles__row">
                <dt>{t(`findings.severity.${severity}`)}</dt>
                <dd>{counts[severity]}</dd>
              </div>
            ))}
          </dl>
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="?tab=findings">{t('systems.summary.findingsLink', { count: counts.total })}</RouterLink>
            </Link>
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** The classification's levels in short (K3 R2 T3 S2) and its next review; or that it is missing or in progress. */
function ClassificationDates({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useSystemClassifications(systemId);
  if (!data.data) return null;
  const approved = data.data.items.find((c) => c.status === 'approved');
  const inProgress = data.data.items.find((c) => c.status === 'draft' || c.status === 'submitted');
  const today = todayIso();
  const due = approved?.reviewDueAt ?? null;
  const link = (text: string) => (
    <Link asChild>
      <RouterLink to="?tab=classification">{text}</RouterLink>
    </Link>
  );
  return (
    <div className="summary-roles__row">
      <dt>{t('systems.summary.classification')}</dt>
      <dd>
        {approved ? (
          <>
            {due !== null && due <= today && (
              <>
                <Tag data-color="warning" data-size="sm">
                  {t('systems.summary.classificationReviewDue')}
                </Tag>{' '}
              </>
            )}
            {due && t('systems.summary.classificationReview', { date: formatDate(due, locale) })}
            <div className="cell-note">
              {link(ASPECTS.map((a) => `${t(`classifications.letters.${a}`)}${approved.levels[a] ?? '–'}`).join(' '))}
            </div>
          </>
        ) : (
          link(inProgress ? t('systems.summary.classificationInProgress') : t('systems.summary.classificationMissing'))
        )}
      </dd>
    </div>
  );
}

/** The agreement that ends soonest from today (ended ones do not count). */
function nearestEnd(agreements: readonly AgreementSummary[]): AgreementSummary | null {
  const coming = agreements.filter((a) => a.endDate && a.status !== 'ended');
  coming.sort((a, b) => (a.endDate! < b.endDate! ? -1 : a.endDate! > b.endDate! ? 1 : 0));
  return coming[0] ?? null;
}

function ComingDates({ system }: { system: System }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAgreementLabels();
  const agreements = useSystemAgreements(system.id);
  const overdue = isOverdue(system.confirmationDue);
  const dateOf = (iso: string) => <time dateTime={iso}>{formatDate(iso, locale)}</time>;
  const nearest = agreements.data ? nearestEnd(agreements.data.items) : null;

  return (
    <section aria-labelledby="summary-dates" className="status-panel">
      <Heading level={2} data-size="2xs" id="summary-dates">
        {t('systems.summary.datesHeading')}
      </Heading>
      <dl className="facts summary-dates">
        <div className="summary-roles__row">
          <dt>{t('systems.summary.confirmationDue')}</dt>
          <dd>
            {overdue && (
              <>
                <Tag data-color="danger" data-size="sm">
                  {t('systems.confirm.overdueTag')}
                </Tag>{' '}
              </>
            )}
            {dateOf(system.confirmationDue)}
          </dd>
        </div>
        <ClassificationDates systemId={system.id} />
        {/* Agreements the caller may not read (or that failed to load) are left out: the tab says what went wrong. */}
        {agreements.data && (
          <div className="summary-roles__row">
            <dt>{t('systems.summary.agreementEnd')}</dt>
            <dd>
              {nearest ? (
                <>
                  {dateOf(nearest.endDate!)}
                  <div className="cell-note">
                    <Link asChild>
                      <RouterLink to={`/agreements/${encodeURIComponent(nearest.id)}`}>{nearest.title}</RouterLink>
                    </Link>
                    {nearest.supplier && ` – ${nearest.supplier.name}`}
                  </div>
                  {nearest.status === 'in_notice_period' && <div className="cell-note">{labels.status('in_notice_period')}</div>}
                </>
              ) : (
                <span className="muted">
                  {agreements.data.items.length === 0 ? t('systems.summary.noAgreements') : t('systems.summary.noAgreementEnd')}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
