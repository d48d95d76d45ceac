import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_HANDLINGS, type FindingHandling, type FindingHistoryEntry } from '../../api/findings.ts';
import { HANDLED } from '../../../../shared/policy.ts';
import type { TaskKind, TaskState } from '../../api/tasks.ts';

/** The follow-up's codes (handling, task kinds and states, history entries) as words in the user's language. */
export function useFollowUpLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      handling: (h: FindingHandling) => t(`handling.${h}`),
      taskKind: (k: TaskKind) => t(`mine.kind.${k}`),
      taskState: (s: TaskState) => t(`mine.state.${s}`),
      /** What happened, in words: "Tilldelad Frida Förvaltare", "Förfallodatum satt till 1 juni 2026". */
      historyWhat: (e: FindingHistoryEntry, date: string | null) => {
        switch (e.kind) {
          case 'assigned':
            return e.person ? t('finding.history.assigned', { person: e.person }) : t('finding.history.unassigned');
          case 'due_date':
            return t('finding.history.due_date', { date: date ?? '' });
          case 'risk_proposed':
            return e.person
              ? t('finding.history.risk_proposed_to', { date: date ?? '', person: e.person })
              : t('finding.history.risk_proposed', { date: date ?? '' });
          case 'risk_accepted':
            return date ? t('finding.history.risk_accepted', { date }) : t('finding.history.risk_accepted_plain');
          default:
            return t(`finding.history.${e.kind}`);
        }
      },
    }),
    [t],
  );
}

/** Handlings that count as handled (shared with the server), and those an open finding waits in (to do). */
export { HANDLED as HANDLED_HANDLINGS } from '../../../../shared/policy.ts';
export const TODO_HANDLINGS: readonly FindingHandling[] = FINDING_HANDLINGS.filter((h) => !HANDLED.includes(h));
