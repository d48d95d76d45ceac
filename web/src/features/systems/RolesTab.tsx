import { Alert, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useRoles, type RoleDefinition } from '../../api/org.ts';
import { AssignRoleForm } from '../shared/RoleForms.tsx';
import { HolderRow, useRoleHolders } from '../shared/useRoleHolders.tsx';
import { useHolderName } from '../shared/holderLabels.tsx';
import { useSystemHoldings, type System } from '../../api/systems.ts';
import { useSystemRefresh } from './SystemStatus.tsx';

/** Who holds each of the policy's system roles for this system now, with assign, hand over and end. */
export function RolesTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const holderName = useHolderName();
  const locale = useLocale();
  const refreshSystem = useSystemRefresh(system.id);
  const holdings = useSystemHoldings(system.id);
  const roles = useRoles();
  const captionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const holders = useRoleHolders({
    subjectKind: 'system',
    headingRef,
    endText: (holding) => t('systems.roles.endText', { role: holding.roleName, name: holderName(holding.holder), system: system.name }),
    onChanged: refreshSystem,
  });
  const canManage = system.can.edit && system.lifecycle !== 'retired';

  const items = holdings.data?.pages.flatMap((page) => page.items).filter((h) => h.current) ?? [];
  const systemRoles: RoleDefinition[] = (roles.data?.items ?? []).filter((r) => r.subjectKinds.includes('system'));
  // Roles held on the system that the active policy no longer lists are shown too.
  const extraKeys = [...new Set(items.map((h) => h.roleKey))].filter((key) => !systemRoles.some((r) => r.key === key));

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
        <HolderRow key={holding.id} holding={holding} role={name}>
          <Table.Cell>
            <time dateTime={holding.validFrom}>{formatDate(holding.validFrom, locale)}</time>
            {holding.validTo && (
              <div className="cell-note">
                {t('systems.roles.until')} <time dateTime={holding.validTo}>{formatDate(holding.validTo, locale)}</time>
              </div>
            )}
          </Table.Cell>
          {canManage && <Table.Cell>{holders.actionsFor(holding)}</Table.Cell>}
        </HolderRow>,
      );
    }
  };
  // Required and covered by the kommun's holder as the record says (a role also held for the whole kommun, driftansvarig,
  // when the IT unit runs the system and the kommun holds it).
  for (const role of systemRoles) {
    const slot = system.roles.find((r) => r.key === role.key);
    addRows(role.key, role.name, slot?.required ?? role.minHolders > 0, slot?.kommunHolds ?? false);
  }
  for (const key of extraKeys) addRows(key, items.find((h) => h.roleKey === key)?.roleName ?? key, false);

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('systems.roles.heading')}
      </Heading>
      <Paragraph>{t('systems.roles.intro')}</Paragraph>
      {holders.statusRegion}
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
        <AssignRoleForm
          subject={{ kind: 'system', id: system.id }}
          heading={t('systems.roles.assignHeading')}
          roles={systemRoles}
          rolesError={roles.isError ? roles.error : null}
          onAssigned={holders.onAssigned}
        />
      )}
      {holders.dialogs}
    </div>
  );
}
