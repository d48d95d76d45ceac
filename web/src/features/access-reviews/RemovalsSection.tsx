import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useReviewItems, type Review } from '../../api/access-reviews.ts';
import { messageOf } from '../../components/forms.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { RoleName } from '../access/labels.tsx';

/** Pages read on their own to find the removals among the decided items; "Visa fler" after that. */
const AUTO_PAGES = 5;

/**
 * A closed campaign's removals: each "ta bort" became a removal order for the executors; each row links to its
 * order. (The items API filters by decided, not by decision, so the removals are picked from the decided items.)
 */
export function RemovalsSection({ review }: { review: Review }) {
  const { t } = useTranslation();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const items = useReviewItems(review.id, { group: 'system', mine: false, decided: true });
  const pages = items.data?.pages ?? [];
  const removals = pages.flatMap((p) => p.items).filter((i) => i.decision === 'remove');
  const wanted = review.progress.remove;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = items;
  const more = hasNextPage && removals.length < wanted;

  useEffect(() => {
    if (more && !isFetchingNextPage && pages.length < AUTO_PAGES) void fetchNextPage();
  }, [more, isFetchingNextPage, pages.length, fetchNextPage]);

  return (
    <section aria-labelledby="review-removals-heading" className="section">
      <Heading level={2} data-size="sm" id="review-removals-heading">
        {t('reviews.removals.heading')}
      </Heading>
      <Paragraph>{t('reviews.removals.intro', { count: wanted })}</Paragraph>
      {items.isPending && <Spinner aria-label={t('reviews.removals.loading')} />}
      {items.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(items.error, t('errors.unexpected'))}
        </Alert>
      )}
      {removals.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('reviews.removals.caption', { name: review.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('reviews.col.person')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.system')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.account')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.col.decidedBy')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.removals.colOrder')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {removals.map((i) => (
                <Table.Row key={i.grantId} tabIndex={-1}>
                  <Table.Cell>{i.person?.name ?? <span className="cell-note">{t('reviews.noPerson')}</span>}</Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/systems/${i.system.id}?tab=access`}>{i.system.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{i.account.username}</Table.Cell>
                  <Table.Cell>
                    <RoleName role={i.accessRole} />
                  </Table.Cell>
                  <Table.Cell>
                    {i.decidedBy?.name ?? ''}
                    {i.comment && <div className="cell-note review-comment">{i.comment}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {i.removalOrderId ? (
                      <Link asChild>
                        <RouterLink to={`/access-orders/${i.removalOrderId}`}>{t('reviews.removals.order')}</RouterLink>
                      </Link>
                    ) : (
                      <span className="cell-note">{t('reviews.removals.noOrder')}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={more && pages.length >= AUTO_PAGES}
        loading={isFetchingNextPage}
        onMore={() => void fetchNextPage()}
        count={removals.length}
        tableRef={tableRef}
      />
    </section>
  );
}
