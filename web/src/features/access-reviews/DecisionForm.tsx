import { Button, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decide, REVIEW_DECISIONS, reviewKeys, type ReviewDecision, type ReviewItem } from '../../api/access-reviews.ts';
import { ApiError, isApiError } from '../../api/client.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { decisionsFor, needingComment } from './decisions.ts';

/** At most this many decisions in one request (the server's limit; all or none). */
export const DECISIONS_MAX = 500;

const FIELDS = ['decision', 'comment'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  reviewId: string;
  /** The items the decision is for: the chosen rows, or one row. */
  items: ReviewItem[];
  /** Prefix of the fields' ids (the error summary links to them). */
  idPrefix: string;
  /** After the decisions are saved (the lists are read again). */
  onDone: (count: number, decision: ReviewDecision) => void;
  /** The submit button's text. */
  submitText: string;
  onCancel?: () => void;
}

/**
 * Keep, remove or change, with a comment, for one row or many (all or none). It says before anyone tries when a
 * comment is needed: to change a grant, and to keep a privileged one. A 409 (someone else decided one of them
 * first) is said plainly and the lists are read again.
 */
export function DecisionForm({ reviewId, items, idPrefix, onDone, submitText, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = useId();
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  const [comment, setComment] = useState('');
  const errors = useFormErrors(FIELDS, idPrefix);
  const privileged = items.filter((i) => i.accessRole.privileged).length;
  const needing = decision ? needingComment(decision, items) : 0;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewKeys.items(reviewId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.one(reviewId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (q) => q.queryKey[1] === 'list' }),
    ]);

  const save = useMutation({
    mutationFn: (d: ReviewDecision) => decide(reviewId, decisionsFor(items, d, comment)),
    onSuccess: async (result, d) => {
      await refresh();
      setDecision('');
      setComment('');
      errors.clear();
      onDone(result.decided, d);
    },
    onError: async (error) => {
      // A stale version: someone else decided one of them first. (A closed campaign is a 409 too, with its own words.)
      if (isApiError(error) && error.code === 'conflict') {
        errors.showApiError(new ApiError({ status: 409, code: 'conflict', message: t('reviews.decide.conflict') }), '');
      } else errors.showApiError(error, t('errors.unexpected'));
      if (isApiError(error) && error.status === 409) await refresh();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    if (items.length === 0) {
      errors.showApiError(new ApiError({ status: 400, code: 'none', message: t('reviews.decide.chooseRows') }), '');
      return;
    }
    if (items.length > DECISIONS_MAX) {
      errors.showApiError(
        new ApiError({ status: 400, code: 'too_many', message: t('reviews.decide.tooMany', { max: DECISIONS_MAX }) }),
        '',
      );
      return;
    }
    const found: FieldMessages<Field> = {};
    if (!decision) found.decision = t('reviews.decide.chooseDecision');
    else if (needing > 0 && !comment.trim()) {
      found.comment =
        decision === 'change' ? t('reviews.decide.commentForChange') : t('reviews.decide.commentForPrivileged', { count: needing });
    }
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    save.mutate(decision as ReviewDecision);
  }

  return (
    <>
      <FormProblems errors={errors} />
      <form className="review-decision" noValidate onSubmit={onSubmit}>
        <Fieldset className="review-decision__choices" data-invalid={errors.fields.decision ? true : undefined}>
          <Fieldset.Legend>{t('reviews.decide.legend')}</Fieldset.Legend>
          <div className="review-decision__radios">
            {REVIEW_DECISIONS.map((d, index) => (
              <Radio
                key={d}
                id={index === 0 ? errors.id('decision') : undefined}
                name={name}
                value={d}
                label={t(`reviews.decide.${d}`)}
                checked={decision === d}
                onChange={() => setDecision(d)}
                aria-invalid={errors.fields.decision ? true : undefined}
              />
            ))}
          </div>
          {errors.fields.decision && <ValidationMessage>{errors.fields.decision}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id={errors.id('comment')}
          className="review-decision__comment"
          label={needing > 0 ? t('reviews.decide.commentRequired') : t('reviews.decide.comment')}
          description={
            decision === 'change'
              ? t('reviews.decide.hintChange')
              : privileged > 0
                ? items.length === 1
                  ? t('reviews.decide.hintSinglePrivileged')
                  : t('reviews.decide.hintPrivileged', { count: privileged })
                : t('reviews.decide.hintRule')
          }
          multiline
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={errors.fields.comment}
        />
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {submitText}
          </Button>
          {onCancel && (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
