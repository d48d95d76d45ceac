import type { DecisionInput, ReviewDecision, ReviewItem } from '../../api/access-reviews.ts';

/** The share decided, rounded down: 99.6 % is 99 % while an item is left. An empty campaign is done. */
export function percentOf(decided: number, total: number): number {
  return total > 0 ? Math.floor((decided * 100) / total) : 100;
}

/** The items of a decision that need a comment: all of them to change, the privileged ones to keep. */
export function needingComment(decision: ReviewDecision, items: readonly Pick<ReviewItem, 'accessRole'>[]): number {
  if (decision === 'change') return items.length;
  if (decision === 'keep') return items.filter((i) => i.accessRole.privileged).length;
  return 0;
}

/** One decision for each item, with the comment (trimmed; left out when empty) and each item's version. */
export function decisionsFor(
  items: readonly Pick<ReviewItem, 'grantId' | 'version'>[],
  decision: ReviewDecision,
  comment: string,
): DecisionInput[] {
  const text = comment.trim();
  return items.map((i) => ({ grantId: i.grantId, decision, version: i.version, ...(text ? { comment: text } : {}) }));
}

/** Rows of a grouped table: a heading row where the group changes, then its items. */
export type GroupedRow<T> = { kind: 'group'; key: string; name: string; items: T[] } | { kind: 'item'; item: T };

/** Groups the items in the order they came (the server sorts by the group), by the key and name given. */
export function groupRows<T>(items: readonly T[], groupOf: (item: T) => { key: string; name: string }): GroupedRow<T>[] {
  const rows: GroupedRow<T>[] = [];
  let current: { kind: 'group'; key: string; name: string; items: T[] } | null = null;
  for (const item of items) {
    const g = groupOf(item);
    if (!current || current.key !== g.key) {
      current = { kind: 'group', key: g.key, name: g.name, items: [] };
      rows.push(current);
    }
    current.items.push(item);
    rows.push({ kind: 'item', item });
  }
  return rows;
}

/** The selection after toggling some ids: all on if any was off, else all off. */
export function toggleAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  const allOn = ids.length > 0 && ids.every((id) => next.has(id));
  for (const id of ids) {
    if (allOn) next.delete(id);
    else next.add(id);
  }
  return next;
}
