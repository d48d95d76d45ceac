import { z } from 'zod';
import type { AuditOrigin } from '../../../shared/roles.ts';
import { assertCan } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { IMPORT_ENTITY_TYPES, importChangeCounts, listEvents, objectNames, roleAssignmentSubjects, type AuditFilter, type EventRow } from './repository.ts';

const cursorSchema = z.object({ seq: z.number().int().positive() });
const parseJson = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** The trail is paged newest first on seq: the seq a page continues below, from the previous page's cursor. */
export const seqBefore = (cursor: string | undefined): number | undefined => decodeCursor(cursor, cursorSchema)?.seq;

/** The cursor of the page after these rows (null on the last page). */
export function nextSeqCursor(rows: ReadonlyArray<Pick<EventRow, 'seq'>>, hasMore: boolean): string | null {
  const last = rows[rows.length - 1];
  return hasMore && last ? encodeCursor({ seq: Number(last.seq) }) : null;
}

/** One event as the API shows it (seq is a bigint on PostgreSQL, so it is made a number). */
export const presentEvent = (r: EventRow) => ({
  id: r.id,
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  origin: r.origin as AuditOrigin,
  entityType: r.entity_type,
  entityId: r.entity_id,
  action: r.action,
  before: parseJson(r.before_json),
  after: parseJson(r.after_json),
  message: r.message,
});

/** The trail covers every unit, so reading it needs an installation-wide administrator or granskare grant. */
export async function listAuditEvents(ctx: Ctx, auth: Auth, q: Omit<AuditFilter, 'beforeSeq'> & { limit: number; cursor?: string | undefined }) {
  assertCan(auth.grants, 'audit:read');
  // Grouping would hide what a filter on an object or a request asks for.
  const grouped = Boolean(q.grouped) && !q.entityType && !q.entityId && !q.requestId;
  const { rows, hasMore } = await listEvents(ctx.db, { ...q, grouped, beforeSeq: seqBefore(q.cursor) }, q.limit);
  const isImport = (r: EventRow) => r.origin === 'import' && (IMPORT_ENTITY_TYPES as readonly string[]).includes(r.entity_type) && r.action === 'apply';
  const ids = new Map<string, string[]>();
  for (const r of rows) ids.set(r.entity_type, [...(ids.get(r.entity_type) ?? []), r.entity_id]);
  // An import's entry says how many changes it made (written with it); an older entry's are counted.
  const recorded = (r: EventRow): number | null => {
    const changes = (parseJson(r.after_json) as { changes?: unknown } | null)?.changes;
    return typeof changes === 'number' ? changes : null;
  };
  const [names, changes] = await Promise.all([
    namesOf(ctx, ids),
    importChangeCounts(
      ctx.db,
      rows.filter((r) => isImport(r) && r.request_id && recorded(r) === null).map((r) => r.request_id!),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      ...presentEvent(r),
      requestId: r.request_id,
      objectName: names.get(`${r.entity_type}:${r.entity_id}`) ?? null,
      importChanges: isImport(r) ? (recorded(r) ?? changes.get(r.request_id ?? '') ?? 0) : null,
    })),
    nextCursor: nextSeqCursor(rows, hasMore),
  };
}

/** What each object is called today; a role assignment as its role and what it is for ("Systemägare – Lifecare"). */
async function namesOf(ctx: Ctx, ids: ReadonlyMap<string, readonly string[]>): Promise<Map<string, string>> {
  const roleIds = ids.get('role_assignment') ?? [];
  const [names, roles, catalogue] = await Promise.all([
    objectNames(ctx.db, ids),
    roleAssignmentSubjects(ctx.db, roleIds),
    roleIds.length ? getRoleCatalogue(ctx) : Promise.resolve([]),
  ]);
  const roleName = new Map(catalogue.map((r) => [r.key, r.name[ctx.locale]]));
  for (const r of roles) {
    const role = roleName.get(r.role_key);
    if (role) names.set(`role_assignment:${r.id}`, r.subject_name ? `${role} – ${r.subject_name}` : role);
  }
  return names;
}
