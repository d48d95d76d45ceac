import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { useSuppliers, type Ref, type Supplier } from './api.ts';

interface Props {
  /** id of the <select>; error summaries link to it. */
  id: string;
  legend: string;
  value: string;
  onChange: (supplierId: string) => void;
  error?: string;
  /** The supplier chosen before, offered even when the search does not find it. */
  current?: Ref | null;
  description?: string;
}

const MATCHES = 25;

/** Finds a supplier by name or organisation number: a search field, then a list of the matches. */
export function SupplierPicker({ id, legend, value, onChange, error, current, description }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Ref | null>(current ?? null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const suppliers = useSuppliers(q, { limit: MATCHES });
  const found: Array<Ref & Partial<Supplier>> = suppliers.data?.pages[0]?.items ?? [];
  const options = [...(chosen && chosen.id === value && !found.some((s) => s.id === chosen.id) ? [chosen] : []), ...found];
  const describe = (s: Ref & Partial<Supplier>) => (s.orgNumber ? `${s.name} (${s.orgNumber})` : s.name);

  let status: string;
  if (suppliers.isPending) status = t('suppliers.picker.searching');
  else if (suppliers.isError) status = t('suppliers.picker.failed');
  else if (found.length === 0) status = q ? t('suppliers.picker.none', { q }) : t('suppliers.picker.noneAtAll');
  else if (suppliers.hasNextPage) status = t('suppliers.picker.many', { count: found.length });
  else status = t('suppliers.picker.count', { count: found.length });

  return (
    <Fieldset className="picker">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <Textfield
        id={`${id}-search`}
        label={t('suppliers.picker.search')}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        id={id}
        label={t('suppliers.picker.choose')}
        description={<span aria-live="polite">{status}</span>}
        value={value}
        onChange={(supplierId) => {
          setChosen(options.find((s) => s.id === supplierId) ?? null);
          onChange(supplierId);
        }}
        placeholder={t('suppliers.picker.placeholder')}
        options={options.map((s) => ({ value: s.id, label: describe(s) }))}
        error={error}
      />
    </Fieldset>
  );
}
