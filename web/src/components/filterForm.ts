import { useState } from 'react';

/**
 * The values of a filter form whose applied values live in the URL. The form keeps what the user types; when the
 * URL changes from outside (Back, Forward, a link), the form takes the URL's values. A change the form applied
 * itself does not reset it, so a quick edit after "Rensa filter" is kept and focus stays where it was (a form
 * remounted by a `key` would lose both).
 */
export function useFilterValues<T>(initial: T, keyOf: (values: T) => string) {
  const [values, setValues] = useState<T>(initial);
  const initialKey = keyOf(initial);
  const [seen, setSeen] = useState({ initial: initialKey, applied: initialKey });
  if (initialKey !== seen.initial) {
    setSeen({ initial: initialKey, applied: seen.applied });
    if (initialKey !== seen.applied) setValues(initial);
  }
  /** Call with the values handed to the URL. */
  const markApplied = (applied: T) => setSeen((s) => ({ ...s, applied: keyOf(applied) }));
  return { values, setValues, markApplied };
}
