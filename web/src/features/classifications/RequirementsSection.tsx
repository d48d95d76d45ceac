import { Alert, Button, Heading, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  classificationKeys, REQUIREMENT_STATUSES, updateRequirement, useRequirements, type RequirementStatus, type SystemRequirement,
} from '../../api/classifications.ts';
import { messageOf } from '../../components/forms.ts';
import { RowFilter } from '../../components/RowFilter.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useClassificationLabels } from './labels.ts';

const STATUS_COLOR: Record<RequirementStatus | 'unassessed', 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = {
  met: 'success',
  partly_met: 'warning',
  not_met: 'danger',
  not_applicable: 'neutral',
  unassessed: 'info',
};

const FILTERS = ['all', 'open', 'not_met'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The security requirements the approved classification brings, with how each is met: a summary of the statuses,
 * a filter for "only what is left", and per requirement its status and how, changed in place by the systemförvaltare.
 */
export function RequirementsSection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const data = useRequirements(systemId);
  const [filter, setFilter] = useState<Filter>('all');
  const captionId = useId();
  if (data.isPending) return <Spinner aria-label={t('classifications.requirements.loading')} />;
  if (data.isError) return <Alert data-color="danger">{messageOf(data.error, t('errors.unexpected'))}</Alert>;
  const { items, counts, canEdit } = data.data;
  const matches = (f: Filter, r: SystemRequirement) =>
    f === 'all' || (f === 'not_met' ? r.status === 'not_met' : r.status === null || r.status === 'not_met' || r.status === 'partly_met');
  const countOf = (f: Filter) => items.filter((r) => matches(f, r)).length;
  const shown = items.filter((r) => matches(filter, r));

  return (
    <section aria-labelledby="requirements-heading" className="requirements">
      <Heading level={3} data-size="xs" id="requirements-heading">
        {t('classifications.requirements.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('classifications.requirements.summary', { count: items.length, ...counts })}</Paragraph>
      <RowFilter
        legend={t('classifications.requirements.filter')}
        value={filter}
        options={FILTERS.map((f) => ({ key: f, label: t(`classifications.requirements.filters.${f}`, { count: countOf(f) }) }))}
        onChange={setFilter}
      />
      <TableScroll captionId={captionId}>
        <table className="data-table requirements-table">
          <caption id={captionId}>{t('classifications.requirements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classifications.requirements.requirement')}</th>
              <th scope="col">{t('classifications.requirements.from')}</th>
              <th scope="col">{t('classifications.requirements.iso')}</th>
              <th scope="col">{t('classifications.requirements.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <RequirementRow key={r.key} systemId={systemId} r={r} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shown.length === 0 && <Paragraph data-size="sm">{t('classifications.requirements.noneShown')}</Paragraph>}
    </section>
  );
}

function RequirementRow({ systemId, r, canEdit }: { systemId: string; r: SystemRequirement; canEdit: boolean }) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<RequirementStatus | ''>(r.status ?? '');
  const [how, setHow] = useState(r.how ?? '');
  const [errors, setErrors] = useState<{ status?: string; how?: string; general?: string }>({});
  const editButton = useRef<HTMLButtonElement>(null);
  // After a save the form closes and focus goes back to the row's "Ändra" button, once it is there again.
  const refocus = useRef(false);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const formId = useId();
  const save = useMutation({
    mutationFn: () => updateRequirement(systemId, r.key, { rowVersion: r.rowVersion, status: status as RequirementStatus, how: how.trim() || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: classificationKeys.requirements(systemId) });
      // The system's findings follow (a requirement not met is one); nothing else of the system changes.
      void queryClient.invalidateQueries({ queryKey: ['findings'] });
      refocus.current = true;
      setEditing(false);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: classificationKeys.requirements(systemId) });
        setErrors({ general: t('classifications.requirements.conflict') });
      } else if (isApiError(error) && error.fields.how) setErrors({ how: error.fields.how });
      else setErrors({ general: messageOf(error, t('errors.unexpected')) });
    },
  });
  const state = r.status ?? 'unassessed';

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!status) found.status = t('classifications.requirements.statusRequired');
    else if ((status === 'partly_met' || status === 'not_applicable') && !how.trim()) found.how = t('classifications.requirements.howRequired');
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }

  return (
    <tr>
      <td>
        <strong>{labels.text(r.title)}</strong>
        <details className="requirement-text">
          <summary>{t('classifications.requirements.more')}</summary>
          <p>{labels.text(r.text)}</p>
        </details>
      </td>
      <td>{t('classifications.requirements.fromLevel', { aspect: labels.aspect(r.aspect), level: r.minLevel })}</td>
      <td>{r.iso27002.join(', ')}</td>
      <td className="requirement-status">
        <Tag data-color={STATUS_COLOR[state]} data-size="sm">
          {t(`classifications.requirements.statuses.${state}`)}
        </Tag>
        {r.how && !editing && <p className="requirement-how">{r.how}</p>}
        {canEdit && !editing && (
          <Button ref={editButton} variant="tertiary" data-size="sm" onClick={() => setEditing(true)} aria-label={t('classifications.requirements.editLabel', { title: labels.text(r.title) })}>
            {t('classifications.requirements.edit')}
          </Button>
        )}
        {editing && (
          <form id={formId} noValidate onSubmit={submit} className="requirement-form">
            {errors.general && (
              <Alert data-color="danger" role="alert" data-size="sm">
                {errors.general}
              </Alert>
            )}
            <SelectField
              id={`${formId}-status`}
              label={t('classifications.requirements.status')}
              value={status}
              onChange={(v) => setStatus(v as RequirementStatus)}
              placeholder={t('classifications.requirements.choose')}
              options={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(`classifications.requirements.statuses.${s}`) }))}
              error={errors.status}
            />
            <Textfield
              id={`${formId}-how`}
              label={t('classifications.requirements.how')}
              multiline
              rows={2}
              value={how}
              onChange={(e) => setHow(e.target.value)}
              error={errors.how}
            />
            <div className="classification-actions">
              <Button type="submit" data-size="sm" disabled={save.isPending}>
                {t('classifications.requirements.save')}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        )}
      </td>
    </tr>
  );
}
