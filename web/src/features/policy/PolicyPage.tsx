import { Alert, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import {
  useActivePolicy, useResponsibilities, type ActivePolicy, type Finding, type OrganisationResponsibilities, type PolicyDocument,
} from '../../api/policy.ts';
import { FindingList } from './FindingList.tsx';
import { PParagraphs, PText, usePlainText } from './labels.tsx';
import { ResponsibilityItem } from './ResponsibilityItem.tsx';

/**
 * /policy — the IT-security policy in force, readable: its goals and areas, and beside each area who
 * in this kommun is responsible for it right now, and what is missing (findings).
 */
export function PolicyPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const policy = useActivePolicy();
  // Responsibilities name units and people: they need org:read as well.
  const canReadOrg = hasPermission(me, 'org:read');
  const responsibilities = useResponsibilities(canReadOrg);
  const plain = usePlainText();

  if (policy.isError) return <LoadError error={policy.error} title={t('policy.title')} />;
  if (!policy.data) return <Spinner aria-label={t('policy.loading')} />;

  const doc = policy.data.document;
  return (
    <>
      <PageHeading title={plain(doc.title)}>
        <PText text={doc.title} />
      </PageHeading>
      <PolicyFacts policy={policy.data} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/policy/versions">{t('policy.versionsLink')}</RouterLink>
        </Link>
      </Paragraph>
      <section aria-labelledby="policy-goals-heading" className="section">
        <Heading level={2} data-size="sm" id="policy-goals-heading">
          {t('policy.goalsHeading')}
        </Heading>
        <ul className="plain-list policy-goals">
          {doc.goals.map((goal) => (
            <li key={goal.key}>
              <PText text={goal.text} />
            </li>
          ))}
        </ul>
      </section>
      {!canReadOrg ? (
        <Alert data-color="info">{t('policy.noOrgAccess')}</Alert>
      ) : responsibilities.isError ? (
        <Alert data-color="danger" role="alert">
          {isApiError(responsibilities.error) ? responsibilities.error.message : t('errors.unexpected')}
        </Alert>
      ) : null}
      {canReadOrg && responsibilities.isPending && <Spinner aria-label={t('policy.loadingResponsibilities')} />}
      <PolicyAreas doc={doc} organisations={responsibilities.data?.organisations ?? null} general={responsibilities.data?.findings ?? []} />
    </>
  );
}

function PolicyFacts({ policy }: { policy: ActivePolicy }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { adoption } = policy.document;
  const adopted = [adoption.body, adoption.date ? formatDate(adoption.date, locale) : null, adoption.reference].filter(Boolean).join(', ');
  return (
    <dl className="facts">
      <dt>{t('policy.version')}</dt>
      <dd>{policy.document.version}</dd>
      <dt>{t('policy.adoption')}</dt>
      <dd>{adopted || t('policy.adoptionUnknown')}</dd>
      <dt>{t('policy.source')}</dt>
      <dd>
        {policy.source === 'default'
          ? t('policy.sourceDefault')
          : policy.uploadedAt
            ? t('policy.sourceUploaded', { time: formatDateTime(policy.uploadedAt, locale), name: policy.uploadedBy?.name ?? t('policy.unknownUser') })
            : t('policy.sourceUploadedShort')}
      </dd>
    </dl>
  );
}

