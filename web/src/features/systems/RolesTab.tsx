import { Alert, Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { useReturnFocus } from '../../components/returnFocus.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { endHolding, orgKeys, useRoles, type RoleDefinition, type RoleHolding } from '../org/api.ts';
import { usePersonStatusLabel } from '../org/labels.ts';
import { peopleKeys } from '../people/api.ts';
import { useSystemHoldings, type System } from './api.ts';
import { useSystemRefresh } from './SystemStatus.tsx';
import { AssignSystemRoleForm, SystemHandoverDialog } from './SystemRoleForms.tsx';

/** Who holds each of the policy's system roles for this system now, with assign, hand over and end. */
export function RolesTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const statusLabel = usePersonStatusLabel();
  const queryClient = useQueryClient();
  const refreshSystem = useSystemRefresh(system.id);
  const holdings = useSystemHoldings(system.id);
  const roles = useRoles();
  const captionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focus = useReturnFocus();
  const [ending, setEnding] = useState<RoleHolding | null>(null);
  const [handingOver, setHandingOver] = useState<RoleHolding | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canManage = system.can.edit && system.lifecycle !== 'retired';

  const items = holdings.data?.pages.flatMap((page) => page.items).filter((h) => h.current) ?? [];
  const systemRoles: RoleDefinition[] = (roles.data?.items ?? []).filter((r) => r.subjectKinds.includes('system'));
  // Roles held on the system that the active policy no longer lists are shown too.
  const extraKeys = [...new Set(items.map((h) => h.roleKey))].filter((key) => !systemRoles.some((r) => r.key === key));

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    refreshSystem();
  };

  const end = useMutation({
    mutationFn: (holding: RoleHolding) => endHolding(holding.id),
    onSuccess: (_, holding) => {
      setEnding(null);
      focus.restore(headingRef.current);
      setStatus(t('unitRoles.ended', { role: holding.roleName, name: holding.person.name }));
      refresh();
    },
  });

  const rows: ReactNode[] = [];
  const addRows = (key: string, name: string, required: boolean, kommunCounts = false) => {
    const held = items.filter((h) => h.roleKey === key);
    if (held.length === 0) {
      rows.push(
        <Table.Row key={key}>
          <Table.Cell>{name}</Table.Cell>
          <Table.Cell>
            <strong>{t('systems.roles.nobody')}</strong>
            {kommunCounts ? (
              <div className="cell-note">{t('systems.roles.kommunHolderCounts')}</div>
            ) : (
              required && <div className="cell-note">{t('systems.roles.required')}</div>
            )}
          </Table.Cell>
          <Table.Cell>–</Table.Cell>
          {canManage && <Table.Cell />}
        </Table.Row>,
      );
      return;
    }
    for (const holding of held) {
      rows.push(
        <Table.Row key={holding.id} tabIndex={-1}>
          <Table.Cell>{name}</Table.Cell>
          <Table.Cell>
            <Link asChild>
              <RouterLink to={`/people/${holding.person.id}`}>{holding.person.name}</RouterLink>
            </Link>
            {holding.person.status !== 'active' && <div className="cell-note">{statusLabel(holding.person.status)}</div>}
          </Table.Cell>
          <Table.Cell>
            <time dateTime={holding.validFrom}>{formatDate(holding.validFrom, locale)}</time>
            {holding.validTo && (
              <div className="cell-note">
                {t('systems.roles.until')} <time dateTime={holding.validTo}>{formatDate(holding.validTo, locale)}</time>
              </div>
            )}
          </Table.Cell>
          {canManage && (
            <Table.Cell>
              <div className="actions">
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-label={t('unitRoles.handOverFor', { role: holding.roleName, name: holding.person.name })}
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
                  aria-label={t('unitRoles.endFor', { role: holding.roleName, name: holding.person.name })}
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
            </Table.Cell>
          )}
        </Table.Row>,
      );
    }
  };
  // A role also held for the whole kommun (driftansvarig) is covered by the kommun's holder when the IT unit runs the system.
  for (const role of systemRoles) {
    addRows(role.key, role.name, role.minHolders > 0, system.hosting === 'internal_it' && role.subjectKinds.includes('organisation'));
  }
  for (const key of extraKeys) addRows(key, items.find((h) => h.roleKey === key)?.roleName ?? key, false);

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('systems.roles.heading')}
      </Heading>
      <Paragraph>{t('systems.roles.intro')}</Paragraph>
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {(holdings.isPending || roles.isPending) && <Spinner aria-label={t('unitRoles.loading')} />}
      {(holdings.isError || roles.isError) && (
        <Alert data-color="danger" role="alert">
          {messageOf(holdings.error ?? roles.error, t('errors.unexpected'))}
        </Alert>
      )}
      {holdings.isSuccess && roles.isSuccess && (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('systems.roles.caption', { name: system.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('unitRoles.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.roles.colHolder')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colFrom')}</Table.HeaderCell>
                {canManage && <Table.HeaderCell scope="col">{t('unitRoles.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>{rows}</Table.Body>
          </Table>
        </TableScroll>
      )}
      {canManage && (
        <AssignSystemRoleForm
          system={system}
          roles={systemRoles}
          rolesError={roles.isError ? (isApiError(roles.error) ? roles.error.message : t('errors.unexpected')) : null}
          onAssigned={(holding) => {
            setStatus(t('unitRoles.assigned', { role: holding.roleName, name: holding.person.name }));
            refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={ending !== null}
        title={ending ? t('unitRoles.endTitle', { role: ending.roleName, name: ending.person.name }) : ''}
        confirmLabel={t('unitRoles.endConfirm')}
        onConfirm={() => ending && end.mutate(ending)}
        onClose={() => {
          setEnding(null);
          focus.restore(headingRef.current);
        }}
        busy={end.isPending}
        error={end.isError ? messageOf(end.error, t('errors.unexpected')) : null}
      >
        {ending ? t('systems.roles.endText', { role: ending.roleName, name: ending.person.name, system: system.name }) : ''}
      </ConfirmDialog>
      {handingOver && (
        <SystemHandoverDialog
          holding={handingOver}
          onClose={() => {
            setHandingOver(null);
            focus.restore(headingRef.current);
          }}
          onDone={(result) => {
            setHandingOver(null);
            focus.restore(headingRef.current);
            setStatus(
              t('unitRoles.handedOver', { role: result.started.roleName, from: result.ended.person.name, to: result.started.person.name }),
            );
            refresh();
          }}
        />
      )}
    </div>
  );
}
