import { Button, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { closeReview, evidenceUrl, reviewKeys, useReview, type Review } from '../../api/access-reviews.ts';
import { isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { ReviewDue, ReviewProgress, ReviewStateTag, ScopeText } from './parts.tsx';
import { RemovalsSection } from './RemovalsSection.tsx';
import { ReviewersTable } from './ReviewersTable.tsx';
import './access-reviews.css';

/** /access-reviews/:id — one campaign: a summary first, progress per reviewer, then what the caller may do. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useReview(id);

  if (isApiError(review.error) && review.error.status === 404) return <NotFoundPage />;
  if (review.isError && !review.data) return <LoadError error={review.error} />;
  if (!review.data) return <Spinner aria-label={t('reviews.loading')} />;
  return <ReviewView review={review.data} />;
}

function ReviewView({ review }: { review: Review }) {
  const { t } = useTranslation();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [closedNow, setClosedNow] = useState<number | null>(null);
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/access-reviews">{t('reviews.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={review.name} />
      {created && !closedNow && <FocusAlert color="success">{t('reviews.detail.created', { count: review.progress.total })}</FocusAlert>}
      {closedNow && (
        <FocusAlert color="success" focusKey={closedNow}>
          {t('reviews.detail.closedNow', { count: review.progress.remove })}
        </FocusAlert>
      )}
      <ReviewSummary review={review} />
      <ReviewActions review={review} onClosed={() => setClosedNow(Date.now())} />
      {/* Once closed, what is left to do (the removals) comes before who did what. */}
      {review.state === 'closed' && review.progress.remove > 0 && <RemovalsSection review={review} />}
      {/* Every reviewer's progress is for whoever started it or administers its systems; a reviewer sees "Dina beslut". */}
      {review.may.evidence && <ReviewersTable review={review} />}
    </>
  );
}

/** Scope, due date, state, and the decisions so far in numbers: kept, removed, changed, undecided. */
function ReviewSummary({ review: r }: { review: Review }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = r.progress;
  return (
    <section aria-labelledby="review-summary-heading" className="section">
      <Heading level={2} data-size="sm" id="review-summary-heading">
        {t('reviews.detail.summaryHeading')}
      </Heading>
      <dl className="facts">
        <dt>{t('reviews.col.scope')}</dt>
        <dd>
          <ScopeText review={r} />
        </dd>
        <dt>{t('reviews.col.due')}</dt>
        <dd>
          <ReviewDue dueOn={r.dueOn} overdue={r.overdue} />
        </dd>
        <dt>{t('reviews.col.state')}</dt>
        <dd>
          <ReviewStateTag state={r.state} />
          {r.state === 'closed' && r.closedAt && (
            <span className="cell-note">
              {' '}
              {r.closedBy
                ? t('reviews.detail.closedBy', { date: formatDate(r.closedAt, locale), name: r.closedBy })
                : t('reviews.detail.closedOn', { date: formatDate(r.closedAt, locale) })}
            </span>
          )}
        </dd>
        <dt>{t('reviews.col.progress')}</dt>
        <dd>
          <ReviewProgress decided={p.decided} total={p.total} label={t('reviews.col.progress')} />
        </dd>
        {r.mine && (
          <>
            <dt>{t('reviews.detail.mine')}</dt>
            <dd>
              <ReviewProgress decided={r.mine.decided} total={r.mine.total} label={t('reviews.detail.mine')} />
            </dd>
          </>
        )}
        <dt>{t('reviews.detail.kept')}</dt>
        <dd>{p.keep}</dd>
        <dt>{t('reviews.detail.removed')}</dt>
        <dd>{p.remove}</dd>
        <dt>{t('reviews.detail.changed')}</dt>
        <dd>{p.change}</dd>
        <dt>{r.state === 'closed' ? t('reviews.detail.notReviewed') : t('reviews.detail.undecided')}</dt>
        <dd>{p.total - p.decided}</dd>
      </dl>
      {r.createdBy && (
        <Paragraph data-size="sm" className="muted">
          {t('reviews.detail.startedBy', { name: r.createdBy, date: formatDate(r.createdAt, locale) })}
        </Paragraph>
      )}
    </section>
  );
}

/** Granska (to the inbox), the evidence as files, and closing the campaign after a question that says what happens. */
function ReviewActions({ review: r, onClosed }: { review: Review; onClosed: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const open = r.state === 'open';
  const close = useMutation({
    mutationFn: () => closeReview(r.id, r.version),
    onSuccess: (fresh) => {
      queryClient.setQueryData(reviewKeys.one(r.id), fresh);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      setAsking(false);
      onClosed();
    },
    // Someone decided or closed it meanwhile: read it again; the dialog says so.
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: reviewKeys.one(r.id) });
    },
  });
  const reviews = open && r.may.decide && r.mine !== null;
  const closes = open && r.may.close;
  if (!reviews && !closes && !r.may.evidence) return null;
  const undecided = r.progress.total - r.progress.decided;
  const conflict = isApiError(close.error) && close.error.code === 'conflict';

  return (
    <section aria-labelledby="review-actions-heading" className="section">
      <Heading level={2} data-size="sm" id="review-actions-heading">
        {t('reviews.detail.actionsHeading')}
      </Heading>
      {(reviews || closes) && (
        <div className="actions">
          {reviews && r.mine && (
            <Button asChild>
              <RouterLink to={`/access-reviews/${r.id}/inbox`}>
                {t('reviews.detail.review', { count: r.mine.total - r.mine.decided })}
              </RouterLink>
            </Button>
          )}
          {closes && (
            <Button variant="secondary" onClick={() => setAsking(true)}>
              {t('reviews.detail.close')}
            </Button>
          )}
        </div>
      )}
      {r.may.evidence && (
        <div className="actions">
          <span>{t('reviews.detail.evidence')}</span>
          <Link href={evidenceUrl(r.id, 'xlsx')} download>
            {t('reviews.detail.evidenceXlsx')}
          </Link>
          <Link href={evidenceUrl(r.id, 'pdf')} download>
            {t('reviews.detail.evidencePdf')}
          </Link>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          open
          title={t('reviews.close.title')}
          confirmLabel={t('reviews.close.submit')}
          onConfirm={() => close.mutate()}
          onClose={() => {
            setAsking(false);
            close.reset();
          }}
          busy={close.isPending}
          error={close.isError ? (conflict ? t('reviews.close.conflict') : messageOf(close.error, t('errors.unexpected'))) : null}
        >
          <div className="review-close-text">
            <Paragraph>{t('reviews.close.removals', { count: r.progress.remove })}</Paragraph>
            <Paragraph>{undecided > 0 ? t('reviews.close.undecided', { count: undecided }) : t('reviews.close.allDecided')}</Paragraph>
            <Paragraph>{t('reviews.close.final')}</Paragraph>
          </div>
        </ConfirmDialog>
      )}
    </section>
  );
}
