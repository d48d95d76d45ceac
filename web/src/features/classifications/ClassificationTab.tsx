import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { ASPECTS, classificationKeys, createClassification, useSystemClassifications, type Classification } from '../../api/classifications.ts';
import type { System } from '../../api/systems.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { messageOf } from '../../components/forms.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { todayIso } from '../shared/systemLabels.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { STATUS_COLOR, useClassificationLabels } from './labels.ts';
import { RequirementsSection } from './RequirementsSection.tsx';
import { VersionsSection } from './VersionsSection.tsx';
import './classifications.css';

/**
 * The system's information classification: the approved one (levels, flags, who approved, the next review), the
 * one in progress with what the caller may do (continue in the guide, approve or send back), the requirements the
 * levels bring, and every earlier version with the differences between two.
 */
export function ClassificationTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const data = useSystemClassifications(system.id);
  const navigate = useNavigate();
  const location = useLocation();
  const submitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => createClassification(system.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: classificationKeys.all });
      void navigate(`/systems/${system.id}/classify`);
    },
  });

  if (data.isPending) return <Spinner aria-label={t('classifications.loading')} />;
  if (data.isError) return <Alert data-color="danger">{messageOf(data.error, t('errors.unexpected'))}</Alert>;
  const items = data.data.items;
  const approved = items.find((c) => c.status === 'approved') ?? null;
  const inProgress = items.find((c) => c.status === 'draft' || c.status === 'submitted') ?? null;
  const lastRejected = !inProgress && items[0]?.status === 'rejected' ? items[0] : null;

  return (
    <div className="tab-content classification-tab">
      <Heading level={2} data-size="sm">
        {t('classifications.heading')}
      </Heading>
      {submitted && <FocusAlert color="success">{t('classifications.submittedNotice')}</FocusAlert>}
      {approved ? <ApprovedSummary c={approved} /> : <Paragraph>{t('classifications.noneApproved', { name: system.name })}</Paragraph>}
      {lastRejected && (
        <Alert data-color="warning">
          {t('classifications.rejectedNote', {
            version: lastRejected.version,
            name: lastRejected.decidedBy?.name ?? '',
            reason: lastRejected.rejectionReason ?? '',
          })}
        </Alert>
      )}
      {inProgress && <InProgress c={inProgress} systemId={system.id} approverRoles={data.data.approverRoles} />}
      {data.data.canCreate && (
        <div className="classification-actions">
          {start.isError && (
            <Alert data-color="danger" role="alert">
              {messageOf(start.error, t('errors.unexpected'))}
            </Alert>
          )}
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {approved ? t('classifications.startReview') : t('classifications.start')}
          </Button>
        </div>
      )}
      {approved && <RequirementsSection systemId={system.id} />}
      {items.length > 1 && <VersionsSection items={items} />}
    </div>
  );
}

/** The levels of a classification as a small table: aspect, level and what it means. */
export function LevelsTable({ c, caption }: { c: Classification; caption: string }) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  return (
    <table className="levels-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('classifications.aspect')}</th>
          <th scope="col">{t('classifications.level')}</th>
        </tr>
      </thead>
      <tbody>
        {ASPECTS.map((a) => (
          <tr key={a}>
            <th scope="row">{labels.aspect(a)}</th>
            <td>{labels.level(a, c.levels[a], c.scale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The flags beside the levels, in words (never details of säkerhetsskydd). */
export function FlagsList({ c }: { c: Classification }) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  const f = c.flags;
  return (
    <dl className="facts">
      <dt>{t('classifications.flags.personalData')}</dt>
      <dd>{labels.yesNo(f.personalData)}</dd>
      <dt>{t('classifications.flags.sensitivePersonalData')}</dt>
      <dd>{labels.yesNo(f.sensitivePersonalData)}</dd>
      <dt>{t('classifications.flags.protectedIdentity')}</dt>
      <dd>{labels.yesNo(f.protectedIdentity)}</dd>
      <dt>{t('classifications.flags.oslSecrecy')}</dt>
      <dd>{labels.yesNo(f.oslSecrecy)}</dd>
      <dt>{t('classifications.flags.securityProtection')}</dt>
      <dd>{labels.protection(f.securityProtection)}</dd>
    </dl>
  );
}

function ApprovedSummary({ c }: { c: Classification }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClassificationLabels();
  const today = todayIso();
  const due = c.reviewDueAt !== null && c.reviewDueAt <= today;
  return (
    <section aria-labelledby="classification-approved" className="status-panel">
      <Heading level={3} data-size="2xs" id="classification-approved">
        {t('classifications.approvedHeading', { version: c.version })}
      </Heading>
      <Paragraph data-size="sm">
        {t('classifications.approvedBy', {
          date: c.decidedAt ? formatDate(c.decidedAt, locale) : '',
          name: c.decidedBy?.name ?? '',
          role: labels.text(c.decidedAs),
        })}{' '}
        {t('classifications.methodLine', { method: labels.method(c.method) })}
        {c.reference && ` ${t('classifications.referenceLine', { reference: c.reference })}`}
      </Paragraph>
      {due ? (
        <Alert data-color="warning">
          {c.nextReviewAt && c.reviewDueAt === c.nextReviewAt
            ? t('classifications.reviewOverdue', { date: formatDate(c.reviewDueAt, locale) })
            : t('classifications.reviewChanged')}
        </Alert>
      ) : (
        c.nextReviewAt && <Paragraph data-size="sm">{t('classifications.nextReview', { date: formatDate(c.nextReviewAt, locale) })}</Paragraph>
      )}
      <div className="classification-columns">
        <LevelsTable c={c} caption={t('classifications.levelsCaption')} />
        <FlagsList c={c} />
      </div>
    </section>
  );
}

function InProgress({ c, systemId, approverRoles }: { c: Classification; systemId: string; approverRoles: Array<{ sv: string; en: string | null }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClassificationLabels();
  return (
    <section aria-labelledby="classification-progress" className="status-panel">
      <Heading level={3} data-size="2xs" id="classification-progress">
        {t('classifications.inProgressHeading', { version: c.version })}{' '}
        <Tag data-color={STATUS_COLOR[c.status]} data-size="sm">
          {labels.status(c)}
        </Tag>
      </Heading>
      {c.method === 'import' && c.status === 'draft' && <Paragraph data-size="sm">{t('classifications.importedDraft')}</Paragraph>}
      <Paragraph data-size="sm">
        {c.status === 'submitted'
          ? t('classifications.submittedLine', {
              date: c.submittedAt ? formatDateTime(c.submittedAt, locale) : '',
              name: c.submittedBy?.name ?? '',
              roles: approverRoles.map((r) => labels.text(r)).join(t('classifications.or')),
            })
          : t('classifications.draftLine', { date: formatDateTime(c.createdAt, locale), name: c.createdBy?.name ?? t('classifications.theImport') })}
        {c.supportRequestedAt &&
          ` ${t('classifications.supportRequested', { date: formatDate(c.supportRequestedAt, locale), name: c.supportRequestedBy?.name ?? '' })}`}
      </Paragraph>
      <LevelsTable c={c} caption={t('classifications.levelsCaptionDraft')} />
      {c.can.edit && (
        <Paragraph>
          <Button asChild>
            <RouterLink to={`/systems/${systemId}/classify`}>{t('classifications.continue')}</RouterLink>
          </Button>
        </Paragraph>
      )}
      {(c.can.approve || c.can.reject) && <DecisionForm c={c} />}
    </section>
  );
}
