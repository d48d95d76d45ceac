import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import type { FieldMessages } from './forms.ts';

/** What the last save came to; `at` re-focuses the notice when the same kind comes again. */
export interface SaveNotice {
  kind: 'saved' | 'conflict';
  at: number;
}

interface Options<F extends string> {
  /** The form's errors (useFormErrors). */
  errors: {
    clear: () => void;
    showClientErrors: (fields: FieldMessages<F>) => void;
    showApiError: (error: unknown, fallback: string) => void;
  };
  /** Sends the change, with the version of the record the form was filled from. */
  save: () => Promise<unknown>;
  /** Reads the record again and puts it into the cache and the form. */
  reload: () => Promise<unknown>;
  /** Checks in the browser; any problem stops the submit. */
  validate?: () => FieldMessages<F>;
}

/**
 * Saves a record edited in place on its page. After a save the record is read again and "saved" is
 * shown. A 409 means someone else saved first: the record is read again (the form then shows their
 * values) and a conflict notice asks the user to check and save again. Other errors go to the form.
 */
export function useVersionedSave<F extends string>({ errors, save, reload, validate }: Options<F>) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<SaveNotice | null>(null);

  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await reload();
      setNotice({ kind: 'saved', at: Date.now() });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        errors.clear();
        await reload().catch(() => undefined);
        setNotice({ kind: 'conflict', at: Date.now() });
        return;
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setNotice(null);
    const found = validate?.() ?? {};
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    mutation.mutate();
  }

  return { notice, onSubmit, isPending: mutation.isPending };
}

export type VersionedSave = ReturnType<typeof useVersionedSave>;
