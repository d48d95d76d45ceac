import { Alert, Button, Checkbox, Fieldset, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SEVERITIES } from '../../../../shared/policy.ts';
import { hasPermission } from '../../api/me.ts';
import { useMySummary } from '../../api/tasks.ts';
import { useFilterValues } from '../../components/filterForm.ts';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import {
  FINDING_RULES,
  findingsExportUrl,
  useFindings,
  type FindingSeverity,
  type FindingsFilter,
  type HandlingFilter,
} from '../../api/findings.ts';
import { BulkActions } from './BulkActions.tsx';
import { FindingsTable } from './FindingsTable.tsx';

const STATUSES = ['open', 'resolved', 'all'] as const;
type Status = (typeof STATUSES)[number];
/** The handling filter's choices: to do, handled, accepted risks, not applicable ('' is all). */
const HANDLINGS = ['todo', 'handled', 'risk_accepted', 'not_applicable'] as const satisfies readonly HandlingFilter[];

interface Values {
  unitId: string;
  rule: string;
  severity: string;
  status: Status;
  handling: string;
  overdue: boolean;
  mine: boolean;
}

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T | ''): T | '' =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

/** /findings — every place the register and the organisation do not meet the policy, worst first; handled in bulk. */
export function FindingsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const current: Values = {
    unitId: params.get('unitId') ?? '',
    rule: params.get('rule') ?? '',
    severity: params.get('severity') ?? '',
    status: pick(STATUSES, params.get('status'), 'open') as Status,
    handling: pick(HANDLINGS, params.get('handling'), ''),
    overdue: params.get('overdue') === 'true',
    mine: params.get('mine') === 'true',
  };
  const { values, setValues, markApplied } = useFilterValues(current, (v) => JSON.stringify(v));
  // "Bara mina": the findings the signed-in person is to act on. /api/me has no person, so its id comes from Mitt ansvar's summary.
  const summary = useMySummary({ enabled: current.mine });
  const personId = summary.data?.person?.id;
  const noPerson = current.mine && summary.isSuccess && !personId;
  const filter: FindingsFilter = {
    unitId: current.unitId || undefined,
    rule: current.rule || undefined,
    severity: (current.severity || undefined) as FindingSeverity | undefined,
    status: current.status,
    handling: (current.handling || undefined) as HandlingFilter | undefined,
    overdue: current.overdue || undefined,
    ownerId: current.mine ? personId : undefined,
  };
  const ready = !current.mine || Boolean(personId);
  const findings = useFindings(filter, { enabled: ready });
  const items = findings.data?.pages.flatMap((p) => p.items) ?? [];
  const total = findings.data?.pages[0]?.total;
  const filtered = Boolean(filter.unitId || filter.rule || filter.severity || filter.handling || filter.overdue || filter.ownerId);
  const bulk = filtered && current.status === 'open' && hasPermission(me, 'systems:write') && typeof total === 'number' && total > 0;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'boolean') {
        if (value) search.set(key, 'true');
      } else if (value && !(key === 'status' && value === 'open')) search.set(key, value);
    }
    markApplied(values);
    setParams(search);
  }

  return (
    <>
      <PageHeading title={t('findings.title')} />
      <Paragraph>{t('findings.intro')}</Paragraph>
      <form className="filters" noValidate onSubmit={onSubmit} aria-label={t('findings.filterLabel')}>
        <Fieldset>
          <Fieldset.Legend>{t('findings.filterLegend')}</Fieldset.Legend>
          <div className="filters__fields">
            <UnitSelect
              id="findings-unit"
              label={t('findings.filterUnit')}
              placeholder={t('findings.filterAll')}
              value={values.unitId}
              onChange={(unitId) => setValues((v) => ({ ...v, unitId }))}
              activeOnly={false}
            />
            <SelectField
              id="findings-severity"
              label={t('findings.filterSeverity')}
              placeholder={t('findings.filterAll')}
              value={values.severity}
              onChange={(severity) => setValues((v) => ({ ...v, severity }))}
              options={SEVERITIES.map((s) => ({ value: s, label: t(`findings.severity.${s}`) }))}
            />
            <SelectField
              id="findings-rule"
              label={t('findings.filterRule')}
              placeholder={t('findings.filterAll')}
              value={values.rule}
              onChange={(rule) => setValues((v) => ({ ...v, rule }))}
              options={FINDING_RULES.map((r) => ({ value: r, label: t(`findings.rules.${r}`) }))}
            />
            <SelectField
              id="findings-handling"
              label={t('findings.filterHandling')}
              placeholder={t('findings.filterAll')}
              value={values.handling}
              onChange={(handling) => setValues((v) => ({ ...v, handling }))}
              options={HANDLINGS.map((h) => ({ value: h, label: t(`findings.handlingFilter.${h}`) }))}
            />
            <SelectField
              id="findings-status"
              label={t('findings.filterStatus')}
              value={values.status}
              onChange={(s) => setValues((v) => ({ ...v, status: s as Status }))}
              options={STATUSES.map((s) => ({ value: s, label: t(`findings.status.${s}`) }))}
            />
          </div>
          <div className="filters__checks">
            <Checkbox
              label={t('findings.filterOverdue')}
              checked={values.overdue}
              onChange={(e) => setValues((v) => ({ ...v, overdue: e.target.checked }))}
            />
            <Checkbox
              label={t('findings.filterMine')}
              checked={values.mine}
              onChange={(e) => setValues((v) => ({ ...v, mine: e.target.checked }))}
            />
          </div>
          <div className="actions">
            <Button type="submit">{t('findings.apply')}</Button>
          </div>
        </Fieldset>
      </form>
      {noPerson && <Alert data-color="info">{t('findings.noPerson')}</Alert>}
      <div role="status" className="list-status">
        {findings.isSuccess &&
          (items.length === 0
            ? t('findings.empty')
            : total !== null && total !== undefined
              ? t('findings.countOf', { shown: items.length, count: total })
              : t('findings.count', { count: items.length }))}
      </div>
      {((findings.isPending && ready) || (current.mine && summary.isPending)) && <Spinner aria-label={t('findings.loading')} />}
      {(findings.isError || summary.isError) && (
        <Alert data-color="danger" role="alert">
          {messageOf(findings.error ?? summary.error, t('errors.unexpected'))}
        </Alert>
      )}
      {ready && (
        <div className="actions">
          {/* The list as filtered now (the server applies the same filters and access). */}
          <Button asChild variant="tertiary">
            <a href={findingsExportUrl(filter)} download>
              {t('findings.exportXlsx')}
            </a>
          </Button>
        </div>
      )}
      {bulk && <BulkActions key={params.toString()} filter={filter} total={total} />}
      {items.length > 0 && <FindingsTable findings={items} tableRef={tableRef} caption={t('findings.tableCaption')} />}
      <ShowMore
        hasMore={findings.hasNextPage}
        loading={findings.isFetchingNextPage}
        onMore={() => void findings.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}
