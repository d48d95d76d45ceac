import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingHandling, FindingHistoryEntry } from '../../api/findings.ts';
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

/** Handlings an open finding waits in (to do), and those that count as handled. */
export const TODO_HANDLINGS: readonly FindingHandling[] = ['none', 'acknowledged', 'risk_proposed'];
export const HANDLED_HANDLINGS: readonly FindingHandling[] = ['risk_accepted', 'not_applicable'];
