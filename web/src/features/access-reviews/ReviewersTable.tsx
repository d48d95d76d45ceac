import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Review } from '../../api/access-reviews.ts';
import { hasPermission } from '../../api/me.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ReviewProgress } from './parts.tsx';

/** Progress per reviewer: who, decided of total, and whether they are late (in words), those with most left first. */
export function ReviewersTable({ review }: { review: Review }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const captionId = useId();
  const readsPeople = hasPermission(me, 'org:read');
  const reviewers = [...review.reviewers].sort(
    (a, b) => b.total - b.decided - (a.total - a.decided) || a.person.name.localeCompare(b.person.name),
  );
  const open = review.state === 'open';

  return (
    <section aria-labelledby="review-reviewers-heading" className="section">
      <Heading level={2} data-size="sm" id="review-reviewers-heading">
        {t('reviews.reviewers.heading')}
      </Heading>
      {reviewers.length === 0 ? (
        <Paragraph>{t('reviews.reviewers.none')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('reviews.reviewers.caption', { name: review.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('reviews.reviewers.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.reviewers.colProgress')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('reviews.reviewers.colState')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reviewers.map((r) => {
                const left = r.total - r.decided;
                return (
                  <Table.Row key={r.person.id}>
                    <Table.Cell>
                      {readsPeople ? (
                        <Link asChild>
                          <RouterLink to={`/people/${r.person.id}`}>{r.person.name}</RouterLink>
                        </Link>
                      ) : (
                        r.person.name
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <ReviewProgress decided={r.decided} total={r.total} label={r.person.name} />
                    </Table.Cell>
                    <Table.Cell>
                      {left === 0 ? (
                        t('reviews.reviewers.done')
                      ) : open && review.overdue ? (
                        <Tag data-color="danger" data-size="sm" className="nowrap">
                          {t('reviews.reviewers.overdue', { count: left })}
                        </Tag>
                      ) : open ? (
                        t('reviews.reviewers.left', { count: left })
                      ) : (
                        t('reviews.reviewers.notReviewed', { count: left })
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
