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
  const items: Entry[] = [];
  const plain = { by: null, text: null, person: null, date: null };
  for (const r of rows) {
    items.push({ at: r.opened_at, kind: 'opened', ...plain });
    if (r.resolved_at) items.push({ at: r.resolved_at, kind: 'resolved', ...plain });
  }
  for (const e of events) {
    if (!KINDS.has(e.action as Entry['kind'])) continue;
    const after = e.after_json ? (JSON.parse(e.after_json) as Record<string, string | null>) : {};
    items.push({
      at: e.at,
      kind: e.action as Entry['kind'],
      by: e.actor_name,
      text: after.text ?? after.reason ?? null,
      person: after.assignee ?? after.approver ?? null,
      date: after.dueOn ?? after.expiresOn ?? null,
    });
  }
  // Stable: an opening sorts before what was done to it at the same instant.
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { items };
}
