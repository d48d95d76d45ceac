import { Button, Dialog, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { accessKeys } from '../../api/access.ts';
import { createOrder, orderKeys, type AccessOrder } from '../../api/access-orders.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';

const FIELDS = ['reason'] as const;

/** What a removal is ordered for: the grant, its account and person, its access role and system. */
export interface RemovalTarget {
  grantId: string;
  roleName: string;
  systemName: string;
  /** The person or, without one, the account's user name. */
  holder: string;
}

/** "Beställ borttagning": a grant's removal with a reason, as an order for the system's executors. */
export function RemovalDialog({ target, onClose }: { target: RemovalTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [ordered, setOrdered] = useState<AccessOrder | null>(null);
  const errors = useFormErrors(FIELDS, `removal-${target.grantId}`);

  const order = useMutation({
    mutationFn: () => createOrder({ kind: 'removal', grantId: target.grantId, reason: reason.trim() }),
    onSuccess: (created) => {
      setOrdered(created);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void queryClient.invalidateQueries({ queryKey: accessKeys.all });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (order.isPending) return;
    if (!reason.trim()) return errors.showClientErrors({ reason: t('access.removal.reasonRequired') });
    errors.clear();
    order.mutate();
  }

  const what = { role: target.roleName, system: target.systemName, holder: target.holder };
  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('access.removal.heading')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {ordered ? (
          <>
            <FocusAlert color="success">
              {t('access.removal.done', what)}{' '}
              <Link asChild>
                <RouterLink to={`/access-orders/${ordered.id}`}>{t('access.removal.doneLink')}</RouterLink>
              </Link>
            </FocusAlert>
            <div className="actions dialog-actions">
              <Button variant="secondary" onClick={onClose}>
                {t('common.close')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <Paragraph>{t('access.removal.intro', what)}</Paragraph>
            <FormProblems errors={errors} />
            <form className="form" noValidate onSubmit={onSubmit}>
              <Textfield
                id={errors.id('reason')}
                label={t('access.removal.reason')}
                description={t('access.removal.reasonHint')}
                multiline
                rows={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={errors.fields.reason}
              />
              <div className="actions dialog-actions">
                <Button type="submit" loading={order.isPending}>
                  {t('access.removal.submit')}
                </Button>
                <Button type="button" variant="secondary" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          </>
        )}
      </Dialog.Block>
    </Dialog>
  );
}
