import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessOrderDetail } from '../../api/access-orders.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useOrderAction, type Notify, type OrderNotice } from './useOrderAction.ts';

interface FormProps {
  order: AccessOrderDetail;
  notify: Notify;
}

const DECIDE_FIELDS = ['comment'] as const;
const EXECUTE_FIELDS = ['ticketRef', 'username'] as const;

/**
 * What the caller may do with the order, as the API's `actions` say: approve or reject (a rejection needs a comment),
 * execute (the ticket, and for a grant the user name in the system when the person has no account there yet),
 * confirm a removal, cancel. The forms start afresh after every step; the notice of the last one takes focus.
 */
export function OrderActions({ order }: { order: AccessOrderDetail }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<OrderNotice | null>(null);
  const can = (a: AccessOrderDetail['actions'][number]) => order.actions.includes(a);
  const key = `${order.version}-${notice?.at ?? 0}`;

  return (
    <section aria-labelledby="order-actions-heading" className="section">
      <Heading level={2} data-size="sm" id="order-actions-heading">
        {t('access.order.actionsHeading')}
      </Heading>
      {notice && (
        <FocusAlert color={notice.kind === 'done' ? 'success' : 'warning'} focusKey={notice.at}>
          {notice.text}
        </FocusAlert>
      )}
      {order.actions.length === 0 ? (
        <Paragraph>{t(order.state.startsWith('awaiting_') ? 'access.order.nothingForYou' : 'access.order.finished')}</Paragraph>
      ) : (
        <div className="access-actions" key={key}>
          {can('approve') && <DecisionForm order={order} notify={setNotice} />}
          {can('execute') && <ExecuteForm order={order} notify={setNotice} />}
          {can('confirm') && <TextStepForm order={order} notify={setNotice} step="confirm" />}
          {can('cancel') && (
            <Details>
              <Details.Summary>{t('access.order.cancel.heading')}</Details.Summary>
              <Details.Content>
                <TextStepForm order={order} notify={setNotice} step="cancel" />
              </Details.Content>
            </Details>
          )}
        </div>
      )}
    </section>
  );
}

/** The systemägare's decision: approve (a comment is optional) or reject (a comment is required). */
function DecisionForm({ order, notify }: FormProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const action = useOrderAction(order, DECIDE_FIELDS, `order-decide-${order.id}`, notify);
  const text = comment.trim();
  const approve = (event: FormEvent) => {
    event.preventDefault();
    action.submit({ action: 'approve', body: { version: order.version, comment: text || undefined } }, t('access.order.decide.approved'));
  };
  return (
    <div className="access-panel">
      <Heading level={3} data-size="2xs">
        {t('access.order.decide.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t(order.accessRole.privileged ? 'access.order.decide.introPrivileged' : 'access.order.decide.intro')}
      </Paragraph>
      <FormProblems errors={action.errors} />
      <form className="form" noValidate onSubmit={approve}>
        <Textfield
          id={action.errors.id('comment')}
          label={t('access.order.decide.comment')}
          description={t('access.order.decide.commentHint')}
          multiline
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={action.errors.fields.comment}
        />
        <div className="actions">
          <Button type="submit" loading={action.pendingAction === 'approve'} disabled={action.isPending}>
            {t('access.order.decide.approve')}
          </Button>
          <Button
            type="button"
            variant="secondary"
            data-color="danger"
            loading={action.pendingAction === 'reject'}
            disabled={action.isPending}
            onClick={() =>
              action.submit({ action: 'reject', body: { version: order.version, comment: text } }, t('access.order.decide.rejected'), () =>
                text ? {} : { comment: t('access.order.decide.commentRequired') },
              )
            }
          >
            {t('access.order.decide.reject')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The executor's note that it is done: the ticket and, for a grant, the user name in the system. */
function ExecuteForm({ order, notify }: FormProps) {
  const { t } = useTranslation();
  const [ticketRef, setTicketRef] = useState('');
  const [username, setUsername] = useState('');
  const action = useOrderAction(order, EXECUTE_FIELDS, `order-execute-${order.id}`, notify);
  // A grant for a person without an account in the system: the account is made with this user name.
  const asksUsername = order.kind === 'grant' && !order.account;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    action.submit(
      {
        action: 'execute',
        body: {
          version: order.version,
          ticketRef: ticketRef.trim(),
          ...(asksUsername && username.trim() ? { username: username.trim() } : {}),
        },
      },
      t(order.kind === 'grant' ? 'access.order.execute.doneGrant' : 'access.order.execute.doneRemoval'),
      () => (ticketRef.trim() ? {} : { ticketRef: t('access.order.execute.ticketRequired') }),
    );
  };
  return (
    <div className="access-panel">
      <Heading level={3} data-size="2xs">
        {t('access.order.execute.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {order.kind === 'grant'
          ? t('access.order.execute.introGrant', { role: order.accessRole.name, system: order.system.name })
          : t('access.order.execute.introRemoval', { role: order.accessRole.name, system: order.system.name })}
      </Paragraph>
      <FormProblems errors={action.errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={action.errors.id('ticketRef')}
          label={t('access.order.execute.ticket')}
          description={t('access.order.execute.ticketHint')}
          value={ticketRef}
          onChange={(e) => setTicketRef(e.target.value)}
          error={action.errors.fields.ticketRef}
        />
        {asksUsername ? (
          <Textfield
            id={action.errors.id('username')}
            label={t('access.order.execute.username')}
            description={t('access.order.execute.usernameHint')}
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={action.errors.fields.username}
          />
        ) : (
          order.account && <Paragraph data-size="sm">{t('access.order.execute.account', { username: order.account.username })}</Paragraph>
        )}
        <div className="actions">
          <Button type="submit" loading={action.isPending}>
            {t('access.order.execute.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Confirm a done removal, or cancel an order not done, each with an optional comment. */
function TextStepForm({ order, notify, step }: FormProps & { step: 'confirm' | 'cancel' }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const action = useOrderAction(order, DECIDE_FIELDS, `order-${step}-${order.id}`, notify);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    action.submit({ action: step, body: { version: order.version, comment: comment.trim() || undefined } }, t(`access.order.${step}.done`));
  };
  const form = (
    <>
      <Paragraph data-size="sm">{t(`access.order.${step}.intro`)}</Paragraph>
      <FormProblems errors={action.errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={action.errors.id('comment')}
          label={t('access.order.optionalComment')}
          multiline
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={action.errors.fields.comment}
        />
        <div className="actions">
          <Button
            type="submit"
            loading={action.isPending}
            variant={step === 'cancel' ? 'secondary' : 'primary'}
            data-color={step === 'cancel' ? 'danger' : undefined}
          >
            {t(`access.order.${step}.submit`)}
          </Button>
        </div>
      </form>
    </>
  );
  if (step === 'cancel') return form;
  return (
    <div className="access-panel">
      <Heading level={3} data-size="2xs">
        {t('access.order.confirm.heading')}
      </Heading>
      {form}
    </div>
  );
}
