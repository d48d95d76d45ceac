import { Alert, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aspect, Classification, ClassificationScales, QuestionSubject, Scale } from '../../api/classifications.ts';
import { useClassificationLabels } from './labels.ts';

interface Props {
  aspect: Aspect;
  scale: Scale;
  questions: ClassificationScales['questions'];
  draft: Classification;
  /** Server field messages for this aspect (levels.<aspect>, justifications.<aspect>) from the last submit. */
  errors: { level?: string; justification?: string };
  onAnswer: (about: QuestionSubject, level: number) => void;
  onLevel: (level: number) => void;
  onJustification: (text: string) => void;
}

/**
 * One aspect of the guide: what the aspect means and its levels, the consequence questions (for the kommun, for
 * individuals, for society), the suggested level with why, and the level chosen — with a justification when it is
 * not the suggestion. Every answer is saved at once and the suggestion follows.
 */
export function AspectStep({ aspect, scale, questions, draft, errors, onAnswer, onLevel, onJustification }: Props) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  const name = useId();
  const spec = scale.aspects.find((a) => a.aspect === aspect);
  const [justification, setJustification] = useState(draft.justifications[aspect] ?? '');
  if (!spec) return <Paragraph>{t('classifications.guide.aspectNotOnScale')}</Paragraph>;
  const suggestion = draft.suggestion[aspect];
  const level = draft.levels[aspect];
  const answers = draft.answers[aspect] ?? {};
  const differs = level !== null && suggestion.level !== null && level !== suggestion.level;
  const levelText = (n: number) => t('classifications.levelWithLabel', { level: n, label: labels.text(spec.levels.find((l) => l.number === n)?.label) });

  return (
    <div className="guide-step">
      <Paragraph>{labels.text(spec.description)}</Paragraph>
      <details className="guide-levels">
        <summary>{t('classifications.guide.levelsSummary', { aspect: labels.text(spec.name).toLocaleLowerCase() })}</summary>
        <dl className="facts">
          {spec.levels.map((l) => (
            <div key={l.number}>
              <dt>{levelText(l.number)}</dt>
              <dd>{labels.text(l.description)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {questions
        .filter((q) => q.aspect === aspect)
        .map((q) => (
          <Fieldset key={q.about} className="guide-question">
            <Fieldset.Legend>{labels.text(q.text)}</Fieldset.Legend>
            {q.help && <Fieldset.Description>{labels.text(q.help)}</Fieldset.Description>}
            <div className="guide-options guide-options--row">
              {spec.levels.map((l) => (
                <Radio
                  key={l.number}
                  name={`${name}-${q.about}`}
                  value={String(l.number)}
                  label={levelText(l.number)}
                  checked={answers[q.about] === l.number}
                  onChange={() => onAnswer(q.about, l.number)}
                />
              ))}
            </div>
          </Fieldset>
        ))}
      <section className="status-panel guide-suggestion" aria-live="polite" aria-labelledby={`${name}-suggestion`}>
        <Heading level={3} data-size="2xs" id={`${name}-suggestion`}>
          {suggestion.level === null ? t('classifications.guide.noSuggestion') : t('classifications.guide.suggestion', { level: levelText(suggestion.level) })}
        </Heading>
        {suggestion.reasons.length > 0 && (
          <ul>
            {suggestion.reasons.map((r, i) => (
              <li key={i}>{labels.text(r)}</li>
            ))}
          </ul>
        )}
      </section>
      <Fieldset className="guide-question" data-invalid={errors.level ? true : undefined}>
        <Fieldset.Legend>{t('classifications.guide.chosen', { aspect: labels.text(spec.name) })}</Fieldset.Legend>
        <div className="guide-options guide-options--row">
          {spec.levels.map((l) => (
            <Radio
              key={l.number}
              name={`${name}-level`}
              value={String(l.number)}
              label={l.number === suggestion.level ? t('classifications.guide.suggested', { level: levelText(l.number) }) : levelText(l.number)}
              checked={level === l.number}
              onChange={() => onLevel(l.number)}
              aria-invalid={errors.level ? true : undefined}
            />
          ))}
        </div>
        {errors.level && (
          <Alert data-color="danger" data-size="sm">
            {errors.level}
          </Alert>
        )}
      </Fieldset>
      {(differs || justification) && (
        <Textfield
          label={t('classifications.guide.justification')}
          description={differs ? t('classifications.guide.justificationHint', { level: levelText(suggestion.level!) }) : undefined}
          multiline
          rows={3}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
          onBlur={() => {
            if (justification.trim() !== (draft.justifications[aspect] ?? '')) onJustification(justification.trim());
          }}
          error={errors.justification}
        />
      )}
    </div>
  );
}
