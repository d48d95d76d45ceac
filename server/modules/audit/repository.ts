import { sql, type SqlBool } from 'kysely';
import { toCount, type Db } from '../../platform/db/index.ts';

/** The entity types of an import's own entry: on the grouped trail it stands for the import's changes. */
export const IMPORT_ENTITY_TYPES = ['system_import', 'people_import', 'access_import'] as const;

/**
 * The entries on the grouped trail: all but the changes an import made (those are read by the import's
 * request id). The same predicate as the partial index audit_grouped_idx (migration 0014, widened by 0017), so it is used.
 */
const GROUPED_TRAIL = sql<SqlBool>`(origin <> 'import' or entity_type in ('system_import', 'people_import', 'access_import'))`;

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  /** Only the changes of one request (an import's, to open its entry). */
  requestId?: string | undefined;
  /** An import's changes are left out; its own entry stands for them. */
  grouped?: boolean | undefined;
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
  if (f.requestId) q = q.where('audit_events.request_id', '=', f.requestId);
  if (f.grouped) q = q.where(GROUPED_TRAIL);
  if (f.beforeSeq !== undefined) q = q.where('audit_events.seq', '<', f.beforeSeq);
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** How many changes each import (by request id) made besides its own entry. */
export async function importChangeCounts(db: Db, requestIds: readonly string[]): Promise<Map<string, number>> {
  if (!requestIds.length) return new Map();
  const rows = await db
    .selectFrom('audit_events')
    .select(['request_id', (eb) => eb.fn.countAll().as('n')])
    .where('request_id', 'in', requestIds)
    .where('origin', '=', 'import')
    .where('entity_type', 'not in', IMPORT_ENTITY_TYPES)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [r.request_id!, toCount(r.n as string | number)]));
}

/** The names of the objects events are about, by entity type: what the trail calls them today. */
export async function objectNames(db: Db, ids: ReadonlyMap<string, readonly string[]>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const read = async (type: string, rows: Promise<Array<{ id: string; name: string | null }>>) => {
    for (const r of await rows) if (r.name) names.set(`${type}:${r.id}`, r.name);
  };
  const of = (type: string) => [...new Set(ids.get(type) ?? [])];
  const tables = [
    ['system', 'systems'],
    ['person', 'people'],
    ['org_unit', 'org_units'],
    ['supplier', 'suppliers'],
    ['user', 'users'],
  ] as const;
  const jobs: Array<Promise<void>> = [];
  for (const [type, table] of tables) {
    const list = of(type);
    if (list.length) jobs.push(read(type, db.selectFrom(table).select(['id', 'name']).where('id', 'in', list).execute()));
  }
  // A classification and a requirement's status are named by their system.
  const classifications = of('classification');
  if (classifications.length) {
    jobs.push(
      read(
        'classification',
        db.selectFrom('classifications as c').innerJoin('systems as s', 's.id', 'c.system_id').select(['c.id', 's.name']).where('c.id', 'in', classifications).execute(),
      ),
    );
  }
  const requirements = of('system_requirement');
  if (requirements.length) jobs.push(read('system_requirement', db.selectFrom('systems').select(['id', 'name']).where('id', 'in', requirements).execute()));
  // A finding is named by what it is about (a system, a unit); one about the kommun as a whole by its text.
  const findings = of('finding');
  if (findings.length) {
    jobs.push(read('finding', db.selectFrom('findings').select((eb) => ['id', eb.fn.coalesce('subject_name', 'text_sv').as('name')]).where('id', 'in', findings).execute()));
  }
  const agreements = of('agreement');
  if (agreements.length) jobs.push(read('agreement', db.selectFrom('agreements').select(['id', 'title as name']).where('id', 'in', agreements).execute()));
  await Promise.all(jobs);
  return names;
}

/** Role assignments by id: the role and what it is held for (a system's or a unit's name). */
export function roleAssignmentSubjects(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as ra')
    .leftJoin('org_units as u', (j) => j.onRef('u.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'unit'))
    .leftJoin('systems as s', (j) => j.onRef('s.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'system'))
    .select((eb) => ['ra.id', 'ra.role_key', eb.fn.coalesce('s.name', 'u.name').as('subject_name')])
    .where('ra.id', 'in', [...new Set(ids)])
    .execute();
}
