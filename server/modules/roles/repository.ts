import { sql, type Selectable } from 'kysely';
import type { HolderKind } from '../../../shared/policy.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { inChunks } from '../../platform/pace.ts';
import type { RoleAssignmentsTable } from '../../platform/db/tables/org.ts';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { currentOn } from '../../platform/db/validity.ts';
import { holderContactName, holderName, holderStatus, type HolderColumns } from '../../platform/db/holders.ts';

/** All SQL of role assignments. */

export type AssignmentRow = Selectable<RoleAssignmentsTable>;
type Q = Db | Tx;

export interface AssignmentView extends AssignmentRow, HolderColumns {
  subject_name: string | null;
}

/** Assignments with their subject's and holder's names: no query per row from the server. */
const withNames = (db: Q) =>
  db
    .selectFrom('role_assignments as ra')
    .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'unit'))
    .leftJoin('systems as ss', (j) => j.onRef('ss.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'system'))
    .selectAll('ra')
    .select((eb) => [
      eb.fn.coalesce('su.name', 'ss.name').as('subject_name'),
      holderName('ra').as('holder_name'),
      holderStatus('ra').as('holder_status'),
      holderContactName('ra').as('holder_contact_name'),
    ]);

export const findAssignment = (db: Q, id: string): Promise<AssignmentRow | undefined> =>
  db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();

export const assignmentViews = (db: Q, ids: readonly string[]): Promise<AssignmentView[]> =>
  ids.length ? withNames(db).where('ra.id', 'in', ids).execute() : Promise.resolve([]);

export interface AssignmentFilter {
  reach: UnitReach;
  /** The caller may read the one subject the filter names (checked by the use case): no reach filter. */
  subjectVisible?: boolean;
  subjectKind?: 'unit' | 'system' | undefined;
  subjectId?: string | undefined;
  principal?: { kind: HolderKind; id: string } | undefined;
  roleKey?: string | undefined;
  /** true: current on `today`; false: ended or not yet started. */
  current?: boolean | undefined;
  today: string;
  after?: { f: string; id: string } | undefined;
}

/** Newest start first, keyset on (valid_from, id); only assignments whose subject the reach covers. */
export async function listAssignments(db: Db, f: AssignmentFilter, limit: number): Promise<{ rows: AssignmentView[]; hasMore: boolean }> {
  let query = withNames(db)
    .orderBy('ra.valid_from', 'desc')
    .orderBy('ra.id', 'desc')
    .limit(limit + 1);
  // A unit-scoped reach sees assignments on its units, and on systems owned by its units (a system
  // the caller may see for another reason is listed through systemId, after its own read check).
  if (!f.reach.all && !f.subjectVisible) {
    const reach = f.reach;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('ra.subject_kind', '=', 'unit'), reachCondition(reach, 'ra.subject_id')]),
        eb.and([
          eb('ra.subject_kind', '=', 'system'),
          eb.exists(eb.selectFrom('systems as rs').select('rs.id').whereRef('rs.id', '=', 'ra.subject_id').where(reachCondition(reach, 'rs.owning_unit_id'))),
        ]),
      ]),
    );
  }
  if (f.subjectKind) query = query.where('ra.subject_kind', '=', f.subjectKind);
  if (f.subjectId) query = query.where('ra.subject_id', '=', f.subjectId);
  if (f.principal) query = query.where('ra.principal_kind', '=', f.principal.kind).where('ra.principal_id', '=', f.principal.id);
  if (f.roleKey) query = query.where('ra.role_key', '=', f.roleKey);
  if (f.current === true) query = query.where(currentOn(f.today, 'ra'));
  // valid_from is never null, so "not current" is exactly: not started yet, or ended.
  else if (f.current === false) query = query.where((eb) => eb.not(currentOn(f.today, 'ra')));
  if (f.after) {
    const { f: from, id } = f.after;
    query = query.where((eb) => eb.or([eb('ra.valid_from', '<', from), eb.and([eb('ra.valid_from', '=', from), eb('ra.id', '<', id)])]));
  }
  const rows = await query.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/**
 * Holders of a role on a subject who still hold it on or after `pivot` (no end date, or an end after
 * it, and a non-empty period), leaving out one assignment (the one being handed over).
 */
export function holdersFrom(
  db: Q,
  s: { roleKey: string; subjectKind: 'unit' | 'system'; subjectId: string; pivot: string; exceptId?: string | undefined },
) {
  let query = db
    .selectFrom('role_assignments')
    .select(['id', 'principal_kind', 'principal_id'])
    .where('subject_kind', '=', s.subjectKind)
    .where('subject_id', '=', s.subjectId)
    .where('role_key', '=', s.roleKey)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb.and([eb('valid_to', '>', s.pivot), eb('valid_to', '>', eb.ref('valid_from'))])]));
  if (s.exceptId) query = query.where('id', '!=', s.exceptId);
  return query.execute();
}

/** Bulk writes (the register import) go in chunks that stay under the databases' parameter limits. */
const CHUNK = 400;

export async function insertAssignment(trx: Tx, row: AssignmentRow): Promise<void> {
  await trx.insertInto('role_assignments').values(row).execute();
}

export async function insertAssignments(trx: Tx, rows: readonly AssignmentRow[]): Promise<void> {
  await inChunks(rows, CHUNK, (c) => trx.insertInto('role_assignments').values(c).execute());
}

/** Ends an open assignment; false when it was already ended (by a concurrent request). */
export async function endAssignment(trx: Tx, id: string, validTo: string, at: string, by: string | null): Promise<boolean> {
  return (await endAssignments(trx, [id], validTo, at, by)) === 1;
}

/** Ends open assignments on `validTo`; returns how many it ended (fewer than asked: someone ended one first). */
export async function endAssignments(trx: Tx, ids: readonly string[], validTo: string, at: string, by: string | null): Promise<number> {
  let n = 0;
  await inChunks(ids, CHUNK, async (chunk) => {
    const res = await trx
      .updateTable('role_assignments')
      .set({ valid_to: validTo, ended_at: at, ended_by: by, version: sql<number>`version + 1` })
      .where('id', 'in', chunk)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    n += Number(res.numUpdatedRows);
  });
  return n;
}

/** A holder's open assignments (current and planned, not ended by `today`), oldest first: what moving a holder's roles moves. */
export const openAssignmentsOf = (db: Q, principal: { kind: HolderKind; id: string }, today: string): Promise<AssignmentRow[]> =>
  db
    .selectFrom('role_assignments')
    .selectAll()
    .where('principal_kind', '=', principal.kind)
    .where('principal_id', '=', principal.id)
    .where('ended_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
