import { Alert, Button, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { REVIEW_STATES, useReviews, type ReviewState } from '../../api/access-reviews.ts';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { RowFilter } from '../../components/RowFilter.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { isAdministrator, useUrlChoice } from './who.ts';
import { ReviewDue, ReviewProgress, ReviewStateTag, ScopeText } from './parts.tsx';

type Shown = ReviewState | 'all';

/** /access-reviews — the campaigns (behörighetskontroller) the caller sees, open first, with their progress. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const asked = params.get('state');
  const [shown, choose] = useUrlChoice<Shown>(
    asked === 'all' || (REVIEW_STATES as readonly string[]).includes(asked ?? '') ? (asked as Shown) : 'open',
    params.toString(),
  );
  const reviews = useReviews(shown === 'all' ? '' : shown);
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  const total = reviews.data?.pages[0]?.total;

  return (
    <>
      <PageHeading title={t('reviews.list.title')} />
      <Paragraph>{t('reviews.list.intro')}</Paragraph>
      {isAdministrator(me) && (
        <div className="actions">
          <Button asChild>
            <RouterLink to="/access-reviews/new">{t('reviews.list.create')}</RouterLink>
          </Button>
        </div>
      )}
      <RowFilter
        legend={t('reviews.list.filterLegend')}
        options={([...REVIEW_STATES, 'all'] as const).map((key) => ({ key, label: t(`reviews.list.show.${key}`) }))}
        value={shown}
        onChange={(key) => {
          choose(key);
          setParams(key === 'open' ? {} : { state: key }, { replace: true });
        }}
      />
      <div role="status" className="list-status">
        {reviews.isSuccess &&
          (items.length === 0
            ? t(`reviews.list.empty.${shown}`)
            : t('reviews.list.count', { count: typeof total === 'number' ? total : items.length }))}
      </div>
      {reviews.isPending && <Spinner aria-label={t('reviews.list.loading')} />}
      {reviews.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(reviews.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('reviews.list.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('reviews.col.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.scope')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.due')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.state')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.progress')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id} tabIndex={-1}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/access-reviews/${r.id}`}>{r.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <ScopeText review={r} />
                  </Table.Cell>
                  <Table.Cell>
                    <ReviewDue dueOn={r.dueOn} overdue={r.overdue} />
                  </Table.Cell>
                  <Table.Cell>
                    <ReviewStateTag state={r.state} />
                  </Table.Cell>
                  <Table.Cell>
                    <ReviewProgress decided={r.progress.decided} total={r.progress.total} label={r.name} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={reviews.hasNextPage}
        loading={reviews.isFetchingNextPage}
        onMore={() => void reviews.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}
