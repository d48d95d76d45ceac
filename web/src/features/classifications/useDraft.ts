import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { classificationKeys, updateClassification, type Classification, type ClassificationPatch } from '../../api/classifications.ts';

type Patch = Omit<ClassificationPatch, 'rowVersion'>;

/**
 * A draft saved as the user goes: each change (an answer, a level, a flag) is sent at once, one after the other,
 * each with the rowVersion the previous save returned. The server's answer (with its suggestion) becomes the draft.
 * A 409 (someone else saved, or it is no longer a draft) reads it again and says so; other errors are kept for the page.
 */
export function useDraft(initial: Classification) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const latest = useRef(initial);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const save = useCallback(
    (patch: Patch): Promise<Classification | null> => {
      setSaving((n) => n + 1);
      // Shown at once; the server's answer (with the new suggestion) replaces it.
      setDraft((d) => applyPatch(d, patch));
      const run = chain.current.then(async () => {
        try {
          const next = await updateClassification(latest.current.id, { rowVersion: latest.current.rowVersion, ...patch });
          latest.current = next;
          setDraft(next);
          setError(null);
          return next;
        } catch (e) {
          if (isApiError(e) && e.status === 409) {
            setConflict(true);
            await queryClient.invalidateQueries({ queryKey: classificationKeys.all });
          } else setError(e);
          return null;
        } finally {
          setSaving((n) => n - 1);
        }
      });
      chain.current = run;
      return run;
    },
    [queryClient],
  );

  /** Takes a classification the server answered another call with (submit, support) as the draft. */
  const replace = useCallback((next: Classification) => {
    latest.current = next;
    setDraft(next);
  }, []);

  /** Waits for every save in flight; the draft it ends with. */
  const settled = useCallback(async () => {
    await chain.current;
    return latest.current;
  }, []);

  return { draft, save, replace, settled, saving: saving > 0, error, conflict };
}

/** The draft as it will be once the patch is saved (the suggestion follows from the server). */
export function applyPatch(d: Classification, patch: Patch): Classification {
  const answers = { ...d.answers };
  for (const [aspect, given] of Object.entries(patch.answers ?? {})) {
    const merged: Record<string, number> = { ...answers[aspect] };
    for (const [about, n] of Object.entries(given ?? {})) if (n !== undefined) merged[about] = n;
    answers[aspect] = merged;
  }
  const justifications = { ...d.justifications };
  for (const [aspect, text] of Object.entries(patch.justifications ?? {})) {
    if (text) justifications[aspect] = text;
    else delete justifications[aspect];
  }
  return {
    ...d,
    levels: { ...d.levels, ...patch.levels },
    flags: { ...d.flags, ...patch.flags },
    answers,
    justifications,
    method: patch.method ?? d.method,
    reference: patch.reference !== undefined ? patch.reference : d.reference,
  };
}
