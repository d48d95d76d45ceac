import type { BulkAction, FindingsFilter, HandlingFilter } from '../../api/findings.ts';

/** The bulk actions on a filtered list of findings (POST /api/findings/bulk). */
export type BulkKind = BulkAction['action'];

/**
 * The handling a bulk action narrows the list's filter to, so every finding it reaches can take the action: only
 * findings nobody has acknowledged can be acknowledged, only findings to do can be marked not applicable. Null: the
 * action does not fit the list (e.g. acknowledging accepted risks).
 */
export function bulkHandling(kind: BulkKind, handling: HandlingFilter | undefined): HandlingFilter | undefined | null {
  switch (kind) {
    case 'acknowledge':
      return handling === undefined || handling === 'todo' || handling === 'none' ? 'none' : null;
    case 'not_applicable':
      return handling === undefined ? 'todo' : ['todo', 'none', 'acknowledged', 'risk_proposed'].includes(handling) ? handling : null;
    default:
      return handling;
  }
}

/** The bulk filter: the list's filters (open findings only), narrowed for the action. */
export function bulkFilter(filter: FindingsFilter, handling: HandlingFilter | undefined): BulkAction['filter'] {
  const { systemId, unitId, rule, severity, ownerId, overdue } = filter;
  return Object.fromEntries(
    Object.entries({ systemId, unitId, rule, severity, ownerId, overdue: overdue || undefined, handling }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as BulkAction['filter'];
}
