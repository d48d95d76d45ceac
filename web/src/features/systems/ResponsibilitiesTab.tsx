import { Alert, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import type { Finding, Responsibility } from '../policy/api.ts';
import { PartyText, useRoleName } from '../policy/PartyText.tsx';
import { PText, useCapacityLabel, useSeverityLabel } from '../policy/labels.tsx';
import { useSystemResponsibilities, type System } from './api.ts';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const SEVERITY_COLOR = { high: 'danger', medium: 'warning', low: 'info' } as const;

/** For each area of the policy: who is responsible for this system, in what capacity, by which rule, and why. */
export function ResponsibilitiesTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const resp = useSystemResponsibilities(system.id);
  const data = resp.data;

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('systems.responsibilities.heading')}
      </Heading>
      <Paragraph>{t('systems.responsibilities.intro')}</Paragraph>
      {resp.isPending && <Spinner aria-label={t('systems.responsibilities.loading')} />}
      {resp.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(resp.error, t('errors.unexpected'))}
        </Alert>
      )}
      {data && (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('systems.responsibilities.pack', { id: data.pack.id, version: data.pack.version })}
          </Paragraph>
          {data.areas.map((area) => {
            const ruleIds = new Set(area.responsibilities.map((r) => r.ruleId));
            const findings = data.findings.filter((f) => f.ruleIds.some((id) => ruleIds.has(id)));
            return (
              <article key={area.area} className="system-area" aria-labelledby={`sys-area-${area.area}`}>
                <Heading level={3} data-size="xs" id={`sys-area-${area.area}`}>
                  <PText text={area.title} />
                </Heading>
                {area.responsibilities.length === 0 ? (
                  <Paragraph data-size="sm">{t('policy.noRules')}</Paragraph>
                ) : (
                  <ul className="responsibilities">
                    {area.responsibilities.map((r) => (
                      <ResponsibilityItem key={r.ruleId} responsibility={r} />
                    ))}
                  </ul>
                )}
                {findings.length > 0 && (
                  <>
                    <Heading level={4} data-size="2xs">
                      {t('policy.findingsInArea', { count: findings.length })}
                    </Heading>
                    <FindingList findings={findings} />
                  </>
                )}
              </article>
            );
          })}
        </>
      )}
    </div>
  );
}

function ResponsibilityItem({ responsibility: r }: { responsibility: Responsibility }) {
  const { t } = useTranslation();
  const capacityLabel = useCapacityLabel();
  const roleName = useRoleName();
  return (
    <li className="responsibility">
      <div>
        <strong>{capacityLabel(r.capacity)}:</strong>{' '}
        {r.resolution === 'per_system' ? (
          <span>{t('policy.perSystem')}</span>
        ) : r.resolution === 'unresolved' || r.parties.length === 0 ? (
          <span className="responsibility__missing">{t('policy.unresolved')}</span>
        ) : (
          r.parties.map((party, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <PartyText party={party} roleName={roleName} />
            </span>
          ))
        )}
      </div>
      <div className="cell-note">
        <PText text={r.explanation} />
        {r.through?.role && <> {t('policy.throughRole', { role: roleName(r.through.role) })}</>}
        {r.through?.agreement && (
          <> {r.through.agreement === 'service_agreement' ? t('policy.throughServiceAgreement') : t('policy.throughAgreement')}</>
        )}
        {r.conditional && <> {t('policy.conditional')}</>}
      </div>
      <div className="cell-note">{t('systems.responsibilities.rule', { id: r.ruleId })}</div>
    </li>
  );
}

/** Findings, most severe first; the severity is written out and the colour only repeats it. */
export function FindingList({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const severityLabel = useSeverityLabel();
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((finding, index) => (
        <li key={`${finding.key}-${finding.subject.id ?? ''}-${index}`}>
          <Tag data-color={SEVERITY_COLOR[finding.severity]} data-size="sm">
            {severityLabel(finding.severity)}
          </Tag>{' '}
          {locale === 'en' ? finding.text.en : finding.text.sv}
          {finding.subject.kind === 'unit' && finding.subject.id && (
            <>
              {' '}
              <Link asChild>
                <RouterLink to={`/organisation/${finding.subject.id}`}>{t('policy.openUnit', { name: finding.subject.name })}</RouterLink>
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
