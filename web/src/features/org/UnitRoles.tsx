import { Alert, Checkbox, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { AssignRoleForm } from '../shared/RoleForms.tsx';
import { HolderRow, useRoleHolders } from '../shared/useRoleHolders.tsx';
import { useHolderName } from '../shared/holderLabels.tsx';
import { useRoles, useUnitHoldings, type OrgUnitDetail, type RoleDefinition } from '../../api/org.ts';

/** Roles that can be held for this unit: unit roles, and on a kommun also the organisation-wide ones. */
export function rolesForUnit(roles: RoleDefinition[], unit: Pick<OrgUnitDetail, 'kind'>): RoleDefinition[] {
  return roles.filter(
    (role) => role.subjectKinds.includes('unit') || (unit.kind === 'kommun' && role.subjectKinds.includes('organisation')),
  );
}

interface Props {
  unit: OrgUnitDetail;
  canManage: boolean;
}

/** Who holds which role for the unit now (or also earlier), with assign, end and hand over. */
export function UnitRoles({ unit, canManage }: Props) {
  const { t } = useTranslation();
  const holderName = useHolderName();
  const locale = useLocale();
  const [showEnded, setShowEnded] = useState(false);
  const holdings = useUnitHoldings(unit.id, !showEnded);
  const roles = useRoles();
  const items = holdings.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const holders = useRoleHolders({
    subjectKind: 'unit',
    headingRef,
    endText: (holding) => t('unitRoles.endText', { role: holding.roleName, name: holderName(holding.holder), unit: unit.name }),
  });

  const applicable = rolesForUnit(roles.data?.items ?? [], unit);
  const currentKeys = new Set(items.filter((h) => h.current).map((h) => h.roleKey));
  const missing = holdings.isSuccess && !holdings.hasNextPage ? applicable.filter((r) => r.minHolders > 0 && !currentKeys.has(r.key)) : [];

  return (
    <section aria-labelledby="unit-roles-heading" className="section">
      <Heading level={2} data-size="sm" id="unit-roles-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('unitRoles.heading')}
      </Heading>
      <Paragraph>{t('unitRoles.intro')}</Paragraph>
      <Checkbox label={t('unitRoles.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
      {holders.statusRegion}
      {missing.length > 0 && (
        <Alert data-color="warning">
          <Heading level={3} data-size="2xs">
            {t('unitRoles.missingHeading')}
          </Heading>
          <ul>
            {missing.map((role) => (
              <li key={role.key}>{t('unitRoles.missing', { role: role.name })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {holdings.isPending && <Spinner aria-label={t('unitRoles.loading')} />}
      {holdings.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(holdings.error) ? holdings.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {holdings.isSuccess && items.length === 0 && <Paragraph>{t(showEnded ? 'unitRoles.emptyAll' : 'unitRoles.empty')}</Paragraph>}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('unitRoles.caption', { name: unit.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('unitRoles.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colPerson')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colFrom')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colTo')}</Table.HeaderCell>
                {canManage && <Table.HeaderCell scope="col">{t('unitRoles.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((holding) => (
                <HolderRow
                  key={holding.id}
                  holding={holding}
                  role={
                    <>
                      {holding.roleName}
                      {!holding.current && <div className="cell-note">{t('unitRoles.notCurrent')}</div>}
                    </>
                  }
                >
                  <Table.Cell>
                    <time dateTime={holding.validFrom}>{formatDate(holding.validFrom, locale)}</time>
                  </Table.Cell>
                  <Table.Cell>
                    {holding.validTo ? (
                      <time dateTime={holding.validTo}>{formatDate(holding.validTo, locale)}</time>
                    ) : (
                      t('unitRoles.untilFurther')
                    )}
                  </Table.Cell>
                  {canManage && <Table.Cell>{holding.current && holders.actionsFor(holding)}</Table.Cell>}
                </HolderRow>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={holdings.hasNextPage}
        loading={holdings.isFetchingNextPage}
        onMore={() => void holdings.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
      {canManage && (
        <AssignRoleForm
          subject={{ kind: 'unit', id: unit.id }}
          heading={t('unitRoles.assignHeading')}
          roles={applicable}
          rolesError={roles.isError ? roles.error : null}
          onAssigned={holders.onAssigned}
        />
      )}
      {holders.dialogs}
    </section>
  );
}
