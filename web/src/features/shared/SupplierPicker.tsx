import { useTranslation } from 'react-i18next';
import { PICKER_MATCHES, SearchPicker, useSearchText } from '../../components/SearchPicker.tsx';
import { useSuppliers, type Ref, type Supplier } from '../../api/agreements.ts';

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
  /** Text of the empty choice; defaults to "No supplier". */
  placeholder?: string;
  /** A supplier not to offer (e.g. the one handing a role over). */
  excludeId?: string;
}

type Option = Ref & Partial<Supplier>;

const describe = (s: Option) => (s.orgNumber ? `${s.name} (${s.orgNumber})` : s.name);

/** Finds a supplier by name or organisation number: a search field, then a list of the matches. */
export function SupplierPicker({ id, legend, value, onChange, error, current, description, placeholder, excludeId }: Props) {
  const { t } = useTranslation();
  const search = useSearchText();
  const suppliers = useSuppliers(search.q, { limit: PICKER_MATCHES });
  const found: Option[] = (suppliers.data?.pages[0]?.items ?? []).filter((s) => s.id !== excludeId);
  const count = found.length;

  return (
    <SearchPicker
      id={id}
      legend={legend}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      search={search}
      found={found}
      query={suppliers}
      current={current}
      describe={describe}
      texts={{
        search: t('suppliers.picker.search'),
        choose: t('suppliers.picker.choose'),
        placeholder: placeholder ?? t('suppliers.picker.placeholder'),
        searching: t('suppliers.picker.searching'),
        failed: t('suppliers.picker.failed'),
        none: t('suppliers.picker.none', { q: search.q }),
        noneAtAll: t('suppliers.picker.noneAtAll'),
        count: t('suppliers.picker.count', { count }),
        many: t('suppliers.picker.many', { count }),
      }}
    />
  );
}
