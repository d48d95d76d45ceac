import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../api/client.ts';
import type { SummaryItem } from './FormErrorSummary.tsx';

export type FieldMessages<F extends string> = Partial<Record<F, string>>;

export interface FormErrorState<F extends string> {
  fields: FieldMessages<F>;
  /** Server messages for fields the form does not show (listed in the summary as text). */
  other: string[];
  /** A message about the whole form (e.g. "link expired"), shown in an Alert. */
  general: string | null;
  /** The server's error code behind `general` (kommun_missing: the message links to the start page). */
  generalCode: string | null;
  /** Increases on every failed submit, to re-announce the summary. */
  attempt: number;
}

/** Server field paths may be "password", "body.password" or "/password": use the last part. */
function fieldName(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function useFormErrors<F extends string>(fieldNames: readonly F[], idPrefix: string) {
  const [state, setState] = useState<FormErrorState<F>>({
    fields: {},
    other: [],
    general: null,
    generalCode: null,
    attempt: 0,
  });

  const showClientErrors = useCallback((fields: FieldMessages<F>) => {
    setState((s) => ({ fields, other: [], general: null, generalCode: null, attempt: s.attempt + 1 }));
  }, []);

  const showApiError = useCallback(
    (error: unknown, fallback: string) => {
      const fields: FieldMessages<F> = {};
      const other: string[] = [];
      let general: string | null = null;
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        for (const [path, message] of Object.entries(error.fields)) {
          const name = fieldName(path);
          if ((fieldNames as readonly string[]).includes(name)) fields[name as F] ??= message;
          else other.push(message);
        }
      } else {
        general = error instanceof ApiError ? error.message : fallback;
      }
      const generalCode = general !== null && isApiError(error) ? error.code : null;
      setState((s) => ({ fields, other, general, generalCode, attempt: s.attempt + 1 }));
    },
    [fieldNames],
  );

  const clear = useCallback(() => {
    setState((s) => ({ ...s, fields: {}, other: [], general: null, generalCode: null }));
  }, []);

  const summary: SummaryItem[] = [
    ...fieldNames
      .filter((name) => state.fields[name])
      .map((name) => ({ fieldId: `${idPrefix}-${name}`, message: state.fields[name] as string })),
    ...state.other.map((message) => ({ message })),
  ];

  return {
    ...state,
    summary,
    id: (name: F) => `${idPrefix}-${name}`,
    showClientErrors,
    showApiError,
    clear,
  };
}

/** Simple shape check; the server validates for real. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/**
 * The text to show for a failed request outside a form: the server's field messages say more than
 * its general message (e.g. "the last administrator cannot be removed" rather than "conflict").
 */
export function messageOf(error: unknown, fallback: string): string {
  if (!isApiError(error)) return fallback;
  const fieldMessages = Object.values(error.fields);
  return fieldMessages.length > 0 ? fieldMessages.join(' ') : error.message;
}
