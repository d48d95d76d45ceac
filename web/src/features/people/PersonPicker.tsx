import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { usePeople, type Person } from './api.ts';

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

const MATCHES = 25;

/**
 * Finds a person by name or e-mail: type in the search field, then choose among the matches in
 * the list below it. Two plain controls keep it usable with a keyboard and a screen reader.
 */
export function PersonPicker({ id, legend, value, onChange, error, excludeId, current, placeholder, description }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Pick<Person, 'id' | 'name'> | null>(current ?? null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const people = usePeople({ q: q || undefined, status: 'active' }, { limit: MATCHES });
  const found = (people.data?.pages[0]?.items ?? []).filter((p) => p.id !== excludeId);
  const options = [...(chosen && chosen.id === value && !found.some((p) => p.id === chosen.id) ? [chosen] : []), ...found];

  function describe(person: Pick<Person, 'id' | 'name'> & Partial<Person>): string {
    const extra = [person.title, person.homeUnit?.name, person.email].filter(Boolean).join(', ');
    return extra ? `${person.name} (${extra})` : person.name;
  }

  let status: string;
  if (people.isPending) status = t('people.picker.searching');
  else if (people.isError) status = t('people.picker.failed');
  else if (found.length === 0) status = q ? t('people.picker.none', { q }) : t('people.picker.noneAtAll');
  else if (people.hasNextPage) status = t('people.picker.many', { count: found.length });
  else status = t('people.picker.count', { count: found.length });

  return (
    <Fieldset className="picker">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <Textfield
        id={`${id}-search`}
        label={t('people.picker.search')}
        description={t('people.picker.searchHint')}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        id={id}
        label={t('people.picker.choose')}
        description={<span aria-live="polite">{status}</span>}
        value={value}
        onChange={(personId) => {
          setChosen(options.find((p) => p.id === personId) ?? null);
          onChange(personId);
        }}
        placeholder={placeholder ?? t('people.picker.placeholder')}
        options={options.map((person) => ({ value: person.id, label: describe(person) }))}
        error={error}
      />
    </Fieldset>
  );
}
