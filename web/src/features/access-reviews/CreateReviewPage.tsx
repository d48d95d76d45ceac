import { Button, Fieldset, Link, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { createReview, REVIEW_SCOPES, reviewKeys, type ReviewInput, type ReviewScope } from '../../api/access-reviews.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { todayIso } from '../shared/systemLabels.ts';
import { SystemsChooser, type ChosenSystem } from './SystemsChooser.tsx';
import './access-reviews.css';

const FIELDS = ['name', 'dueOn', 'systemIds', 'unitId'] as const;
type Field = (typeof FIELDS)[number];

/** /access-reviews/new — an administrator starts a campaign: its name, due date and what it covers. */
export function CreateReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [scope, setScope] = useState<ReviewScope>('systems');
  const [systems, setSystems] = useState<ChosenSystem[]>([]);
  const [unitId, setUnitId] = useState('');
  const errors = useFormErrors(FIELDS, 'create-review');

  const create = useMutation({
    mutationFn: createReview,
    onSuccess: (review) => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      queryClient.setQueryData(reviewKeys.one(review.id), review);
      void navigate(`/access-reviews/${review.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!name.trim()) found.name = t('reviews.create.nameRequired');
    if (!dueOn) found.dueOn = t('reviews.create.dueRequired');
    else if (dueOn < todayIso()) found.dueOn = t('reviews.create.duePast');
    if (scope === 'systems' && systems.length === 0) found.systemIds = t('reviews.create.systemsRequired');
    if (scope === 'unit' && !unitId) found.unitId = t('reviews.create.unitRequired');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    const input: ReviewInput =
      scope === 'systems'
        ? { name: name.trim(), dueOn, scope, systemIds: systems.map((s) => s.id) }
        : { name: name.trim(), dueOn, scope, unitId };
    create.mutate(input);
  }

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/access-reviews">{t('reviews.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('reviews.create.title')} />
      <Paragraph>{t('reviews.create.intro')}</Paragraph>
      <FormProblems errors={errors} />
      <form className="form review-form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('name')}
          label={t('reviews.create.name')}
          description={t('reviews.create.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <Textfield
          id={errors.id('dueOn')}
          label={t('reviews.create.dueOn')}
          description={t('reviews.create.dueHint')}
          type="date"
          min={todayIso()}
          className="narrow-field"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={errors.fields.dueOn}
        />
        <Fieldset>
          <Fieldset.Legend>{t('reviews.create.scopeLegend')}</Fieldset.Legend>
          {REVIEW_SCOPES.map((s) => (
            <Radio
              key={s}
              name="review-scope"
              value={s}
              label={t(`reviews.scope.${s}`)}
              description={t(`reviews.scope.${s}Hint`)}
              checked={scope === s}
              onChange={() => setScope(s)}
            />
          ))}
        </Fieldset>
        {scope === 'systems' ? (
          <SystemsChooser id={errors.id('systemIds')} chosen={systems} onChange={setSystems} error={errors.fields.systemIds} />
        ) : (
          <UnitSelect
            id={errors.id('unitId')}
            label={t('reviews.create.unit')}
            description={t('reviews.create.unitHint')}
            placeholder={t('reviews.create.chooseUnit')}
            value={unitId}
            onChange={setUnitId}
            error={errors.fields.unitId}
          />
        )}
        <Paragraph data-size="sm">{t('reviews.create.whatHappens')}</Paragraph>
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('reviews.create.submit')}
          </Button>
          <Link asChild>
            <RouterLink to="/access-reviews">{t('common.cancel')}</RouterLink>
          </Link>
        </div>
      </form>
    </>
  );
}
