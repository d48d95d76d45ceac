import { Alert, Button, Dialog, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import {
  useReview,
  useReviewItems,
  type ItemGroup,
  type ItemsFilter,
  type Review,
  type ReviewDecision,
  type ReviewItem,
} from '../../api/access-reviews.ts';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { messageOf } from '../../components/forms.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RowFilter } from '../../components/RowFilter.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { toggleAll } from './decisions.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { InboxFilters, readInboxValues, writeInboxValues } from './InboxFilters.tsx';
import { InboxTable } from './InboxTable.tsx';
import { ReviewDue, ReviewProgress } from './parts.tsx';
import { useUrlChoice } from './who.ts';
import './access-reviews.css';

/** With "privileged only" (filtered here), pages read on their own before "Visa fler". */
const AUTO_PAGES = 10;

/** /access-reviews/:id/inbox — the reviewer's own items: filter, choose rows, decide them in bulk or one at a time. */
export function InboxPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useReview(id);
  if (isApiError(review.error) && review.error.status === 404) return <NotFoundPage />;
  if (review.isError && !review.data) return <LoadError error={review.error} />;
  if (!review.data) return <Spinner aria-label={t('reviews.loading')} />;
  return <InboxView review={review.data} />;
}

function InboxView({ review }: { review: Review }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const headingId = useId();
  const paramsKey = params.toString();
  const [group, chooseGroup] = useUrlChoice<ItemGroup>(params.get('group') === 'person' ? 'person' : 'system', paramsKey);
  const current = readInboxValues(params);
  const filter: ItemsFilter = {
    group,
    mine: true,
    decided: current.undecided ? false : undefined,
    systemId: current.systemId || undefined,
    personId: current.personId || undefined,
  };
  const items = useReviewItems(review.id, filter);
  const pages = items.data?.pages ?? [];
  const loaded = pages.flatMap((p) => p.items);
  const shown = current.privileged ? loaded.filter((i) => i.accessRole.privileged) : loaded;
  const total = pages[0]?.total;
  // Another filter is another list: the choice belongs to the list it was made in.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key: paramsKey, ids: new Set() });
  const selected = selection.key === paramsKey ? selection.ids : new Set<string>();
  const setSelected = (next: Set<string> | ((s: Set<string>) => Set<string>)) =>
    setSelection((s) => {
      const base = s.key === paramsKey ? s.ids : new Set<string>();
      return { key: paramsKey, ids: typeof next === 'function' ? next(base) : next };
    });
  // One row's decision: the row as read last (a 409 reads the rows again), or as it was when the dialog opened.
  const [singleItem, setSingleItem] = useState<ReviewItem | null>(null);
  const single = singleItem ? (loaded.find((i) => i.grantId === singleItem.grantId) ?? singleItem) : null;
  const [notice, setNotice] = useState<{ count: number; decision: ReviewDecision; at: number } | null>(null);
  const open = review.state === 'open' && review.may.decide;
  const chosen = loaded.filter((i) => selected.has(i.grantId));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = items;
  // "Privileged only" is applied to the rows read: read a few pages more on its own.
  useEffect(() => {
    if (current.privileged && hasNextPage && !isFetchingNextPage && pages.length < AUTO_PAGES) void fetchNextPage();
  }, [current.privileged, hasNextPage, isFetchingNextPage, pages.length, fetchNextPage]);

  const done = (count: number, decision: ReviewDecision) => {
    setSelected(new Set());
    setSingleItem(null);
    setNotice((n) => ({ count, decision, at: (n?.at ?? 0) + 1 }));
  };

  let status = '';
  if (items.isSuccess) {
    if (shown.length === 0) {
      const unfiltered = current.undecided && !current.systemId && !current.personId && !current.privileged;
      status = unfiltered && review.mine && review.state === 'open' ? t('reviews.inbox.allDone') : t('reviews.inbox.empty');
    } else if (current.privileged)
      status = t(hasNextPage ? 'reviews.inbox.countPrivilegedSoFar' : 'reviews.inbox.countPrivileged', {
        count: shown.length,
        loaded: loaded.length,
      });
    else if (typeof total === 'number' && total > shown.length) status = t('reviews.inbox.countOf', { shown: shown.length, count: total });
    else status = t('reviews.inbox.count', { count: shown.length });
  }

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/access-reviews/${review.id}`}>{t('reviews.inbox.back', { name: review.name })}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('reviews.inbox.title', { name: review.name })} />
      <div className="review-inbox-summary">
        {review.mine && <ReviewProgress decided={review.mine.decided} total={review.mine.total} label={t('reviews.detail.mine')} />}
        <span>
          {t('reviews.inbox.dueBy')} <ReviewDue dueOn={review.dueOn} overdue={review.overdue} />
        </span>
      </div>
      {!open && <Alert data-color="info">{review.state === 'closed' ? t('reviews.inbox.closed') : t('reviews.inbox.notReviewer')}</Alert>}
      {notice && (
        <FocusAlert color="success" focusKey={notice.at}>
          {t(`reviews.inbox.saved.${notice.decision}`, { count: notice.count })}
        </FocusAlert>
      )}
      <InboxFilters
        current={current}
        names={{
          system: current.systemId ? (loaded[0]?.system ?? null) : null,
          person: current.personId ? (loaded[0]?.person ?? null) : null,
        }}
        onApply={(values) => setParams(writeInboxValues(values, group))}
      />
      <RowFilter
        legend={t('reviews.inbox.groupLegend')}
        options={[
          { key: 'system' as const, label: t('reviews.inbox.bySystem') },
          { key: 'person' as const, label: t('reviews.inbox.byPerson') },
        ]}
        value={group}
        onChange={(g) => {
          chooseGroup(g);
          setParams(writeInboxValues(current, g), { replace: true });
        }}
      />
      <div role="status" className="list-status">
        {status}
      </div>
      {items.isPending && <Spinner aria-label={t('reviews.inbox.loading')} />}
      {items.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(items.error, t('errors.unexpected'))}
        </Alert>
      )}
      {open && shown.length > 0 && (
        <section aria-labelledby={headingId} className="review-bulk">
          <Heading level={2} data-size="xs" id={headingId}>
            {t('reviews.inbox.bulkHeading')}
          </Heading>
          <div className="actions">
            <span aria-live="polite" className="review-bulk__count">
              {t('reviews.inbox.chosen', { count: chosen.length })}
            </span>
            <Button variant="tertiary" data-size="sm" onClick={() => setSelected(new Set(shown.map((i) => i.grantId)))}>
              {t('reviews.inbox.chooseAll', { count: shown.length })}
            </Button>
            {chosen.length > 0 && (
              <Button variant="tertiary" data-size="sm" onClick={() => setSelected(new Set())}>
                {t('reviews.inbox.chooseNone')}
              </Button>
            )}
          </div>
          <DecisionForm
            reviewId={review.id}
            items={chosen}
            idPrefix="inbox-bulk"
            onDone={done}
            submitText={t('reviews.inbox.decideChosen', { count: chosen.length })}
          />
        </section>
      )}
      {shown.length > 0 && (
        <InboxTable
          items={shown}
          group={group}
          selected={selected}
          onToggle={(ids) => setSelected((s) => toggleAll(s, ids))}
          onDecide={open ? setSingleItem : null}
          tableRef={tableRef}
        />
      )}
      <ShowMore
        hasMore={hasNextPage && !(current.privileged && pages.length < AUTO_PAGES)}
        loading={isFetchingNextPage}
        onMore={() => void fetchNextPage()}
        count={shown.length}
        tableRef={tableRef}
      />
      {single && <SingleDecision review={review} item={single} onDone={done} onClose={() => setSingleItem(null)} />}
    </>
  );
}

/** One row's decision in a dialog: what the grant is, then the same form as for many. */
function SingleDecision({
  review,
  item,
  onDone,
  onClose,
}: {
  review: Review;
  item: ReviewItem;
  onDone: (count: number, d: ReviewDecision) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId} className="wide-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('reviews.single.title', { who: item.person?.name ?? item.account.username })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="review-single">
        <Paragraph>
          {t('reviews.single.what', { role: item.accessRole.name, system: item.system.name, account: item.account.username })}
          {item.accessRole.privileged && ` ${t('reviews.single.privileged')}`}
        </Paragraph>
        {item.decision && (
          <Paragraph data-size="sm">
            {t('reviews.single.current', { decision: t(`reviews.decision.${item.decision}`), name: item.decidedBy?.name ?? '' })}
          </Paragraph>
        )}
        <DecisionForm
          reviewId={review.id}
          items={[item]}
          idPrefix="inbox-single"
          onDone={onDone}
          submitText={t('reviews.single.submit')}
          onCancel={onClose}
        />
      </Dialog.Block>
    </Dialog>
  );
}
