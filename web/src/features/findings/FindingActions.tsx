import { Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail } from '../../api/findings.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { AcceptRiskForm, AssignForm, CommentForm, DueDateForm, NotApplicableForm, RejectRiskForm } from './FindingForms.tsx';
import { HANDLED_HANDLINGS, TODO_HANDLINGS } from './labels.ts';
import { useFindingAction, type ActionNotice, type Notify } from './useFindingAction.ts';

const NO_FIELDS = [] as const;

/**
 * What the caller may do with the finding (the server's `may`): approve or reject a proposed risk, acknowledge,
 * reopen, and the small forms — assign, due date, accept the risk, not applicable, comment — each folded under its
 * name. The forms start afresh after every change (keyed by the finding's version and the last action); the notice of
 * the last action stays above them and takes focus.
 */
export function FindingActions({ finding }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const { act, approveRisk } = finding.may;
  const open = finding.status === 'open';

  return (
    <section aria-labelledby="finding-actions-heading" className="section">
      <Heading level={2} data-size="sm" id="finding-actions-heading">
        {t('finding.actionsHeading')}
      </Heading>
      {notice && (
        <FocusAlert color={notice.kind === 'done' ? 'success' : 'warning'} focusKey={notice.at}>
          {notice.text}
        </FocusAlert>
      )}
      {!open ? (
        <Paragraph>{t('finding.resolvedNoActions')}</Paragraph>
      ) : !act && !approveRisk ? (
        <Paragraph>{t('finding.readOnly')}</Paragraph>
      ) : (
        // After each change (a comment changes no version) the forms start empty.
        <ActionList key={`${finding.version}-${notice?.kind === 'done' ? notice.at : 0}`} finding={finding} notify={setNotice} />
      )}
    </section>
  );
}

function ActionList({ finding, notify }: { finding: FindingDetail; notify: Notify }) {
  const { t } = useTranslation();
  const { act, approveRisk } = finding.may;
  const todo = TODO_HANDLINGS.includes(finding.handling);
  const canAcknowledge = act && finding.handling === 'none';
  const canReopen = act && HANDLED_HANDLINGS.includes(finding.handling);
  const canAcceptRisk = act && (finding.handling === 'none' || finding.handling === 'acknowledged');

  return (
    <>
      {approveRisk && <RiskDecision finding={finding} notify={notify} />}
      {(canAcknowledge || canReopen) && <QuickActions finding={finding} notify={notify} acknowledge={canAcknowledge} reopen={canReopen} />}
      {act && (
        <div className="disclosures finding-forms">
          <Details>
            <Details.Summary>{t('finding.assign.heading')}</Details.Summary>
            <Details.Content>
              <AssignForm finding={finding} notify={notify} />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t('finding.due.heading')}</Details.Summary>
            <Details.Content>
              <DueDateForm finding={finding} notify={notify} />
            </Details.Content>
          </Details>
          {canAcceptRisk && (
            <Details>
              <Details.Summary>{t('finding.risk.heading')}</Details.Summary>
              <Details.Content>
                <AcceptRiskForm finding={finding} notify={notify} />
              </Details.Content>
            </Details>
          )}
          {todo && (
            <Details>
              <Details.Summary>{t('finding.notApplicable.heading')}</Details.Summary>
              <Details.Content>
                <NotApplicableForm finding={finding} notify={notify} />
              </Details.Content>
            </Details>
          )}
          <Details>
            <Details.Summary>{t('finding.comment.heading')}</Details.Summary>
            <Details.Content>
              <CommentForm finding={finding} notify={notify} />
            </Details.Content>
          </Details>
        </div>
      )}
    </>
  );
}

/** The actions without a field: acknowledge (someone works on it) and reopen (from not applicable or an accepted risk). */
function QuickActions({
  finding,
  notify,
  acknowledge,
  reopen,
}: {
  finding: FindingDetail;
  notify: Notify;
  acknowledge: boolean;
  reopen: boolean;
}) {
  const { t } = useTranslation();
  const action = useFindingAction(finding, NO_FIELDS, `finding-quick-${finding.id}`, notify);
  return (
    <div className="finding-quick">
      <FormProblems errors={action.errors} />
      {acknowledge && <Paragraph data-size="sm">{t('finding.acknowledge.intro')}</Paragraph>}
      {reopen && <Paragraph data-size="sm">{t('finding.reopen.intro')}</Paragraph>}
      <div className="actions">
        {acknowledge && (
          <Button
            loading={action.isPending}
            onClick={() => action.submit({ action: 'acknowledge', body: { version: finding.version } }, t('finding.acknowledge.done'))}
          >
            {t('finding.acknowledge.submit')}
          </Button>
        )}
        {reopen && (
          <Button
            variant="secondary"
            loading={action.isPending}
            onClick={() => action.submit({ action: 'reopen', body: { version: finding.version } }, t('finding.reopen.done'))}
          >
            {t('finding.reopen.submit')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** For the approver: the proposal (motivation, until when), approve it, or reject it with a reason. */
function RiskDecision({ finding, notify }: { finding: FindingDetail; notify: Notify }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const approve = useFindingAction(finding, NO_FIELDS, `finding-approve-${finding.id}`, notify);
  return (
    <div className="status-panel risk-decision">
      <Heading level={3} data-size="2xs">
        {t('finding.decision.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('finding.decision.intro', { date: finding.riskExpiresOn ? formatDate(finding.riskExpiresOn, locale) : '' })}
      </Paragraph>
      {finding.reason && <blockquote className="finding-quote">{finding.reason}</blockquote>}
      <FormProblems errors={approve.errors} />
      <div className="actions">
        <Button
          loading={approve.isPending}
          onClick={() => approve.submit({ action: 'approve-risk', body: { version: finding.version } }, t('finding.decision.approved'))}
        >
          {t('finding.decision.approve')}
        </Button>
      </div>
      <Details>
        <Details.Summary>{t('finding.decision.rejectHeading')}</Details.Summary>
        <Details.Content>
          <RejectRiskForm finding={finding} notify={notify} />
        </Details.Content>
      </Details>
    </div>
  );
}
