import type { Db } from '../../platform/db/index.ts';
import type { OrganisationFacts, PersonFact, UnitFact } from '../../policy/facts.ts';
import { currentOn } from '../../platform/db/validity.ts';

/**
 * Read-only SQL on the organisation tables (org_units, people, role_assignments), shaped as the
 * policy engine's facts. Three queries, whatever the size of the organisation.
 */

export async function kommunRoots(db: Db): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .where('kind', '=', 'kommun')
    .where('status', '=', 'active')
    .execute();
}

/**
 * Every unit (the engine walks the tree from parent ids, so it needs no closure rows), and the
 * assignments current on `today` (valid_from ≤ today < valid_to) with their people: on units, and on
 * the systems given (or on every system).
 */
export async function loadOrganisationFacts(db: Db, today: string, systems: readonly string[] | 'all' = []): Promise<OrganisationFacts> {
  const units = await db.selectFrom('org_units').select(['id', 'name', 'kind', 'function', 'parent_id', 'status']).execute();
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as p', 'p.id', 'ra.principal_id')
    .select(['ra.role_key', 'ra.subject_kind', 'ra.subject_id', 'p.id as person_id', 'p.name as person_name', 'p.status as person_status'])
    .where('ra.principal_kind', '=', 'person')
    .where((eb) => {
      if (systems === 'all') return eb('ra.subject_kind', 'in', ['unit', 'system']);
      if (!systems.length) return eb('ra.subject_kind', '=', 'unit');
      return eb.or([eb('ra.subject_kind', '=', 'unit'), eb.and([eb('ra.subject_kind', '=', 'system'), eb('ra.subject_id', 'in', systems)])]);
    })
    .where(currentOn(today, 'ra'))
    .execute();
  const people = new Map<string, PersonFact>();
  for (const r of rows) people.set(r.person_id, { id: r.person_id, name: r.person_name, status: r.person_status });
  return {
    units: units.map((u): UnitFact => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      function: u.function,
      parentId: u.parent_id,
      status: u.status,
    })),
    people: [...people.values()],
    assignments: rows.map((r) => ({ roleKey: r.role_key, subjectKind: r.subject_kind, subjectId: r.subject_id, personId: r.person_id })),
  };
}
