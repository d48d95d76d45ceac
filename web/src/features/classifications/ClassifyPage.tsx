import { Alert, Breadcrumbs, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  ASPECTS, CLASSIFICATION_METHODS, classificationKeys, requestSupport, submitClassification, useScales, useSystemClassifications,
  type Aspect, type Classification,
} from '../../api/classifications.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { AspectStep } from './AspectStep.tsx';
import { LevelsTable } from './ClassificationTab.tsx';
import { FlagsStep } from './FlagsStep.tsx';
import { useClassificationLabels } from './labels.ts';
import { findingKeysToRefresh } from './refresh.ts';
import { useDraft } from './useDraft.ts';
import './classifications.css';

type Step = 'flags' | Aspect | 'summary';
const STEPS: readonly Step[] = ['flags', ...ASPECTS, 'summary'];

/** /systems/:id/classify — the guided classification of the system's draft, step by step, then submitted for approval. */
export function ClassifyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useSystemClassifications(id);
  const scales = useScales();
  if (isApiError(data.error) && data.error.status === 404) return <NotFoundPage />;
  if (data.isError) return <Alert data-color="danger">{messageOf(data.error, t('errors.unexpected'))}</Alert>;
  if (scales.isError) return <Alert data-color="danger">{messageOf(scales.error, t('errors.unexpected'))}</Alert>;
  if (!data.data || !scales.data) return <Spinner aria-label={t('classifications.loading')} />;
  const draft = data.data.items.find((c) => c.status === 'draft' && c.can.edit);
  const system = data.data.system;
  if (!draft) {
    return (
      <>
        <PageHeading title={t('classifications.guide.title', { name: system.name })} />
        <Paragraph>{t('classifications.guide.noDraft')}</Paragraph>
        <RouterLink to={`/systems/${system.id}?tab=classification`}>{t('classifications.guide.back', { name: system.name })}</RouterLink>
      </>
    );
  }
  return <Guide key={draft.id} initial={draft} system={system} />;
}

interface GuideProps {
  initial: Classification;
  system: { id: string; name: string; registerNo: string };
}

