import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import type { Finding } from '../../api/policy.ts';
import { FindingList } from '../policy/FindingList.tsx';
import { PText } from '../policy/labels.tsx';
import { useRoleName } from '../policy/PartyText.tsx';
import { ResponsibilityItem } from '../policy/ResponsibilityItem.tsx';
import { useSystemResponsibilities, type System } from '../../api/systems.ts';

/** For each area of the policy: who is responsible for this system, in what capacity and why; each finding once, under its first area. */
export function ResponsibilitiesTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const resp = useSystemResponsibilities(system.id);
  const data = resp.data;
  const locale = useLocale();
  const shown = new Set<Finding>();

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
            {t('systems.responsibilities.pack', { title: locale === 'en' ? (data.pack.title.en ?? data.pack.title.sv) : data.pack.title.sv, version: data.pack.version })}
          </Paragraph>
          {data.areas.map((area) => {
            const ruleIds = new Set(area.responsibilities.map((r) => r.ruleId));
            // Each finding once: under the first area whose rules it comes from.
            const findings = data.findings.filter((f) => !shown.has(f) && f.ruleIds.some((id) => ruleIds.has(id)));
            for (const f of findings) shown.add(f);
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
                      <ResponsibilityItem key={r.ruleId} responsibility={r} roleName={roleName} />
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
