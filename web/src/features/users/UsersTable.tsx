import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useOrgTree } from '../../api/org.ts';
import type { UserSummary } from '../../api/users.ts';
import { useRoleLabel, useStatusLabel } from './labels.ts';

interface Props {
  users: UserSummary[];
  currentUserId: string;
  tableRef: RefObject<HTMLTableElement | null>;
  /** id of the user whose sessions are being ended, if any. */
  endingFor: string | null;
  /** Absent for read-only viewers (granskare): then there is no actions column. */
  onEndSessions?: (user: UserSummary) => void;
  /** Opens the user's permissions (app role grants); absent for read-only viewers. */
  onGrants?: (user: UserSummary) => void;
  /** Makes a password reset link for an active user other than oneself; absent for read-only viewers. */
  onResetPassword?: (user: UserSummary) => void;
  /** id of the user a reset link is being made for, if any. */
  resettingFor?: string | null;
  canReadOrg: boolean;
}

export function UsersTable({ users, currentUserId, tableRef, endingFor, onEndSessions, onGrants, onResetPassword, resettingFor = null, canReadOrg }: Props) {
  const actions = Boolean(onEndSessions || onGrants || onResetPassword);
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const roleLabel = useRoleLabel();
  const statusLabel = useStatusLabel();
  // Unit names for unit-scoped grants, when this user may read the organisation.
  const tree = useOrgTree(canReadOrg);
  const units = new Map((tree.data?.items ?? []).map((unit) => [unit.id, unit.name]));

  function roleText(grant: RoleAssignment): string {
    const role = roleLabel(grant.role);
    if (grant.orgUnitId === null) return role;
    const unit = units.get(grant.orgUnitId);
    if (unit) return grant.includeSubunits ? t('users.roleInNamedUnitTree', { role, unit }) : t('users.roleInNamedUnit', { role, unit });
    return grant.includeSubunits ? t('users.roleInUnitTree', { role }) : t('users.roleInUnit', { role });
  }

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {t('users.tableCaption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('users.colName')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.colEmail')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.colRoles')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.colStatus')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.colCreated')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.colLastSeen')}</Table.HeaderCell>
            {actions && <Table.HeaderCell scope="col">{t('users.colActions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <Table.Row key={user.id} tabIndex={-1}>
                <Table.Cell>
                  {user.name}
                  {self && <span className="muted"> {t('users.you')}</span>}
                </Table.Cell>
                <Table.Cell>{user.email}</Table.Cell>
                <Table.Cell>{user.roles.length === 0 ? t('users.noRoles') : user.roles.map(roleText).join(', ')}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={user.status === 'active' ? 'success' : 'neutral'}>{statusLabel(user.status)}</Tag>
                </Table.Cell>
                <Table.Cell>
                  <time dateTime={user.createdAt}>{formatDateTime(user.createdAt, locale)}</time>
                </Table.Cell>
                <Table.Cell>
                  {user.lastSeenAt ? (
                    <time dateTime={user.lastSeenAt}>{formatDateTime(user.lastSeenAt, locale)}</time>
                  ) : (
                    t('users.neverSeen')
                  )}
                </Table.Cell>
                {actions && (
                  <Table.Cell>
                    <div className="actions">
                      {onGrants && (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t('grants.openFor', { name: user.name })}
                          onClick={() => onGrants(user)}
                        >
                          {t('grants.open')}
                        </Button>
                      )}
                      {onResetPassword && !self && user.status === 'active' && (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          loading={resettingFor === user.id}
                          aria-label={t('users.resetPasswordFor', { name: user.name })}
                          onClick={() => onResetPassword(user)}
                        >
                          {t('users.resetPassword')}
                        </Button>
                      )}
                      {onEndSessions &&
                        (self ? (
                          <span className="muted">{t('users.selfSessionsHint')}</span>
                        ) : (
                          <Button
                            variant="secondary"
                            data-size="sm"
                            loading={endingFor === user.id}
                            aria-label={t('users.endSessionsFor', { name: user.name })}
                            onClick={() => onEndSessions(user)}
                          >
                            {t('users.endSessions')}
                          </Button>
                        ))}
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
