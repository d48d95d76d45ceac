import { Alert, Button, Fieldset, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { PText, useCapacityLabel } from '../policy/labels.tsx';
import { PartyText, useRoleName } from '../policy/PartyText.tsx';
import type { Responsibility } from '../../api/policy.ts';
import { useMatrix } from '../../api/matrix.ts';

/**
 * /responsibilities — the responsibility matrix: a row per system, a column per area of the policy,
 * and in each cell who is responsible and in what capacity (from the policy engine).
 */
export function MatrixPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const current = { unitId: params.get('unitId') ?? '', q: params.get('q') ?? '' };
  const [values, setValues] = useState(current);
  const matrix = useMatrix({ unitId: current.unitId || undefined, q: current.q || undefined });
  const pages = matrix.data?.pages ?? [];
  const areas = pages[0]?.areas ?? [];
  const rows = pages.flatMap((p) => p.items);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const search = new URLSearchParams();
    if (values.unitId) search.set('unitId', values.unitId);
    if (values.q.trim()) search.set('q', values.q.trim());
    setParams(search);
  }

  return (
    <>
      <PageHeading title={t('matrix.title')} />
      <Paragraph>{t('matrix.intro')}</Paragraph>
      <form className="filters" noValidate onSubmit={onSubmit} aria-label={t('matrix.filterLabel')}>
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
            <Textfield id="matrix-q" label={t('matrix.filterSearch')} value={values.q} onChange={(e) => setValues((v) => ({ ...v, q: e.target.value }))} />
          </div>
          <div className="actions">
            <Button type="submit">{t('matrix.apply')}</Button>
          </div>
        </Fieldset>
      </form>
      <div role="status" className="list-status">
        {matrix.isSuccess && (rows.length === 0 ? t('matrix.empty') : t('matrix.count', { count: rows.length }))}
      </div>
      {matrix.isPending && <Spinner aria-label={t('matrix.loading')} />}
      {matrix.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(matrix.error, t('errors.unexpected'))}
        </Alert>
      )}
      {rows.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra border className="data-table matrix-table">
            <caption id={captionId}>{t('matrix.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('matrix.colSystem')}</Table.HeaderCell>
                {areas.map((a) => (
                  <Table.HeaderCell scope="col" key={a.key}>
                    <PText text={a.title} />
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.system.id} tabIndex={-1}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/systems/${row.system.id}`}>{row.system.name}</RouterLink>
                    </Link>
                    <div className="cell-note">
                      {row.system.registerNo} · {row.system.owningUnit.name}
                    </div>
                    {row.findings > 0 && <div className="cell-note">{t('matrix.findings', { count: row.findings })}</div>}
                  </Table.HeaderCell>
                  {areas.map((a) => (
                    <Table.Cell key={a.key}>
                      <Cell responsibilities={row.cells.find((c) => c.area === a.key)?.responsibilities ?? []} />
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={matrix.hasNextPage}
        loading={matrix.isFetchingNextPage}
        onMore={() => void matrix.fetchNextPage()}
        count={rows.length}
        tableRef={tableRef}
      />
    </>
  );
}

/** Who is responsible for one area of one system: each party with its capacity; "nobody" in words. */
function Cell({ responsibilities }: { responsibilities: Responsibility[] }) {
  const { t } = useTranslation();
  const capacityLabel = useCapacityLabel();
  const roleName = useRoleName();
  if (!responsibilities.length) return <span className="cell-note">{t('matrix.notApplicable')}</span>;
  return (
    <ul className="matrix-cell">
      {responsibilities.map((r) => (
        <li key={r.ruleId}>
          <span className="cell-note">{capacityLabel(r.capacity)}: </span>
          {r.parties.length === 0 ? (
            <strong>{t('matrix.nobody')}</strong>
          ) : (
            r.parties.map((p, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <PartyText party={p} roleName={roleName} />
              </span>
            ))
          )}
        </li>
      ))}
    </ul>
  );
}
