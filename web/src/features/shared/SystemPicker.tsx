import { useTranslation } from 'react-i18next';
import { PICKER_MATCHES, SearchPicker, useSearchText } from '../../components/SearchPicker.tsx';
import { useSystems, type SystemSummary } from '../../api/systems.ts';

interface Props {
  /** id of the <select>; error summaries link to it. */
  id: string;
  legend: string;
  value: string;
  onChange: (systemId: string) => void;
  error?: string;
  /** Systems not to offer (the system itself, those already chosen). */
  excludeIds?: readonly string[];
}

const describe = (s: SystemSummary) => `${s.name} (${s.registerNo}, ${s.owningUnit.name})`;

/** Finds a system by name, other name or register number: a search field, then a list of the matches. */
export function SystemPicker({ id, legend, value, onChange, error, excludeIds = [] }: Props) {
  const { t } = useTranslation();
  const search = useSearchText();
  const systems = useSystems({ q: search.q || undefined, sort: 'name', dir: 'asc' }, { limit: PICKER_MATCHES });
  const found = (systems.data?.pages[0]?.items ?? []).filter((s) => !excludeIds.includes(s.id));
  const count = found.length;

  // The status words are the person picker's, except where they name what is searched for.
  return (
    <SearchPicker
      id={id}
      legend={legend}
      value={value}
      onChange={onChange}
      error={error}
      search={search}
      found={found}
      query={systems}
      describe={describe}
      texts={{
        search: t('systems.picker.search'),
        searchHint: t('systems.picker.searchHint'),
        choose: t('people.picker.choose'),
        placeholder: t('systems.picker.placeholder'),
        searching: t('people.picker.searching'),
        failed: t('people.picker.failed'),
        none: t('systems.picker.none', { q: search.q }),
        noneAtAll: t('systems.picker.noneAtAll'),
        count: t('people.picker.count', { count }),
        many: t('people.picker.many', { count }),
      }}
    />
  );
}
