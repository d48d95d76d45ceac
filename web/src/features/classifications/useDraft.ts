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
