import { Alert, Button, Fieldset, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SEVERITIES } from '../../../../shared/policy.ts';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { FINDING_RULES, useFindings, type FindingSeverity, type FindingsFilter } from '../../api/findings.ts';
import { FindingsTable } from './FindingsTable.tsx';

const STATUSES = ['open', 'resolved', 'all'] as const;
type Status = (typeof STATUSES)[number];

interface Values {
  unitId: string;
  rule: string;
  severity: string;
  status: Status;
}

/** /findings — every place the register and the organisation do not meet the policy, worst first. */
export function FindingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'open';
  const current: Values = { unitId: params.get('unitId') ?? '', rule: params.get('rule') ?? '', severity: params.get('severity') ?? '', status };
  const [values, setValues] = useState<Values>(current);
  const filter: FindingsFilter = {
    unitId: current.unitId || undefined,
    rule: current.rule || undefined,
    severity: (current.severity || undefined) as FindingSeverity | undefined,
    status: current.status,
  };
  const findings = useFindings(filter);
  const items = findings.data?.pages.flatMap((p) => p.items) ?? [];
  const total = findings.data?.pages[0]?.total;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value && !(key === 'status' && value === 'open')) search.set(key, value);
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
              id="findings-status"
              label={t('findings.filterStatus')}
              value={values.status}
              onChange={(s) => setValues((v) => ({ ...v, status: s as Status }))}
              options={STATUSES.map((s) => ({ value: s, label: t(`findings.status.${s}`) }))}
            />
          </div>
          <div className="actions">
            <Button type="submit">{t('findings.apply')}</Button>
          </div>
        </Fieldset>
      </form>
      <div role="status" className="list-status">
        {findings.isSuccess && (items.length === 0 ? t('findings.empty') : total !== null && total !== undefined ? t('findings.countOf', { shown: items.length, count: total }) : t('findings.count', { count: items.length }))}
      </div>
      {findings.isPending && <Spinner aria-label={t('findings.loading')} />}
      {findings.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(findings.error, t('errors.unexpected'))}
        </Alert>
      )}
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
