import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { messageOf } from '../../components/forms.ts';
import { changeLifecycle, confirmSystem, systemKeys, type Lifecycle, type System } from '../../api/systems.ts';
import { ConfirmationText } from './ConfirmationText.tsx';
import { useSystemLabels } from '../shared/systemLabels.ts';

type Outcome = { kind: 'done' | 'refused' | 'conflict'; text: string; at: number } | null;

/** Keeps the system page's data fresh after a change made here. */
export function useSystemRefresh(id: string) {
  const queryClient = useQueryClient();
  return (updated?: System) => {
    if (updated) queryClient.setQueryData(systemKeys.system(id), updated);
    else void queryClient.invalidateQueries({ queryKey: systemKeys.system(id) });
    void queryClient.invalidateQueries({ queryKey: systemKeys.lists });
    void queryClient.invalidateQueries({ queryKey: systemKeys.responsibilities(id) });
    void queryClient.invalidateQueries({ queryKey: systemKeys.history(id) });
    // The findings follow every change (the overview's counts and the tab's).
    void queryClient.invalidateQueries({ queryKey: ['findings'] });
  };
}

/** The lifecycle with the moves allowed from here, and the confirmation that the record is still true. */
export function SystemStatus({ system }: { system: System }) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const refresh = useSystemRefresh(system.id);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [retiring, setRetiring] = useState(false);

  const failed = (error: unknown, refusedHeading: string) => {
    if (isApiError(error) && error.code === 'conflict') {
      refresh();
      setOutcome({ kind: 'conflict', text: t('systems.status.conflict'), at: Date.now() });
    } else {
      setOutcome({ kind: 'refused', text: `${refusedHeading} ${messageOf(error, t('errors.unexpected'))}`, at: Date.now() });
    }
  };

  const lifecycle = useMutation({
    mutationFn: (to: Lifecycle) => changeLifecycle(system.id, system.version, to),
    onSuccess: (updated) => {
      setRetiring(false);
      refresh(updated);
      setOutcome({
        kind: 'done',
        text: t('systems.status.lifecycleChanged', { state: labels.lifecycle(updated.lifecycle) }),
        at: Date.now(),
      });
    },
    onError: (error) => {
      setRetiring(false);
      failed(error, t('systems.status.lifecycleRefused'));
    },
  });

  const confirm = useMutation({
    mutationFn: () => confirmSystem(system.id, system.version),
    onSuccess: (updated) => {
      refresh(updated);
      setOutcome({ kind: 'done', text: t('systems.status.confirmed'), at: Date.now() });
    },
    onError: (error) => failed(error, t('systems.status.confirmRefused')),
  });

  const busy = lifecycle.isPending || confirm.isPending;
  const move = (to: Lifecycle) => {
    if (busy) return;
    setOutcome(null);
    if (to === 'retired') setRetiring(true);
    else lifecycle.mutate(to);
  };

  const onConfirm = () => {
    if (busy) return;
    setOutcome(null);
    confirm.mutate();
  };

  return (
    <div className="system-status">
      {outcome && (
        <FocusAlert color={outcome.kind === 'done' ? 'success' : outcome.kind === 'conflict' ? 'warning' : 'danger'} focusKey={outcome.at}>
          {outcome.text}
        </FocusAlert>
      )}
      <div className="system-status__panels">
        <section aria-labelledby="system-lifecycle-heading" className="status-panel">
          <Heading level={2} data-size="2xs" id="system-lifecycle-heading">
            {t('systems.status.lifecycleHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('systems.status.lifecycleNow', { state: labels.lifecycle(system.lifecycle) })}</Paragraph>
          {system.lifecycle === 'retired' && <Paragraph data-size="sm">{t('systems.status.retiredReadOnly')}</Paragraph>}
          {system.can.edit && system.transitions.length > 0 && (
            <div className="actions">
              {system.transitions.map((to) => (
                <Button
                  key={to}
                  variant={to === 'in_operation' ? 'primary' : 'secondary'}
                  data-color={to === 'retired' ? 'danger' : undefined}
                  data-size="sm"
                  loading={lifecycle.isPending && lifecycle.variables === to}
                  onClick={() => move(to)}
                >
                  {labels.transition(to)}
                </Button>
              ))}
            </div>
          )}
        </section>
        <section aria-labelledby="system-confirm-heading" className="status-panel">
          <Heading level={2} data-size="2xs" id="system-confirm-heading">
            {t('systems.confirm.heading')}
          </Heading>
          <div className="confirmation">
            <ConfirmationText confirmedAt={system.confirmedAt} confirmedBy={system.confirmedBy?.name} due={system.confirmationDue} />
          </div>
          {system.can.confirm && system.lifecycle !== 'retired' && (
            <div className="actions">
              <Button variant="secondary" data-size="sm" loading={confirm.isPending} onClick={onConfirm}>
                {t('systems.confirm.button')}
              </Button>
            </div>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={retiring}
        title={t('systems.status.retireTitle', { name: system.name })}
        confirmLabel={t('systems.status.retireConfirm')}
        onConfirm={() => lifecycle.mutate('retired')}
        onClose={() => setRetiring(false)}
        busy={lifecycle.isPending}
      >
        {t('systems.status.retireText', { name: system.name })}
      </ConfirmDialog>
    </div>
  );
}
