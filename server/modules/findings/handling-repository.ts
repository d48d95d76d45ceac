import type { Db, Tx } from '../../platform/db/index.ts';
import type { FindingsTable } from '../../platform/db/tables/findings.ts';
import { heldOnSystemOrAbove } from '../../platform/db/holders.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** The SQL of handling findings (docs/FOLLOW-UP.md): the only code besides the refresher that writes `findings`. */

type Q = Db | Tx;

export interface FindingRow extends FindingsTable {
  assignee_name: string | null;
  owner_name: string | null;
  approver_name: string | null;
}

const withNames = (db: Q) =>
  db
    .selectFrom('findings as f')
    .leftJoin('people as pa', 'pa.id', 'f.assignee_person_id')
    .leftJoin('people as po', 'po.id', 'f.owner_person_id')
    .leftJoin('people as pr', 'pr.id', 'f.risk_approver_person_id')
    .selectAll('f')
    .select(['pa.name as assignee_name', 'po.name as owner_name', 'pr.name as approver_name']);

export const findFinding = (db: Q, id: string): Promise<FindingRow | undefined> => withNames(db).where('f.id', '=', id).executeTakeFirst();

export const findFindings = (db: Q, ids: readonly string[]): Promise<FindingRow[]> =>
  ids.length ? withNames(db).where('f.id', 'in', ids).execute() : Promise.resolve([]);

export type HandlingSet = Partial<
  Pick<FindingsTable, 'handling' | 'assignee_person_id' | 'owner_person_id' | 'due_on' | 'due_set' | 'reason' | 'risk_approver_person_id' | 'risk_expires_on'>
>;

/** Changes an open finding at the version the caller saw; false when it changed or was resolved meanwhile. */
export async function updateHandlingAt(trx: Tx, id: string, version: number, set: HandlingSet, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('findings')
    .set({ ...set, acted_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An active person, by id (an assignee must be one). */
export async function activePerson(db: Q, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('people').select(['id', 'name']).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
}

/**
 * The first active person holding one of the roles (in the order given) on the system or a unit above its owning
 * unit; without a system, anywhere. The approver a proposed risk names.
 */
export async function firstHolder(db: Q, roles: readonly string[], today: string, system: { id: string; owning_unit_id: string } | null) {
  let q = db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as p', 'p.id', 'ra.principal_id')
    .select(['p.id', 'p.name', 'ra.role_key'])
    .where('ra.principal_kind', '=', 'person')
    .where('p.status', '=', 'active')
    .where('ra.role_key', 'in', roles)
    .where(currentOn(today, 'ra'));
  if (system) q = q.where(heldOnSystemOrAbove(system.id, system.owning_unit_id));
  const rows = await q.orderBy('p.name_sort').orderBy('p.id').execute();
  // The roles' order first (systemägare before another approver role), then by name.
  return roles.map((r) => rows.find((row) => row.role_key === r)).find((row) => row !== undefined) ?? null;
}

/** Accepted risks whose last day has passed (the expiry job reopens them). */
export const expiredRisks = (db: Q, today: string) =>
  db
    .selectFrom('findings')
    .select(['id', 'version', 'owner_person_id', 'severity', 'system_id', 'subject_name', 'text_sv', 'text_en', 'risk_expires_on'])
    .where('status', '=', 'open')
    .where('handling', '=', 'risk_accepted')
    .where('risk_expires_on', '<', today)
    .limit(500)
    .execute();

/** The finding rows of a fingerprint (its history: each time the gap opened and was resolved). */
export const rowsOfFingerprint = (db: Q, fingerprint: string) =>
  db.selectFrom('findings').select(['id', 'opened_at', 'resolved_at', 'status']).where('fingerprint', '=', fingerprint).orderBy('opened_at').limit(200).execute();

/** The audit events of these finding rows (every action on them), oldest first. */
export const eventsOfFindings = (db: Q, ids: readonly string[]) =>
  db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.seq', 'e.at', 'e.action', 'e.entity_id', 'e.after_json', 'e.message', 'u.name as actor_name'])
    .where('e.entity_type', '=', 'finding')
    .where('e.entity_id', 'in', ids.length ? ids : [''])
    .orderBy('e.seq')
    .limit(2000)
    .execute();

