import { Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { AUTH_METHODS, CRITICALITIES, DATA_LOCATIONS, HOSTINGS, PERSONAL_DATA, SYSTEM_KINDS } from '../../api/systems.ts';
import { useSystemLabels } from '../shared/systemLabels.ts';
import type { SystemValues } from './systemForm.ts';
import { LinksField, UsingUnitsField } from './SystemListFields.tsx';

interface Props {
  values: SystemValues;
  onChange: (update: (values: SystemValues) => SystemValues) => void;
  errors: { fields: Record<string, string>; id: (key: string) => string };
  /** The create form also chooses where the lifecycle starts. */
  withLifecycle?: boolean;
}

/** A field's label by its error key ("links.0.url" → "Link 1, address"), for the error summary. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return useCallback(
    (key: string): string => {
      const link = /^links\.(\d+)\.(label|url)$/.exec(key);
      if (link) return t(link[2] === 'url' ? 'systems.fields.linkUrlN' : 'systems.fields.linkLabelN', { n: Number(link[1]) + 1 });
      return t(`systems.fields.${key}`);
    },
    [t],
  );
}

/** The facts of a system, shared by the register and edit forms, grouped as the register talks about them. */
export function SystemFields({ values, onChange, errors, withLifecycle }: Props) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const set = (key: keyof SystemValues) => (value: string) => onChange((v) => ({ ...v, [key]: value }));
  const text = (key: keyof SystemValues, options: { multiline?: boolean; description?: string; required?: boolean } = {}) => {
    const common = {
      id: errors.id(key),
      label: t(`systems.fields.${key}`),
      description: options.description,
      value: values[key] as string,
      error: errors.fields[key],
      required: options.required,
      autoComplete: 'off',
    };
    return options.multiline ? (
      <Textfield {...common} multiline rows={3} onChange={(e) => set(key)(e.target.value)} />
    ) : (
      <Textfield {...common} onChange={(e) => set(key)(e.target.value)} />
    );
  };
  const select = (
    key: keyof SystemValues,
    options: { value: string; label: string }[],
    placeholder: string,
    extra: { required?: boolean; description?: string } = {},
  ) => (
    <SelectField
      id={errors.id(key)}
      label={t(`systems.fields.${key}`)}
      description={extra.description}
      value={values[key] as string}
      onChange={set(key)}
      placeholder={placeholder}
      options={options}
      error={errors.fields[key]}
      required={extra.required}
    />
  );
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  return (
    <>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('systems.form.basics')}</Fieldset.Legend>
        {text('name', { required: true })}
        {text('aliases', { multiline: true, description: t('systems.fields.aliasesHint') })}
        {select(
          'kind',
          SYSTEM_KINDS.map((value) => ({ value, label: labels.kind(value) })),
          t('systems.form.choose'),
          { required: true },
        )}
        {withLifecycle &&
          select(
            'lifecycle',
            (['planned', 'implementing'] as const).map((value) => ({ value, label: labels.lifecycle(value) })),
            t('systems.form.choose'),
            { description: t('systems.fields.lifecycleHint') },
          )}
        {text('description', { multiline: true })}
        {text('purpose', { multiline: true, description: t('systems.fields.purposeHint') })}
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('systems.form.organisation')}</Fieldset.Legend>
        <UnitSelect
          id={errors.id('owningUnitId')}
          label={t('systems.fields.owningUnitId')}
          description={t('systems.fields.owningUnitHint')}
          value={values.owningUnitId}
          onChange={set('owningUnitId')}
          placeholder={t('org.fields.chooseUnit')}
          error={errors.fields.owningUnitId}
          required
        />
        <UsingUnitsField
          id={errors.id('usingUnitIds')}
          value={values.usingUnitIds}
          owningUnitId={values.owningUnitId}
          onChange={(usingUnitIds) => onChange((v) => ({ ...v, usingUnitIds }))}
          error={errors.fields.usingUnitIds}
        />
        <Checkbox
          id={errors.id('kommungemensamt')}
          label={t('systems.fields.kommungemensamt')}
          description={t('systems.fields.kommungemensamtHint')}
          checked={values.kommungemensamt}
          onChange={(e) => onChange((v) => ({ ...v, kommungemensamt: e.target.checked }))}
          error={errors.fields.kommungemensamt}
        />
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('systems.form.assessment')}</Fieldset.Legend>
        {select(
          'criticality',
          CRITICALITIES.map((value) => ({ value, label: labels.criticality(value) })),
          t('systems.notAssessed'),
        )}
        {select('samhallsviktig', yesNo, t('systems.notAssessed'), { description: t('systems.fields.samhallsviktigHint') })}
        {select(
          'personalData',
          PERSONAL_DATA.map((value) => ({ value, label: labels.personalData(value) })),
          t('systems.notAssessed'),
        )}
        {text('userCount', { description: t('systems.fields.userCountHint') })}
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('systems.form.operation')}</Fieldset.Legend>
        {select(
          'hosting',
          HOSTINGS.map((value) => ({ value, label: labels.hosting(value) })),
          t('systems.notSet'),
          { description: t('systems.fields.hostingHint') },
        )}
        {select(
          'dataLocation',
          DATA_LOCATIONS.map((value) => ({ value, label: labels.dataLocation(value) })),
          t('systems.notSet'),
        )}
        {select('thirdCountryTransfer', yesNo, t('systems.notAssessed'))}
        {text('thirdCountryBasis', { description: t('systems.fields.thirdCountryBasisHint') })}
        {select(
          'authMethod',
          AUTH_METHODS.map((value) => ({ value, label: labels.authMethod(value) })),
          t('systems.notSet'),
        )}
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('systems.form.more')}</Fieldset.Legend>
        <LinksField idOf={errors.id} links={values.links} onChange={(links) => onChange((v) => ({ ...v, links }))} errors={errors.fields} />
        {text('note', { multiline: true })}
      </Fieldset>
    </>
  );
}
