import { Alert, Button, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { messageOf } from '../../components/forms.ts';
import { useReturnFocus } from '../../components/returnFocus.ts';
import { endHolding, orgKeys, type RoleHolding } from '../../api/org.ts';
import { HolderCell, useHolderName } from './holderLabels.tsx';
import { peopleKeys } from '../../api/people.ts';
import { HandoverDialog, type RoleSubject } from './RoleForms.tsx';

/**
 * Hand over and end for the holders of a subject's roles: the row buttons, the dialogs, and the
 * status message afterwards. Focus goes back to the button that opened a dialog, or to the section's
 * heading when that row is gone.
 */
export function useRoleHolders({
  subjectKind,
  headingRef,
  endText,
  onChanged,
}: {
  subjectKind: RoleSubject['kind'];
  /** Where focus goes when the element that opened a dialog is gone. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The question in the end dialog. */
  endText: (holding: RoleHolding) => string;
  /** Anything else to reload after a change (holdings and people are reloaded anyway). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const holderName = useHolderName();
  const queryClient = useQueryClient();
  const focus = useReturnFocus();
  const [ending, setEnding] = useState<RoleHolding | null>(null);
  const [handingOver, setHandingOver] = useState<RoleHolding | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    onChanged?.();
  };

  const end = useMutation({
    mutationFn: (holding: RoleHolding) => endHolding(holding.id),
    onSuccess: (_, holding) => {
      setEnding(null);
      focus.restore(headingRef.current);
      setStatus(t('unitRoles.ended', { role: holding.roleName, name: holderName(holding.holder) }));
      refresh();
    },
  });

  const closeHandover = () => {
    setHandingOver(null);
    focus.restore(headingRef.current);
  };

  return {
    /** The live region for "assigned", "ended" and "handed over". */
    statusRegion: (
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
    ),
    /** For the assign form's `onAssigned`. */
    onAssigned: (holding: RoleHolding) => {
      setStatus(t('unitRoles.assigned', { role: holding.roleName, name: holderName(holding.holder) }));
      refresh();
    },
    /** The hand over and end buttons for a current holding. */
    actionsFor: (holding: RoleHolding) => (
      <div className="actions">
        <Button
          variant="secondary"
          data-size="sm"
          aria-label={t('unitRoles.handOverFor', { role: holding.roleName, name: holderName(holding.holder) })}
          onClick={() => {
            setStatus(null);
            focus.remember();
            setHandingOver(holding);
          }}
        >
          {t('unitRoles.handOver')}
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          aria-label={t('unitRoles.endFor', { role: holding.roleName, name: holderName(holding.holder) })}
          onClick={() => {
            setStatus(null);
            end.reset();
            focus.remember();
            setEnding(holding);
          }}
        >
          {t('unitRoles.end')}
        </Button>
      </div>
    ),
    dialogs: (
      <>
        <ConfirmDialog
          open={ending !== null}
          title={ending ? t('unitRoles.endTitle', { role: ending.roleName, name: holderName(ending.holder) }) : ''}
          confirmLabel={t('unitRoles.endConfirm')}
          onConfirm={() => ending && end.mutate(ending)}
          onClose={() => {
            setEnding(null);
            focus.restore(headingRef.current);
          }}
          busy={end.isPending}
          error={end.isError ? messageOf(end.error, t('errors.unexpected')) : null}
        >
          {ending ? endText(ending) : ''}
        </ConfirmDialog>
        {handingOver && (
          <HandoverDialog
            holding={handingOver}
            subjectKind={subjectKind}
            onClose={closeHandover}
            onDone={(result) => {
              closeHandover();
              setStatus(
                t('unitRoles.handedOver', {
                  role: result.started.roleName,
                  from: holderName(result.ended.holder),
                  to: holderName(result.started.holder),
                }),
              );
              refresh();
            }}
          />
        )}
      </>
    ),
  };
}

/**
 * A holder's row: the role, the holder (a person, unit or supplier, linked, with its kind and its status
 * when not active), then the caller's cells.
 */
export function HolderRow({ holding, role, children }: { holding: RoleHolding; role: ReactNode; children: ReactNode }) {
  return (
    <Table.Row tabIndex={-1}>
      <Table.Cell>{role}</Table.Cell>
      <Table.Cell>
        <HolderCell holder={holding.holder} />
      </Table.Cell>
      {children}
    </Table.Row>
  );
}
