import { Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent } from 'react';
import { useFilterValues } from '../../components/filterForm.ts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { CRITICALITIES, HOSTINGS, LIFECYCLES } from '../../api/systems.ts';
import { useSystemLabels } from '../shared/systemLabels.ts';
import { EMPTY_FILTER, writeListValues, type ListValues } from './listParams.ts';

interface Props {
  initial: ListValues;
  onApply: (values: ListValues) => void;
}

const valuesKey = (values: ListValues) => writeListValues(values).toString();

/** Search and filters of the register; applied on submit, so every change is one entry in the history. */
export function SystemFilters({ initial, onApply }: Props) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const { values, setValues, markApplied } = useFilterValues(initial, valuesKey);
  const set = (key: keyof ListValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = { ...values, q: values.q.trim() };
    markApplied(next);
    onApply(next);
  }

  function onReset() {
    const empty = { ...values, ...EMPTY_FILTER };
    setValues(empty);
    markApplied(empty);
    onApply(empty);
  }

  return (
    <form className="filters systems-filters" noValidate onSubmit={onSubmit} aria-label={t('systems.list.filterLabel')}>
      <Fieldset>
        <Fieldset.Legend>{t('systems.list.filterLegend')}</Fieldset.Legend>
        <div className="filters__fields">
          <Textfield
            id="systems-filter-q"
            label={t('systems.list.search')}
            description={t('systems.list.searchHint')}
            type="search"
            autoComplete="off"
            value={values.q}
            onChange={(e) => set('q')(e.target.value)}
          />
          <UnitSelect
            id="systems-filter-unit"
            label={t('systems.list.unitFilter')}
            description={t('systems.list.unitFilterHint')}
            value={values.unitId}
            onChange={set('unitId')}
            placeholder={t('systems.list.allUnits')}
            activeOnly={false}
          />
          <SelectField
            id="systems-filter-lifecycle"
            label={t('systems.fields.lifecycle')}
            value={values.lifecycle}
            onChange={set('lifecycle')}
            placeholder={t('systems.list.all')}
            options={LIFECYCLES.map((value) => ({ value, label: labels.lifecycle(value) }))}
          />
          <SelectField
            id="systems-filter-hosting"
            label={t('systems.fields.hosting')}
            value={values.hosting}
            onChange={set('hosting')}
            placeholder={t('systems.list.all')}
            options={[
              ...HOSTINGS.map((value) => ({ value, label: labels.hosting(value) })),
              { value: 'unknown', label: t('systems.list.notRegistered') },
            ]}
          />
          <SelectField
            id="systems-filter-criticality"
            label={t('systems.fields.criticality')}
            value={values.criticality}
            onChange={set('criticality')}
            placeholder={t('systems.list.all')}
            options={[
              ...CRITICALITIES.map((value) => ({ value, label: labels.criticality(value) })),
              { value: 'unknown', label: t('systems.notAssessed') },
            ]}
          />
          <SelectField
            id="systems-filter-samhallsviktig"
            label={t('systems.fields.samhallsviktig')}
            value={values.samhallsviktig}
            onChange={set('samhallsviktig')}
            placeholder={t('systems.list.all')}
            options={yesNo}
          />
          <SelectField
            id="systems-filter-kommungemensamt"
            label={t('systems.fields.kommungemensamt')}
            value={values.kommungemensamt}
            onChange={set('kommungemensamt')}
            placeholder={t('systems.list.all')}
            options={yesNo}
          />
          <SelectField
            id="systems-filter-findings"
            label={t('systems.list.findingsFilter')}
            value={values.withFindings}
            onChange={set('withFindings')}
            placeholder={t('systems.list.all')}
            options={[
              { value: 'true', label: t('systems.list.withFindings') },
              { value: 'false', label: t('systems.list.withoutFindings') },
            ]}
          />
        </div>
      </Fieldset>
      <div className="actions">
        <Button type="submit">{t('systems.list.applyFilter')}</Button>
        <Button type="button" variant="tertiary" onClick={onReset}>
          {t('systems.list.clearFilter')}
        </Button>
      </div>
    </form>
  );
}
