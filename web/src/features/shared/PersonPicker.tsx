import { useTranslation } from 'react-i18next';
import { PICKER_MATCHES, SearchPicker, useSearchText } from '../../components/SearchPicker.tsx';
import { usePeople, type Person } from '../../api/people.ts';

interface Props {
  /** id of the <select>; error summaries link to it. */
  id: string;
  legend: string;
  value: string;
  onChange: (personId: string) => void;
  error?: string;
  /** People not to offer (e.g. the one handing over). */
  excludeId?: string;
  /** The person chosen before (e.g. a saved manager), offered even when the search does not find them. */
  current?: { id: string; name: string } | null;
  /** Text of the empty choice; defaults to "Choose a person". */
  placeholder?: string;
  description?: string;
}

type Option = Pick<Person, 'id' | 'name'> & Partial<Person>;

function describe(person: Option): string {
  const extra = [person.title, person.homeUnit?.name, person.email].filter(Boolean).join(', ');
  return extra ? `${person.name} (${extra})` : person.name;
}

/** Finds an active person by name or e-mail: a search field, then a list of the matches. */
export function PersonPicker({ id, legend, value, onChange, error, excludeId, current, placeholder, description }: Props) {
  const { t } = useTranslation();
  const search = useSearchText();
  const people = usePeople({ q: search.q || undefined, status: 'active' }, { limit: PICKER_MATCHES });
  const found: Option[] = (people.data?.pages[0]?.items ?? []).filter((p) => p.id !== excludeId);
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
      query={people}
      current={current}
      describe={describe}
      texts={{
        search: t('people.picker.search'),
        searchHint: t('people.picker.searchHint'),
        choose: t('people.picker.choose'),
        placeholder: placeholder ?? t('people.picker.placeholder'),
        searching: t('people.picker.searching'),
        failed: t('people.picker.failed'),
        none: t('people.picker.none', { q: search.q }),
        noneAtAll: t('people.picker.noneAtAll'),
        count: t('people.picker.count', { count }),
        many: t('people.picker.many', { count }),
      }}
    />
  );
}
