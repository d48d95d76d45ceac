import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { OnboardingStep } from '../../api/onboarding.ts';

/** The step's count in words: "2 of 3 held", "12 people". */
function countText(t: ReturnType<typeof useTranslation>['t'], step: OnboardingStep): string {
  return t(`start.steps.${step.key}.count`, { count: step.count, total: step.total ?? 0 });
}

const storageKey = (userId: string) => `ansvar.gettingStarted.open.${userId}`;

function remembered(userId: string): boolean | null {
  try {
    const value = window.localStorage.getItem(storageKey(userId));
    return value === null ? null : value === 'true';
  } catch {
    return null;
  }
}

/**
 * Getting started: every step with done or not done (a word and a mark, never colour alone), its count and
 * a link to the page where it is done. When every step is done the list is hidden; a button shows it again,
 * and the choice is remembered for the user in this browser.
 */
export function GettingStarted({ steps, userId, kommunFormId }: { steps: OnboardingStep[]; userId: string; kommunFormId?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const allDone = steps.every((s) => s.done);
  const [choice, setChoice] = useState<boolean | null>(() => remembered(userId));
  const open = choice ?? !allDone;

  function toggle(next: boolean) {
    setChoice(next);
    try {
      window.localStorage.setItem(storageKey(userId), String(next));
    } catch {
      // private mode: the choice lasts for this page only
    }
  }

  if (!open) {
    return (
      <section aria-labelledby={headingId} className="section getting-started">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('start.checklistHeading')}
        </Heading>
        {allDone && <Paragraph>{t('start.allStepsDone')}</Paragraph>}
        <div>
          <Button variant="secondary" data-size="sm" aria-expanded={false} onClick={() => toggle(true)}>
            {t('start.showChecklist')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby={headingId} className="section getting-started">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('start.checklistHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('start.checklistIntro')}</Paragraph>
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.key} className={step.done ? 'checklist-step done' : 'checklist-step'}>
            <span className="checklist-mark" aria-hidden="true">
              {step.done ? '✓' : '○'}
            </span>
            <div className="checklist-body">
              <span className="checklist-title">
                {t(`start.steps.${step.key}.title`)}
                <span className="checklist-state"> – {step.done ? t('start.stepDone') : t('start.stepNotDone')}</span>
              </span>
              <span className="checklist-count">{countText(t, step)}</span>
              {step.key === 'kommun' && !step.done ? (
                // No kommun yet: its form is on this page (when the user may create it).
                kommunFormId && <Link href={`#${kommunFormId}`}>{t('start.steps.kommun.linkCreate')}</Link>
              ) : (
                <Link asChild>
                  <RouterLink to={step.href}>{t(`start.steps.${step.key}.link`)}</RouterLink>
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div>
        <Button variant="tertiary" data-size="sm" aria-expanded={true} onClick={() => toggle(false)}>
          {t('start.hideChecklist')}
        </Button>
      </div>
    </section>
  );
}