function Guide({ initial, system }: GuideProps) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scales = useScales();
  const { draft, save, replace, settled, saving, error, conflict } = useDraft(initial);
  const [step, setStep] = useState<Step>('flags');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const scale = labels.scaleOf(draft.scale);
  const backTo = `/systems/${system.id}?tab=classification`;

  const stepTitle = (s: Step) => (s === 'flags' ? t('classifications.guide.flagsStep') : s === 'summary' ? t('classifications.guide.summaryStep') : labels.aspect(s));
  const go = (s: Step) => {
    setStep(s);
    requestAnimationFrame(() => stepHeading.current?.focus());
  };
  const index = STEPS.indexOf(step);

  async function submit() {
    setBusy(true);
    setSubmitError(null);
    try {
      const current = await settled();
      const sent = await submitClassification(current.id, current.rowVersion);
      replace(sent);
      await queryClient.invalidateQueries({ queryKey: classificationKeys.all });
      for (const key of findingKeysToRefresh) await queryClient.invalidateQueries({ queryKey: key });
      void navigate(backTo, { state: { submitted: true } });
    } catch (e) {
      setFields(isApiError(e) ? e.fields : {});
      setSubmitError(isApiError(e) && Object.keys(e.fields).length ? t('classifications.guide.incomplete') : messageOf(e, t('errors.unexpected')));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  async function askSupport() {
    setBusy(true);
    try {
      await settled();
      replace(await requestSupport(draft.id));
    } catch (e) {
      setSubmitError(messageOf(e, t('errors.unexpected')));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const problems = Object.entries(fields);

  return (
    <>
      <Breadcrumbs aria-label={t('systems.page.breadcrumbs')}>
        <Breadcrumbs.List>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <RouterLink to="/systems">{t('systems.list.title')}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <RouterLink to={backTo}>{system.name}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link aria-current="page">{t('classifications.guide.crumb')}</Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <PageHeading title={t('classifications.guide.title', { name: system.name })} />
      <Paragraph>{t('classifications.guide.intro', { version: draft.version })}</Paragraph>
      {conflict && <FocusAlert color="warning">{t('classifications.guide.conflict')}</FocusAlert>}
      {error !== null && <FocusAlert color="danger">{messageOf(error, t('errors.unexpected'))}</FocusAlert>}
      <nav aria-label={t('classifications.guide.stepsLabel')} className="guide-steps">
        <ol>
          {STEPS.map((s, i) => (
            <li key={s}>
              <Button variant={s === step ? 'primary' : 'tertiary'} data-size="sm" aria-current={s === step ? 'step' : undefined} onClick={() => go(s)}>
                {t('classifications.guide.stepLabel', { n: i + 1, title: stepTitle(s) })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby={`${ids}-step`} className="guide">
        <Heading level={2} data-size="sm" id={`${ids}-step`} tabIndex={-1} ref={stepHeading}>
          {t('classifications.guide.stepHeading', { n: index + 1, of: STEPS.length, title: stepTitle(step) })}
        </Heading>
        {step === 'flags' && <FlagsStep flags={draft.flags} onChange={(flags) => void save({ flags })} />}
        {step !== 'flags' && step !== 'summary' && scale && scales.data && (
          <AspectStep
            key={step}
            aspect={step}
            scale={scale}
            questions={scales.data.questions}
            draft={draft}
            errors={{ level: fields[`levels.${step}`], justification: fields[`justifications.${step}`] }}
            onAnswer={(about, level) => void save({ answers: { [step]: { [about]: level } } })}
            onLevel={(level) => void save({ levels: { [step]: level } })}
            onJustification={(text) => void save({ justifications: { [step]: text || null } })}
          />
        )}
        {step === 'summary' && (
          <div className="guide-step">
            {submitError && (
              <FocusAlert color="danger" focusKey={attempt}>
                {submitError}
                {problems.length > 0 && (
                  <ul>
                    {problems.map(([path, message]) => {
                      const aspect = path.split('.')[1] as Aspect;
                      return (
                        <li key={path}>
                          <Button variant="tertiary" data-size="sm" onClick={() => go(aspect)}>
                            {t('classifications.guide.problemIn', { aspect: labels.aspect(aspect), message })}
                          </Button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </FocusAlert>
            )}
            <LevelsTable c={draft} caption={t('classifications.guide.summaryCaption')} />
            <SelectField
              id={`${ids}-method`}
              label={t('classifications.guide.method')}
              value={draft.method}
              onChange={(v) => void save({ method: v as Classification['method'] })}
              options={CLASSIFICATION_METHODS.map((m) => ({ value: m, label: labels.method(m) }))}
            />
            <ReferenceField value={draft.reference ?? ''} label={t('classifications.guide.reference')} onSave={(v) => void save({ reference: v || null })} />
            <div className="classification-actions">
              <Button onClick={() => void submit()} disabled={busy || saving}>
                {t('classifications.guide.submit')}
              </Button>
              {draft.can.requestSupport && (
                <Button variant="secondary" onClick={() => void askSupport()} disabled={busy}>
                  {t('classifications.guide.askSupport')}
                </Button>
              )}
            </div>
            {draft.supportRequestedAt && <Paragraph data-size="sm">{t('classifications.guide.supportAsked')}</Paragraph>}
          </div>
        )}
        <div className="guide-nav">
          {index > 0 && (
            <Button variant="secondary" onClick={() => go(STEPS[index - 1]!)}>
              {t('classifications.guide.previous')}
            </Button>
          )}
          {index < STEPS.length - 1 && <Button onClick={() => go(STEPS[index + 1]!)}>{t('classifications.guide.next')}</Button>}
          <span className="muted" aria-live="polite">
            {saving ? t('classifications.guide.saving') : t('classifications.guide.saved')}
          </span>
        </div>
      </section>
    </>
  );
}

function ReferenceField({ value, label, onSave }: { value: string; label: string; onSave: (v: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <Textfield
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text.trim() !== value) onSave(text.trim());
      }}
    />
  );
}
