import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail } from '../../api/findings.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { PersonPicker } from '../shared/PersonPicker.tsx';
import { todayIso } from '../shared/systemLabels.ts';
import { useFindingAction, type Notify } from './useFindingAction.ts';

/** The small forms of a finding's page (FindingActions): each sends one action with the version the page shows. */

interface FormProps {
  finding: FindingDetail;
  notify: Notify;
}

const ASSIGN_FIELDS = ['personId'] as const;
const DUE_FIELDS = ['dueOn'] as const;
const RISK_FIELDS = ['motivation', 'expiresOn'] as const;
/** A comment's text is `text`, a reason `reason` (the server's field names). */
const TEXT_FIELDS = ['text', 'reason'] as const;

/** Who is to act: a person chosen by search (acts instead of the one the policy names), or back to that one. */
export function AssignForm({ finding, notify }: FormProps) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const action = useFindingAction(finding, ASSIGN_FIELDS, `finding-assign-${finding.id}`, notify);
  return (
    <>
      <FormProblems errors={action.errors} />
      <form
        className="form"
        noValidate
        onSubmit={action.onSubmit(
          () => ({ action: 'assign', body: { version: finding.version, personId } }),
          t('finding.assign.done'),
          () => (personId ? {} : { personId: t('finding.assign.required') }),
        )}
      >
        <PersonPicker
          id={action.errors.id('personId')}
          legend={t('finding.assign.legend')}
          description={t('finding.assign.description')}
          value={personId}
          onChange={setPersonId}
          error={action.errors.fields.personId}
          excludeId={finding.assignee?.id}
        />
        <div className="actions">
          <Button type="submit" loading={action.isPending}>
            {t('finding.assign.submit')}
          </Button>
          {finding.assignee && (
            <Button
              type="button"
              variant="secondary"
              disabled={action.isPending}
              onClick={() =>
                action.submit({ action: 'assign', body: { version: finding.version, personId: null } }, t('finding.assign.doneNone'))
              }
            >
              {finding.actor ? t('finding.assign.backToActor', { name: finding.actor.name }) : t('finding.assign.remove')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** The due date: a day from today on, or back to the policy's default for the severity. */
export function DueDateForm({ finding, notify }: FormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [dueOn, setDueOn] = useState(finding.dueOn ?? '');
  const action = useFindingAction(finding, DUE_FIELDS, `finding-due-${finding.id}`, notify);
  const today = todayIso();
  return (
    <>
      <FormProblems errors={action.errors} />
      <form
        className="form"
        noValidate
        onSubmit={action.onSubmit(
          () => ({ action: 'due-date', body: { version: finding.version, dueOn } }),
          t('finding.due.done', { date: dueOn ? formatDate(dueOn, locale) : '' }),
          () => (!dueOn ? { dueOn: t('finding.due.required') } : dueOn < today ? { dueOn: t('finding.due.past') } : {}),
        )}
      >
        <Textfield
          id={action.errors.id('dueOn')}
          label={t('finding.due.label')}
          description={t('finding.due.description')}
          type="date"
          min={today}
          className="narrow-field"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={action.errors.fields.dueOn}
        />
        <div className="actions">
          <Button type="submit" loading={action.isPending}>
            {t('finding.due.submit')}
          </Button>
          {finding.dueSet && (
            <Button
              type="button"
              variant="secondary"
              disabled={action.isPending}
              onClick={() =>
                action.submit({ action: 'due-date', body: { version: finding.version, dueOn: null } }, t('finding.due.doneDefault'))
              }
            >
              {t('finding.due.backToDefault')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** Accept the risk: why, and the last day; says who approves it (the approver's own proposal is accepted at once). */
export function AcceptRiskForm({ finding, notify }: FormProps) {
  const { t } = useTranslation();
  const [motivation, setMotivation] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const action = useFindingAction(finding, RISK_FIELDS, `finding-risk-${finding.id}`, notify);
  const roles = finding.approverRoles.join(t('finding.or'));
  return (
    <>
      <Paragraph data-size="sm">{t('finding.risk.intro', { roles })}</Paragraph>
      <FormProblems errors={action.errors} />
      <form
        className="form"
        noValidate
        onSubmit={action.onSubmit(
          () => ({ action: 'accept-risk', body: { version: finding.version, motivation: motivation.trim(), expiresOn } }),
          (fresh) =>
            fresh.handling === 'risk_accepted'
              ? t('finding.risk.doneAccepted')
              : t('finding.risk.doneProposed', { name: fresh.riskApprover?.name ?? roles }),
          () => ({
            ...(motivation.trim() ? {} : { motivation: t('finding.risk.motivationRequired') }),
            ...(expiresOn ? {} : { expiresOn: t('finding.risk.expiresRequired') }),
          }),
        )}
      >
        <Textfield
          id={action.errors.id('motivation')}
          label={t('finding.risk.motivation')}
          description={t('finding.risk.motivationHint')}
          multiline
          rows={3}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
          error={action.errors.fields.motivation}
        />
        <Textfield
          id={action.errors.id('expiresOn')}
          label={t('finding.risk.expiresOn')}
          description={t('finding.risk.expiresHint')}
          type="date"
          min={todayIso()}
          className="narrow-field"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={action.errors.fields.expiresOn}
        />
        <div className="actions">
          <Button type="submit" loading={action.isPending}>
            {t('finding.risk.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** A form with one required text: the reason it does not apply, the reason a risk is rejected, or a comment. */
function TextActionForm({ finding, notify, kind }: FormProps & { kind: 'notApplicable' | 'reject' | 'comment' }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const field = kind === 'comment' ? 'text' : 'reason';
  const action = useFindingAction(finding, TEXT_FIELDS, `finding-${kind}-${finding.id}`, notify);
  const errors = action.errors;
  const value = text.trim();
  const run = () =>
    kind === 'comment'
      ? ({ action: 'comment', body: { text: value } } as const)
      : kind === 'reject'
        ? ({ action: 'reject-risk', body: { version: finding.version, reason: value } } as const)
        : ({ action: 'not-applicable', body: { version: finding.version, reason: value } } as const);
  return (
    <>
      {kind === 'notApplicable' && <Paragraph data-size="sm">{t('finding.notApplicable.intro')}</Paragraph>}
      <FormProblems errors={errors} />
      <form
        className="form"
        noValidate
        onSubmit={action.onSubmit(run, t(`finding.${kind}.done`), () => (value ? {} : { [field]: t(`finding.${kind}.required`) }))}
      >
        <Textfield
          id={errors.id(field)}
          label={t(`finding.${kind}.label`)}
          multiline
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.fields[field]}
        />
        <div className="actions">
          <Button type="submit" loading={action.isPending}>
            {t(`finding.${kind}.submit`)}
          </Button>
        </div>
      </form>
    </>
  );
}

export const NotApplicableForm = (props: FormProps) => <TextActionForm {...props} kind="notApplicable" />;
export const RejectRiskForm = (props: FormProps) => <TextActionForm {...props} kind="reject" />;
export const CommentForm = (props: FormProps) => <TextActionForm {...props} kind="comment" />;
