import type { FieldMessages } from './forms.ts';

/** The keys of a form's values that hold text. */
type TextKeys<V> = { [K in keyof V]-?: V[K] extends string ? K : never }[keyof V];

interface FieldErrors<F extends string> {
  fields: FieldMessages<F>;
  id: (name: F) => string;
}

/**
 * The props that tie an input to one text field of a form: its id (the error summary links to it),
 * its value, its change handler and its error message. `text(field)` is spread into a Textfield
 * (it reports change events), `choice(field)` into a SelectField or a picker (they report the value).
 */
export function bindFields<V, F extends string>(values: V, set: (field: TextKeys<V> & F, value: string) => void, errors: FieldErrors<F>) {
  const common = (field: TextKeys<V> & F) => ({
    id: errors.id(field),
    value: values[field] as string,
    error: errors.fields[field],
  });
  return {
    text: (field: TextKeys<V> & F) => ({
      ...common(field),
      onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    }),
    choice: (field: TextKeys<V> & F) => ({
      ...common(field),
      onChange: (value: string) => set(field, value),
    }),
  };
}
