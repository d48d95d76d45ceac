import { Alert, Button, Checkbox, Heading, Link, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useGrants, type AccessGrant, type AccessRole, type GrantsFilter } from '../../api/access.ts';
import { hasPermission } from '../../api/me.ts';
import { messageOf } from '../../components/forms.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { useSearchText } from '../../components/SearchPicker.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Day, OriginText, RoleName, useAccessLabels } from './labels.tsx';
import { RemovalDialog, type RemovalTarget } from './RemovalDialog.tsx';

interface Props {
  system: { id: string; name: string };
  roles: AccessRole[];
}

/**
 * Who has which access role in the system: current grants (or, with "Visa avslutade", the ended ones), filtered by
 * access role, privileged only and a search; paged with the total. A current grant's removal is ordered from its row.
 */
export function GrantsSection({ system, roles }: Props) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const search = useSearchText();
  const [accessRoleId, setAccessRoleId] = useState('');
  const [privileged, setPrivileged] = useState(false);
  const [ended, setEnded] = useState(false);
  const [removing, setRemoving] = useState<RemovalTarget | null>(null);
  const filter: GrantsFilter = {
    q: search.q || undefined,
    accessRoleId: accessRoleId || undefined,
    privileged: privileged || undefined,
    ended: ended || undefined,
  };
  const grants = useGrants(system.id, filter);
  const items = grants.data?.pages.flatMap((p) => p.items) ?? [];
  const total = grants.data?.pages[0]?.total;
  // Removals are ordered by a chef of the person's unit or an administrator; the API says no (403) to anyone else.
  const mayOrder = !ended && hasPermission(me, 'systems:write');

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('access.grants.heading')}
      </Heading>
      <div className="access-filters" role="group" aria-label={t('access.grants.filterLabel')}>
        <Textfield
          label={t('access.grants.search')}
          description={t('access.grants.searchHint')}
          type="search"
          autoComplete="off"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
        />
        <SelectField
          id={`grants-role-${system.id}`}
          label={t('access.grants.filterRole')}
          placeholder={t('access.grants.allRoles')}
          value={accessRoleId}
          onChange={setAccessRoleId}
          options={roles.map((r) => ({ value: r.id, label: r.privileged ? t('access.roleOptionPrivileged', { name: r.name }) : r.name }))}
        />
        <div className="filter-stack">
          <Checkbox label={t('access.grants.privilegedOnly')} checked={privileged} onChange={(e) => setPrivileged(e.target.checked)} />
          <Checkbox label={t('access.grants.showEnded')} checked={ended} onChange={(e) => setEnded(e.target.checked)} />
        </div>
      </div>
      <p role="status" className="list-status">
        {grants.isSuccess &&
          (items.length === 0
            ? t(ended ? 'access.grants.emptyEnded' : 'access.grants.empty')
            : t(ended ? 'access.grants.countEnded' : 'access.grants.count', { shown: items.length, count: total ?? items.length }))}
      </p>
      {grants.isPending && <Spinner aria-label={t('access.grants.loading')} />}
      {grants.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(grants.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <GrantsTable
          grants={items}
          ended={ended}
          tableRef={tableRef}
          onRemove={
            mayOrder
              ? (g) =>
                  setRemoving({
                    grantId: g.id,
                    roleName: g.accessRole.name,
                    systemName: system.name,
                    holder: g.person?.name ?? g.account.username,
                  })
              : undefined
          }
        />
      )}
      <ShowMore
        hasMore={grants.hasNextPage}
        loading={grants.isFetchingNextPage}
        onMore={() => void grants.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
      {removing && <RemovalDialog target={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function GrantsTable({
  grants,
  ended,
  tableRef,
  onRemove,
}: {
  grants: AccessGrant[];
  ended: boolean;
  tableRef: RefObject<HTMLTableElement | null>;
  onRemove?: (grant: AccessGrant) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const labels = useAccessLabels();
  const captionId = useId();
  const readsPeople = hasPermission(me, 'org:read');
  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {t(ended ? 'access.grants.captionEnded' : 'access.grants.caption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('access.grants.colAccount')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colPerson')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colRole')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colFrom')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colTo')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colOrigin')}</Table.HeaderCell>
            {ended && <Table.HeaderCell scope="col">{t('access.grants.colEnded')}</Table.HeaderCell>}
            {onRemove && <Table.HeaderCell scope="col">{t('access.grants.colActions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {grants.map((g) => (
            <Table.Row key={g.id} tabIndex={-1}>
              <Table.Cell>
                {g.account.username}
                {g.account.type !== 'personal' && <div className="cell-note">{labels.accountType(g.account.type)}</div>}
              </Table.Cell>
              <Table.Cell>
                {!g.person ? (
                  <span className="cell-note">{t('access.noPerson')}</span>
                ) : readsPeople ? (
                  <Link asChild>
                    <RouterLink to={`/people/${g.person.id}`}>{g.person.name}</RouterLink>
                  </Link>
                ) : (
                  g.person.name
                )}
              </Table.Cell>
              <Table.Cell>
                <RoleName role={g.accessRole} />
              </Table.Cell>
              <Table.Cell>
                <Day iso={g.validFrom} />
              </Table.Cell>
              <Table.Cell>
                <Day iso={g.validTo} none={ended ? '–' : t('access.untilFurther')} />
              </Table.Cell>
              <Table.Cell>
                <OriginText grant={g} />
              </Table.Cell>
              {ended && (
                <Table.Cell>
                  <Day iso={g.endedAt} />
                  {g.endReason && <div className="cell-note">{labels.endReason(g.endReason)}</div>}
                </Table.Cell>
              )}
              {onRemove && (
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('access.removal.orderFor', { role: g.accessRole.name, holder: g.person?.name ?? g.account.username })}
                    onClick={() => onRemove(g)}
                  >
                    {t('access.removal.order')}
                  </Button>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
