import { fixed } from '../../platform/db/fixed.ts';
import type { Db } from '../../platform/db/index.ts';
import type { OrganisationFacts, PersonFact, SupplierFact, UnitFact } from '../../policy/facts.ts';
import { agreementStatus } from '../../policy/dates.ts';
import { currentOn } from '../../platform/db/validity.ts';

/**
 * Read-only SQL on the organisation tables (org_units, people, role_assignments), and on the suppliers
 * and agreements of suppliers that hold roles, shaped as the policy engine's facts. A handful of queries,
 * whatever the size of the organisation.
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
 * assignments current on `today` (valid_from ≤ today < valid_to) with their holders: on units, and on
 * the systems given (or on every system). A holder is a person (read with the assignment), an org unit
 * (among the units) or a supplier: the suppliers that hold roles are read with the contacts the
 * assignments name, and with the systems they have an agreement in force on today (dates.ts judges it,
 * as the register's agreement checks do).
 */
export async function loadOrganisationFacts(db: Db, today: string, systems: readonly string[] | 'all' = []): Promise<OrganisationFacts> {
  const units = await db.selectFrom('org_units').select(['id', 'name', 'kind', 'function', 'parent_id', 'status']).execute();
  const rows = await db
    .selectFrom('role_assignments as ra')
    .leftJoin('people as p', (join) => join.onRef('p.id', '=', 'ra.principal_id').on('ra.principal_kind', '=', fixed('person')))
    .select([
      'ra.role_key',
      'ra.subject_kind',
      'ra.subject_id',
      'ra.principal_kind',
      'ra.principal_id',
      'ra.principal_contact_id',
      'p.name as person_name',
      'p.status as person_status',
    ])
    .where((eb) => {
      if (systems === 'all') return eb('ra.subject_kind', 'in', [fixed('unit'), fixed('system')]);
      if (!systems.length) return eb('ra.subject_kind', '=', fixed('unit'));
      return eb.or([eb('ra.subject_kind', '=', fixed('unit')), eb.and([eb('ra.subject_kind', '=', fixed('system')), eb('ra.subject_id', 'in', systems)])]);
    })
    .where(currentOn(today, 'ra'))
    .execute();
  const people = new Map<string, PersonFact>();
  for (const r of rows) {
    if (r.principal_kind === 'person' && r.person_name !== null && r.person_status !== null) {
      people.set(r.principal_id, { id: r.principal_id, name: r.person_name, status: r.person_status });
    }
  }
  const held = rows.filter((r) => r.principal_kind === 'supplier');
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
    suppliers: held.length ? await loadSupplierFacts(db, today, held) : [],
    assignments: rows.map((r) => ({
      roleKey: r.role_key,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      holderKind: r.principal_kind,
      holderId: r.principal_id,
      contactId: r.principal_contact_id,
    })),
  };
}

/** The suppliers that hold roles: their names, the contacts named, their agreements in force and on which systems. */
async function loadSupplierFacts(
  db: Db,
  today: string,
  held: ReadonlyArray<{ principal_id: string; principal_contact_id: string | null }>,
): Promise<SupplierFact[]> {
  const ids = [...new Set(held.map((r) => r.principal_id))];
  const contactIds = [...new Set(held.flatMap((r) => (r.principal_contact_id ? [r.principal_contact_id] : [])))];
  const suppliers = await db.selectFrom('suppliers').select(['id', 'name']).where('id', 'in', ids).execute();
  const contacts = contactIds.length
    ? await db.selectFrom('supplier_contacts').select(['id', 'supplier_id', 'name']).where('id', 'in', contactIds).execute()
    : [];
  const agreements = await db
    .selectFrom('agreements as a')
    .leftJoin('agreement_systems as x', 'x.agreement_id', 'a.id')
    .select(['a.supplier_id', 'a.start_date', 'a.end_date', 'a.notice_months', 'a.auto_renewal', 'x.system_id'])
    .where('a.supplier_id', 'in', ids)
    .execute();
  const facts = new Map<string, SupplierFact>(
    suppliers.map((s) => [s.id, { id: s.id, name: s.name, contacts: [], systemsWithAgreement: [], agreementInForce: false }]),
  );
  for (const c of contacts) facts.get(c.supplier_id)?.contacts.push({ id: c.id, name: c.name });
  const covered = new Set<string>();
  for (const a of agreements) {
    const fact = a.supplier_id ? facts.get(a.supplier_id) : undefined;
    if (!fact) continue;
    const status = agreementStatus(
      { startDate: a.start_date, endDate: a.end_date, noticeMonths: a.notice_months, autoRenewal: a.auto_renewal === 1 },
      today,
    );
    // In force: active or in its notice period (as the register's agreement checks count it).
    if (status !== 'active' && status !== 'in_notice_period') continue;
    fact.agreementInForce = true;
    if (a.system_id) covered.add(`${fact.id} ${a.system_id}`);
  }
  for (const key of covered) {
    const [supplierId, systemId] = key.split(' ') as [string, string];
    facts.get(supplierId)!.systemsWithAgreement.push(systemId);
  }
  return [...facts.values()];
}
