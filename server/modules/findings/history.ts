import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { findingAccess } from './handling-access.ts';
import { eventsOfFindings, rowsOfFingerprint } from './handling-repository.ts';
import type { findingHistory, historyEntry } from './schemas.ts';

type Entry = z.infer<typeof historyEntry>;

const KINDS = new Set<Entry['kind']>([
  'assigned', 'due_date', 'comment', 'acknowledged', 'not_applicable', 'risk_proposed', 'risk_accepted', 'risk_rejected', 'risk_expired', 'reopened',
]);

/**
 * A finding's history, oldest first: each time its gap opened and was resolved (the rows of its fingerprint), and
 * every action on those rows, read from the audit trail (so the history and the trail never disagree).
 */
export async function getFindingHistory(ctx: Ctx, auth: Auth, id: string): Promise<z.infer<typeof findingHistory>> {
  const { row } = await findingAccess(ctx, auth, id);
  const rows = await rowsOfFingerprint(ctx.db, row.fingerprint);
  const events = await eventsOfFindings(
    ctx.db,
    rows.map((r) => r.id),
  );
  // Ordered by time; at the same instant a row's opening, then what was done to it (in the trail's order), then its
  // resolving.
  const items: Array<Entry & { order: [number, number, number] }> = [];
  const plain = { by: null, text: null, person: null, date: null };
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  rows.forEach((r, i) => {
    items.push({ at: r.opened_at, kind: 'opened', ...plain, order: [i, 0, 0] });
    if (r.resolved_at) items.push({ at: r.resolved_at, kind: 'resolved', ...plain, order: [i, 2, 0] });
  });
  for (const e of events) {
    if (!KINDS.has(e.action as Entry['kind'])) continue;
    const after = e.after_json ? (JSON.parse(e.after_json) as Record<string, string | null>) : {};
    items.push({
      order: [rowNo.get(e.entity_id) ?? 0, 1, Number(e.seq)],
      at: e.at,
      kind: e.action as Entry['kind'],
      by: e.actor_name,
      text: after.text ?? after.reason ?? null,
      person: after.assignee ?? after.approver ?? null,
      date: after.dueOn ?? after.expiresOn ?? null,
    });
  }
  const byOrder = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : byOrder(a.order, b.order)));
  return { items: items.map(({ order: _order, ...entry }) => entry) };
}
