import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { SelectField } from './SelectField.tsx';

/** How many matches a picker asks for; when there are more, it asks the user to type more. */
export const PICKER_MATCHES = 25;

/** The search text as typed, and the trimmed query it settles to 250 ms after the last key press. */
export function useSearchText() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  return { text, setText, q };
}

export type SearchText = ReturnType<typeof useSearchText>;

/** The picker's words, already translated (the ones with a count or the query filled in). */
export interface SearchPickerTexts {
  /** Label of the search field. */
  search: string;
  searchHint?: string;
  /** Label of the list of matches. */
  choose: string;
  /** Text of the empty choice. */
  placeholder: string;
  searching: string;
  failed: string;
  /** Nothing matches the query. */
  none: string;
  /** Nothing at all to choose from (no query). */
  noneAtAll: string;
  /** All the matches are shown. */
  count: string;
  /** Only the first matches are shown. */
  many: string;
}

interface Props<T extends { id: string }> {
  /** id of the <select>; error summaries link to it. The search field gets `${id}-search`. */
  id: string;
  legend: string;
  description?: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  search: SearchText;
  /** The matches for search.q, without those not to offer. */
  found: T[];
  /** The search request behind `found`. */
  query: { isPending: boolean; isError: boolean; hasNextPage: boolean };
  /** The item chosen before, offered even when the search does not find it. */
  current?: T | null;
  /** An item as its option's text. */
  describe: (item: T) => string;
  texts: SearchPickerTexts;
}

/**
 * Finds one item by searching: type in the search field, then choose among the matches in the list
 * below it. Two plain controls keep it usable with a keyboard and a screen reader; the number of
 * matches (or why there are none) is announced politely as the list's description.
 */
export function SearchPicker<T extends { id: string }>({
  id,
  legend,
  description,
  value,
  onChange,
  error,
  search,
  found,
  query,
  current,
  describe,
  texts,
}: Props<T>) {
  const [chosen, setChosen] = useState<T | null>(current ?? null);
  const options = [...(chosen && chosen.id === value && !found.some((item) => item.id === chosen.id) ? [chosen] : []), ...found];

  let status: string;
  if (query.isPending) status = texts.searching;
  else if (query.isError) status = texts.failed;
  else if (found.length === 0) status = search.q ? texts.none : texts.noneAtAll;
  else if (query.hasNextPage) status = texts.many;
  else status = texts.count;

  return (
    <Fieldset className="picker">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <Textfield
        id={`${id}-search`}
        label={texts.search}
        description={texts.searchHint}
        type="search"
        autoComplete="off"
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
      />
      <SelectField
        id={id}
        label={texts.choose}
        description={<span aria-live="polite">{status}</span>}
        value={value}
        onChange={(itemId) => {
          setChosen(options.find((item) => item.id === itemId) ?? null);
          onChange(itemId);
        }}
        placeholder={texts.placeholder}
        options={options.map((item) => ({ value: item.id, label: describe(item) }))}
        error={error}
      />
    </Fieldset>
  );
}
