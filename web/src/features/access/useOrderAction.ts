import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessKeys } from '../../api/access.ts';
import { actOnOrder, getOrder, orderKeys, type AccessOrderDetail, type OrderRun } from '../../api/access-orders.ts';
import { isApiError } from '../../api/client.ts';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';

/** What the last step on the order came to; `at` moves focus to the notice again when the same kind comes. */
export interface OrderNotice {
  kind: 'done' | 'conflict';
  text: string;
  at: number;
}

export type Notify = (notice: OrderNotice) => void;

/**
 * One step on the order's page (approve, reject, execute, cancel, confirm): its form's errors (400 field messages at
 * the fields) and a submit that sends the step with the version the page shows. Done: the order is read again and a
 * notice says so. 409 with a newer order (someone acted first): read again, and the notice says so; other refusals
 * (403, 409 for a reason that still holds) go to the form.
 */
export function useOrderAction<F extends string>(order: AccessOrderDetail, fields: readonly F[], idPrefix: string, notify: Notify) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors(fields, idPrefix);
  const reread = () => queryClient.fetchQuery({ queryKey: orderKeys.one(order.id), queryFn: () => getOrder(order.id), staleTime: 0 });

  const mutation = useMutation({
    mutationFn: (input: { run: OrderRun; done: string }) => actOnOrder(order.id, input.run),
    onSuccess: async (_answer, input) => {
      await reread().catch(() => undefined);
      notify({ kind: 'done', text: input.done, at: Date.now() });
      void queryClient.invalidateQueries({ queryKey: orderKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
      void queryClient.invalidateQueries({ queryKey: accessKeys.all });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        const fresh = await reread().catch(() => null);
        if (error.code === 'conflict' || (fresh && fresh.version !== order.version)) {
          errors.clear();
          notify({ kind: 'conflict', text: t('access.order.conflict'), at: Date.now() });
          return;
        }
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  /** Sends the step unless the browser's checks found a problem. */
  function submit(run: OrderRun, done: string, validate?: () => FieldMessages<F>) {
    if (mutation.isPending) return;
    const found = validate?.() ?? {};
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    mutation.mutate({ run, done });
  }

  return { errors, submit, isPending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.run.action : undefined };
}
