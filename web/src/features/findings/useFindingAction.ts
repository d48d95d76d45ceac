import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { actOnFinding, findingKeys, getFinding, type FindingDetail, type FindingRun } from '../../api/findings.ts';
import { notificationKeys } from '../../api/notifications.ts';
import { taskKeys } from '../../api/tasks.ts';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';

/** What the last action on the finding came to; `at` moves focus to the notice again when the same kind comes. */
export interface ActionNotice {
  kind: 'done' | 'conflict';
  text: string;
  at: number;
}

export type Notify = (notice: ActionNotice) => void;

/** The notice after an action: a text, or one made from the finding as the server answered. */
type Done = string | ((fresh: FindingDetail) => string);

/** After an action: the lists, Mitt ansvar and the notifications may all say something else now. */
export async function refreshAfterAction(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: findingKeys.all }),
    queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  ]);
}

/**
 * One small form on the finding's page: its errors (fields from the server in the caller's language), and a submit
 * that sends the action with the version the page shows. Done: the finding as the server answers it, and a notice.
 * 409 (someone changed it meanwhile): the finding is read again and the notice says so; other errors (400 with
 * fields, a refusal that still holds, 403) go to the form.
 */
export function useFindingAction<F extends string>(finding: FindingDetail, fields: readonly F[], idPrefix: string, notify: Notify) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors(fields, idPrefix);
  const mutation = useMutation({
    mutationFn: (input: { run: FindingRun; done: Done }) => actOnFinding(finding.id, input.run),
    onSuccess: async (fresh, input) => {
      queryClient.setQueryData(findingKeys.one(finding.id), fresh);
      notify({ kind: 'done', text: typeof input.done === 'string' ? input.done : input.done(fresh), at: Date.now() });
      await refreshAfterAction(queryClient);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        // Stale version (conflict), or refused because the finding is no longer where the page showed it (someone
        // acted first): either way the finding is read again and the notice says so. Refused for another reason
        // (no approver holds the role, say): the form shows why.
        const fresh = await queryClient
          .fetchQuery({ queryKey: findingKeys.one(finding.id), queryFn: () => getFinding(finding.id), staleTime: 0 })
          .catch(() => null);
        if (error.code === 'conflict' || (fresh && fresh.version !== finding.version)) {
          errors.clear();
          void queryClient.invalidateQueries({ queryKey: findingKeys.history(finding.id) });
          notify({ kind: 'conflict', text: t('finding.conflict'), at: Date.now() });
          return;
        }
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  /** Sends the action unless the browser's checks found a problem. */
  function submit(run: FindingRun, done: Done, validate?: () => FieldMessages<F>) {
    if (mutation.isPending) return;
    const found = validate?.() ?? {};
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    mutation.mutate({ run, done });
  }

  /** A form's onSubmit. */
  const onSubmit = (run: () => FindingRun, done: Done, validate?: () => FieldMessages<F>) => (event: FormEvent) => {
    event.preventDefault();
    submit(run(), done, validate);
  };

  return { errors, submit, onSubmit, isPending: mutation.isPending };
}