function PolicyAreas({
  doc,
  organisations,
  general,
}: {
  doc: PolicyDocument;
  organisations: OrganisationResponsibilities[] | null;
  general: Finding[];
}) {
  const { t } = useTranslation();
  const roleName = useDocumentRoleName(doc);
  const [kommunId, setKommunId] = useState('');
  const org = organisations?.find((o) => o.kommun.id === kommunId) ?? organisations?.[0] ?? null;
  const rulesByArea = new Map<string, Set<string>>();
  for (const rule of doc.rules) {
    const set = rulesByArea.get(rule.area) ?? new Set<string>();
    set.add(rule.id);
    rulesByArea.set(rule.area, set);
  }
  // Findings that keep no rule of any area from being satisfied are listed on their own.
  const allRules = new Set(doc.rules.map((r) => r.id));
  const otherFindings = org ? org.findings.filter((f) => !f.ruleIds.some((id) => allRules.has(id))) : [];
  const areas = [...doc.areas.filter((a) => a.kind === 'general'), ...doc.areas.filter((a) => a.kind === 'priority')];
  const firstPriority = areas.findIndex((a) => a.kind === 'priority');

  return (
    <>
      {organisations && organisations.length === 0 && <Alert data-color="info">{t('policy.noKommun')}</Alert>}
      {organisations && organisations.length > 1 && (
        <div className="narrow-field">
          <SelectField
            id="policy-kommun"
            label={t('policy.kommunLabel')}
            value={org?.kommun.id ?? ''}
            onChange={setKommunId}
            options={organisations.map((o) => ({ value: o.kommun.id, label: o.kommun.name }))}
          />
        </div>
      )}
      {org && <FindingsSummary org={org} general={general} />}
      <section aria-labelledby="policy-areas-heading" className="section">
        <Heading level={2} data-size="sm" id="policy-areas-heading">
          {org ? t('policy.areasHeadingFor', { name: org.kommun.name }) : t('policy.areasHeading')}
        </Heading>
        {areas.map((area, index) => {
          const ruleIds = rulesByArea.get(area.key) ?? new Set<string>();
          const resp = org?.areas.find((a) => a.area === area.key)?.responsibilities ?? [];
          const findings = org ? org.findings.filter((f) => f.ruleIds.some((id) => ruleIds.has(id))) : [];
          return (
            <div key={area.key} className="policy-area-group">
              {index === firstPriority && (
                <Paragraph className="policy-kind-note">
                  <strong>{t('policy.priorityAreasNote')}</strong>
                </Paragraph>
              )}
              <article className="policy-area" aria-labelledby={`area-${area.key}`}>
                <div className="policy-area__text">
                  <Heading level={3} data-size="xs" id={`area-${area.key}`}>
                    <PText text={area.title} />
                  </Heading>
                  {area.kind === 'priority' && <p className="muted policy-area__kind">{t('policy.priorityArea')}</p>}
                  <PParagraphs text={area.text} />
                </div>
                <div className="policy-area__live">
                  {org ? (
                    <>
                      <Heading level={4} data-size="2xs">
                        {t('policy.responsibleNow', { name: org.kommun.name })}
                      </Heading>
                      {resp.length === 0 ? (
                        <Paragraph data-size="sm">{t('policy.noRules')}</Paragraph>
                      ) : (
                        <ul className="responsibilities">
                          {resp.map((r) => (
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
                    </>
                  ) : (
                    <Paragraph data-size="sm" className="muted">
                      {t('policy.noLiveData')}
                    </Paragraph>
                  )}
                </div>
              </article>
            </div>
          );
        })}
      </section>
      {otherFindings.length > 0 && (
        <section aria-labelledby="policy-other-findings" className="section">
          <Heading level={2} data-size="sm" id="policy-other-findings">
            {t('policy.otherFindingsHeading', { count: otherFindings.length })}
          </Heading>
          <Paragraph>{t('policy.otherFindingsIntro')}</Paragraph>
          <FindingList findings={otherFindings} />
        </section>
      )}
    </>
  );
}

function FindingsSummary({ org, general }: { org: OrganisationResponsibilities; general: Finding[] }) {
  const { t } = useTranslation();
  const all = [...org.findings, ...general];
  const high = all.filter((f) => f.severity === 'high').length;
  return (
    <section aria-labelledby="policy-status-heading" className="section">
      <Heading level={2} data-size="sm" id="policy-status-heading">
        {t('policy.statusHeading', { name: org.kommun.name })}
      </Heading>
      {all.length === 0 ? (
        <Alert data-color="success">{t('policy.noFindings', { name: org.kommun.name })}</Alert>
      ) : (
        <Alert data-color={high > 0 ? 'danger' : 'warning'}>
          {t('policy.findingsCount', { count: all.length, name: org.kommun.name })} {high > 0 && t('policy.findingsHigh', { count: high })}
        </Alert>
      )}
      {general.length > 0 && <FindingList findings={general} />}
    </section>
  );
}

/** A role's name as the policy document names it (the key when the document does not list the role). */
function useDocumentRoleName(doc: PolicyDocument) {
  const plain = usePlainText();
  return (key: string | null | undefined): string => {
    const role = doc.roles.find((x) => x.key === key);
    return role ? plain(role.name) : (key ?? '');
  };
}
