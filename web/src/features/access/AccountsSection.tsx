import { Alert, Checkbox, Heading, Link, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useAccounts } from '../../api/access.ts';
import { hasPermission } from '../../api/me.ts';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { useSearchText } from '../../components/SearchPicker.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAccessLabels } from './labels.tsx';

/**
 * The system's accounts (user names in the system): type, status, the person it belongs to, last login and its
 * current grants; "only unmatched" shows the personal accounts that belong to no person. Paged with the total.
 */
export function AccountsSection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const locale = useLocale();
  const labels = useAccessLabels();
  const headingId = useId();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const search = useSearchText();
  const [unmatched, setUnmatched] = useState(false);
  const accounts = useAccounts(systemId, { q: search.q || undefined, unmatched: unmatched || undefined });
  const items = accounts.data?.pages.flatMap((p) => p.items) ?? [];
  const total = accounts.data?.pages[0]?.total;
  const readsPeople = hasPermission(me, 'org:read');
  // The system's own list gives a date, or a date and time: either is shown as the date.
  const lastLogin = (value: string | null) => (value ? formatDate(value, locale) : t('access.accounts.neverLoggedIn'));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('access.accounts.heading')}
      </Heading>
      <div className="access-filters" role="group" aria-label={t('access.accounts.filterLabel')}>
        <Textfield
          label={t('access.accounts.search')}
          type="search"
          autoComplete="off"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
        />
        <Checkbox
          label={t('access.accounts.unmatchedOnly')}
          description={t('access.accounts.unmatchedHint')}
          checked={unmatched}
          onChange={(e) => setUnmatched(e.target.checked)}
        />
      </div>
      <p role="status" className="list-status">
        {accounts.isSuccess &&
          (items.length === 0
            ? t(unmatched ? 'access.accounts.emptyUnmatched' : 'access.accounts.empty')
            : t('access.accounts.count', { shown: items.length, count: total ?? items.length }))}
      </p>
      {accounts.isPending && <Spinner aria-label={t('access.accounts.loading')} />}
      {accounts.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(accounts.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('access.accounts.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('access.accounts.colUsername')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colType')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colStatus')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colPerson')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colLastLogin')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.accounts.colGrants')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((a) => (
                <Table.Row key={a.id} tabIndex={-1}>
                  <Table.Cell>{a.username}</Table.Cell>
                  <Table.Cell>
                    {a.displayName ?? '–'}
                    {a.email && <div className="cell-note">{a.email}</div>}
                  </Table.Cell>
                  <Table.Cell>{labels.accountType(a.type)}</Table.Cell>
                  <Table.Cell>{labels.accountStatus(a.status)}</Table.Cell>
                  <Table.Cell>
                    {a.person ? (
                      readsPeople ? (
                        <Link asChild>
                          <RouterLink to={`/people/${a.person.id}`}>{a.person.name}</RouterLink>
                        </Link>
                      ) : (
                        a.person.name
                      )
                    ) : a.type === 'personal' && a.status !== 'removed' ? (
                      <strong>{t('access.accounts.unmatched')}</strong>
                    ) : (
                      <span className="cell-note">{t('access.noPerson')}</span>
                    )}
                  </Table.Cell>
                  <Table.Cell className="nowrap">{lastLogin(a.lastLoginAt)}</Table.Cell>
                  <Table.Cell>{a.grantCount}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={accounts.hasNextPage}
        loading={accounts.isFetchingNextPage}
        onMore={() => void accounts.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </section>
  );
}
