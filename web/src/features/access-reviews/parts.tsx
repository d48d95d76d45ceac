import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision, ReviewSummary } from '../../api/access-reviews.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { percentOf } from './decisions.ts';
import './access-reviews.css';

/** "12 av 40 beslutade (30 %)" in words, and a bar that shows the same (its label carries the numbers). */
export function ReviewProgress({ decided, total, label }: { decided: number; total: number; label?: string }) {
  const { t } = useTranslation();
  const percent = percentOf(decided, total);
  const text = t('reviews.progress.text', { decided, total, percent });
  return (
    <div className="review-progress">
      <span className="nowrap">{text}</span>
      <progress max={Math.max(total, 1)} value={decided} aria-label={label ? `${label}: ${text}` : text} />
    </div>
  );
}

/** The due date, with "Försenad" written beside it (the tag's colour only repeats the word). */
export function ReviewDue({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span className="review-due">
      <time dateTime={dueOn} className="nowrap">
        {formatDate(dueOn, locale)}
      </time>
      {overdue && (
        <Tag data-color="danger" data-size="sm" className="nowrap">
          {t('reviews.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** Open or closed, as a word in a tag. */
export function ReviewStateTag({ state }: { state: ReviewSummary['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={state === 'open' ? 'info' : 'neutral'} data-size="sm" className="nowrap">
      {t(`reviews.state.${state}`)}
    </Tag>
  );
}

/** What a campaign covers: "3 system" or "Socialförvaltningen och enheterna under (12 system)". */
export function ScopeText({ review }: { review: Pick<ReviewSummary, 'scope' | 'unit' | 'systems'> }) {
  const { t } = useTranslation();
  if (review.scope === 'unit' && review.unit) return <>{t('reviews.scope.unitText', { unit: review.unit.name, count: review.systems })}</>;
  return <>{t('reviews.scope.systemsText', { count: review.systems })}</>;
}

const DECISION_COLOR: Record<ReviewDecision, 'success' | 'danger' | 'warning'> = { keep: 'success', remove: 'danger', change: 'warning' };

/** A decision as a word in a tag, or "Ej beslutad" in plain text. */
export function DecisionTag({ decision }: { decision: ReviewDecision | null }) {
  const { t } = useTranslation();
  if (!decision) return <span className="cell-note">{t('reviews.decision.none')}</span>;
  return (
    <Tag data-color={DECISION_COLOR[decision]} data-size="sm" className="nowrap">
      {t(`reviews.decision.${decision}`)}
    </Tag>
  );
}
