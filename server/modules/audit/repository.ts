import type { Db } from '../../platform/db/index.ts';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
}

/** The audit events with their actor's name: what every reader of the trail presents (presentEvent). */
export const eventsQuery = (db: Db) =>
  db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id', 'audit_events.seq', 'audit_events.at', 'audit_events.actor_id', 'users.name as actor_name',
      'audit_events.origin', 'audit_events.request_id', 'audit_events.entity_type', 'audit_events.entity_id',
      'audit_events.action', 'audit_events.before_json', 'audit_events.after_json', 'audit_events.message',
    ]);
export type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];

/** Newest first, keyset on seq; every filter has an index that starts with its column. */
export async function listEvents(db: Db, f: AuditFilter, limit: number) {
  let q = eventsQuery(db)
    .orderBy('audit_events.seq', 'desc')
    .limit(limit + 1);
  if (f.entityType) q = q.where('audit_events.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('audit_events.entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('audit_events.actor_id', '=', f.actorId);
  if (f.from) q = q.where('audit_events.at', '>=', f.from);
  if (f.to) q = q.where('audit_events.at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('audit_events.seq', '<', f.beforeSeq);
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
