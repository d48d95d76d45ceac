import { Alert, Button, Checkbox, Fieldset, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { usePlainText } from '../policy/labels.tsx';
import { useMatrix } from '../../api/matrix.ts';
import { CellDetails, type OpenCell } from './CellDetails.tsx';
import { MatrixTable, StatusMark } from './MatrixTable.tsx';
import './matrix.css';

/**
 * /responsibilities — the responsibility matrix: a row per system, a column per area of the policy, and
 * in each cell who is responsible (or Vakant, Saknas) with a shape; the details in a side panel. Filters:
 * förvaltning, area, only gaps, search; rows grouped by förvaltning; 50 systems a page.
 */
export function MatrixPage() {
  const { t } = useTranslation();
  const plain = usePlainText();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const current = {
    unitId: params.get('unitId') ?? '',
    q: params.get('q') ?? '',
    area: params.get('area') ?? '',
    gaps: params.get('gaps') === 'true',
    grouped: params.get('group') !== 'false',
  };
  const [values, setValues] = useState(current);
  const [open, setOpen] = useState<OpenCell | null>(null);
  const matrix = useMatrix({ unitId: current.unitId || undefined, q: current.q || undefined, area: current.area || undefined, gaps: current.gaps });
  const pages = matrix.data?.pages ?? [];
  const first = pages[0];
  const rows = pages.flatMap((p) => p.items);
  const total = first?.total ?? null;

  // After "show more", focus the first system of the new page (rows are grouped, so it need not be last).
  const focusSystem = useRef<string | null>(null);
  const pageCount = pages.length;
  useEffect(() => {
    const id = focusSystem.current;
    if (!id) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`tr[data-system-id="${CSS.escape(id)}"]`);
    if (row) {
      focusSystem.current = null;
      row.focus();
    }
  }, [pageCount]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const search = new URLSearchParams();
    if (values.unitId) search.set('unitId', values.unitId);
    if (values.q.trim()) search.set('q', values.q.trim());
    if (values.area) search.set('area', values.area);
    if (values.gaps) search.set('gaps', 'true');
    if (!values.grouped) search.set('group', 'false');
    setParams(search);
  }

  function onMore() {
    if (matrix.isFetchingNextPage) return;
    void matrix.fetchNextPage().then((res) => {
      const added = res.data?.pages[res.data.pages.length - 1]?.items[0];
      focusSystem.current = added?.system.id ?? null;
    });
  }

  const status = !matrix.isSuccess
    ? ''
    : rows.length === 0
      ? current.gaps
        ? t('matrix.emptyGaps')
        : t('matrix.empty')
      : current.gaps
        ? t('matrix.countGaps', { count: rows.length })
        : total !== null
          ? t('matrix.countOf', { count: rows.length, total })
          : t('matrix.count', { count: rows.length });

  return (
    <>
      <PageHeading title={t('matrix.title')} />
      <Paragraph>
        {t('matrix.intro')}
        {first && <> {t('matrix.policy', { title: plain(first.pack.title) })}</>}
      </Paragraph>
      <form className="filters matrix-filters" noValidate onSubmit={onSubmit} aria-label={t('matrix.filterLabel')}>
        <Fieldset>
          <Fieldset.Legend>{t('matrix.filterLegend')}</Fieldset.Legend>
          <div className="filters__fields">
            <UnitSelect
              id="matrix-unit"
              label={t('matrix.filterUnit')}
              placeholder={t('matrix.filterAll')}
              value={values.unitId}
              onChange={(unitId) => setValues((v) => ({ ...v, unitId }))}
              activeOnly={false}
            />
            <SelectField
              id="matrix-area"
              label={t('matrix.filterArea')}
              placeholder={t('matrix.filterAllAreas')}
              value={values.area}
              onChange={(area) => setValues((v) => ({ ...v, area }))}
              options={(first?.availableAreas ?? []).map((a) => ({ value: a.key, label: plain(a.title) }))}
            />
            <Textfield id="matrix-q" label={t('matrix.filterSearch')} value={values.q} onChange={(e) => setValues((v) => ({ ...v, q: e.target.value }))} />
          </div>
          <div className="matrix-filters__checks">
            <Checkbox
              id="matrix-gaps"
              label={t('matrix.filterGaps')}
              checked={values.gaps}
              onChange={(e) => setValues((v) => ({ ...v, gaps: e.target.checked }))}
            />
            <Checkbox
              id="matrix-group"
              label={t('matrix.groupByForvaltning')}
              checked={values.grouped}
              onChange={(e) => setValues((v) => ({ ...v, grouped: e.target.checked }))}
            />
            <Button type="submit">{t('matrix.apply')}</Button>
          </div>
        </Fieldset>
      </form>
      <div className="matrix-bar">
        <div role="status" className="list-status">
          {status}
        </div>
        <ul className="matrix-legend" aria-label={t('matrix.legend')}>
          {(['held', 'vacant', 'missing'] as const).map((s) => (
            <li key={s}>
              <StatusMark status={s} /> {t(`matrix.legendText.${s}`)}
            </li>
          ))}
        </ul>
      </div>
      {matrix.isPending && <Spinner aria-label={t('matrix.loading')} />}
      {matrix.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(matrix.error, t('errors.unexpected'))}
        </Alert>
      )}
      {rows.length > 0 && first && (
        <MatrixTable
          areas={first.areas}
          items={rows}
          grouped={current.grouped}
          tableRef={tableRef}
          onOpen={(item, area, cell, button) => {
            opener.current = button;
            setOpen({ item, area, cell });
          }}
        />
      )}
      {matrix.hasNextPage && (
        <div className="actions">
          <Button variant="secondary" loading={matrix.isFetchingNextPage} onClick={onMore}>
            {t('common.showMore')}
          </Button>
        </div>
      )}
      <CellDetails
        open={open}
        onClose={() => {
          setOpen(null);
          opener.current?.focus();
        }}
      />
    </>
  );
}
