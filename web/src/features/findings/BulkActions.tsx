import { Button, Heading, Paragraph, Radio, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { bulkActOnFindings, countFindings, type BulkAction, type FindingsFilter } from '../../api/findings.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDate } from '../../components/format.ts';
import { messageOf, useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PersonPicker } from '../shared/PersonPicker.tsx';
import { todayIso } from '../shared/systemLabels.ts';
import { bulkFilter, bulkHandling, type BulkKind as Kind } from './bulk.ts';
import { refreshAfterAction } from './useFindingAction.ts';

/** At most this many findings in one bulk action (the server's limit). */
export const BULK_MAX = 500;

const FIELDS = ['personId', 'dueOn', 'reason'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  filter: FindingsFilter;
  /** Findings the filter lets through now. */
  total: number;
}

/**
 * "Hantera alla N" on a filtered list of open findings: one action (assign, due date, acknowledge, not applicable)
 * for every finding the filter lets through, all or nothing, after a question that says how many it reaches.
 */
export function BulkActions({ filter, total }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('assign');
  const [personId, setPersonId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState<{ count: number; body: BulkAction } | null>(null);
  const [done, setDone] = useState<{ count: number; at: number } | null>(null);
  const [nothing, setNothing] = useState<number | null>(null);
  const errors = useFormErrors(FIELDS, 'bulk');
  const kinds = (['assign', 'due_date', 'acknowledge', 'not_applicable'] as const).filter((k) => bulkHandling(k, filter.handling) !== null);

  const counting = useMutation({
    mutationFn: async (body: BulkAction) => ({ body, count: await countFindings({ ...body.filter, status: 'open' }) }),
    onSuccess: ({ body, count }) => (count === 0 ? setNothing(Date.now()) : setConfirm({ body, count })),
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });
  const bulk = useMutation({
    mutationFn: bulkActOnFindings,
    onSuccess: async ({ changed }) => {
      setConfirm(null);
      setOpen(false);
      setDone({ count: changed, at: Date.now() });
      await refreshAfterAction(queryClient);
    },
    // Someone changed one of them meanwhile: nothing was written; the list is read again.
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await refreshAfterAction(queryClient);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setNothing(null);
    const found: FieldMessages<Field> = {};
    if (kind === 'assign' && !personId) found.personId = t('finding.assign.required');
    if (kind === 'due_date' && !dueOn) found.dueOn = t('finding.due.required');
    if (kind === 'due_date' && dueOn && dueOn < todayIso()) found.dueOn = t('finding.due.past');
    if (kind === 'not_applicable' && !reason.trim()) found.reason = t('finding.notApplicable.required');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    const f = bulkFilter(filter, bulkHandling(kind, filter.handling) ?? undefined);
    const body: BulkAction =
      kind === 'assign'
        ? { action: kind, filter: f, personId }
        : kind === 'due_date'
          ? { action: kind, filter: f, dueOn }
          : kind === 'not_applicable'
            ? { action: kind, filter: f, reason: reason.trim() }
            : { action: kind, filter: f };
    bulk.reset();
    counting.mutate(body);
  }

  const question = (c: { count: number; body: BulkAction }) => {
    const b = c.body;
    if (b.action === 'due_date') return t('bulk.confirm.due_date', { count: c.count, date: formatDate(b.dueOn ?? '', locale) });
    return t(`bulk.confirm.${b.action}`, { count: c.count });
  };

  return (
    <section aria-labelledby={headingId} className="bulk">
      <Heading level={2} data-size="2xs" id={headingId} className="sr-only">
        {t('bulk.heading')}
      </Heading>
      {done && (
        <FocusAlert color="success" focusKey={done.at}>
          {t('bulk.done', { count: done.count })}
        </FocusAlert>
      )}
      {total > BULK_MAX ? (
        <Paragraph data-size="sm">{t('bulk.tooMany', { count: total, max: BULK_MAX })}</Paragraph>
      ) : (
        <div className="bulk-bar">
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {t('bulk.open', { count: total })}
          </Button>
        </div>
      )}
      {open && total <= BULK_MAX && (
        <>
          <FormProblems errors={errors} />
          {nothing && (
            <FocusAlert color="info" focusKey={nothing}>
              {t('bulk.none')}
            </FocusAlert>
          )}
          <form className="form bulk-form" noValidate onSubmit={onSubmit}>
            <Paragraph data-size="sm">{t('bulk.intro', { count: total })}</Paragraph>
            <Fieldset>
              <Fieldset.Legend>{t('bulk.actionLegend')}</Fieldset.Legend>
              {kinds.map((k) => (
                <Radio
                  key={k}
                  name={`${headingId}-kind`}
                  value={k}
                  label={t(`bulk.action.${k}`)}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
              ))}
            </Fieldset>
            {kind === 'assign' && (
              <PersonPicker
                id={errors.id('personId')}
                legend={t('finding.assign.legend')}
                value={personId}
                onChange={setPersonId}
                error={errors.fields.personId}
              />
            )}
            {kind === 'due_date' && (
              <Textfield
                id={errors.id('dueOn')}
                label={t('finding.due.label')}
                type="date"
                min={todayIso()}
                className="narrow-field"
                value={dueOn}
                onChange={(e) => setDueOn(e.target.value)}
                error={errors.fields.dueOn}
              />
            )}
            {kind === 'not_applicable' && (
              <Textfield
                id={errors.id('reason')}
                label={t('finding.notApplicable.label')}
                multiline
                rows={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={errors.fields.reason}
              />
            )}
            {kind === 'acknowledge' && <Paragraph data-size="sm">{t('bulk.acknowledgeNote')}</Paragraph>}
            <div className="actions">
              <Button type="submit" loading={counting.isPending}>
                {t('bulk.continue')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </>
      )}
      {confirm && (
        <ConfirmDialog
          open
          title={t('bulk.confirmTitle')}
          confirmLabel={t('bulk.confirmSubmit', { count: confirm.count })}
          onConfirm={() => bulk.mutate(confirm.body)}
          onClose={() => setConfirm(null)}
          busy={bulk.isPending}
          error={bulk.isError ? messageOf(bulk.error, t('errors.unexpected')) : null}
        >
          {question(confirm)}
        </ConfirmDialog>
      )}
    </section>
  );
}
