import { recordAuditMany, type AuditInput } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { RoleAssignmentsTable } from '../../platform/db/tables/org.ts';
import { AppError } from '../../platform/errors.ts';
import { insertUnitsBelow, lockOrgTree } from '../org/index.ts';
import { insertPeople } from '../people/index.ts';
import { endAssignments, insertAssignments, lockRoles } from '../roles/index.ts';
import { fold, sortKey } from '../../platform/text.ts';
import { insertAgreements, insertSuppliers, updateAgreementAtVersion } from '../agreements/index.ts';
import { diffSystemFacts, formatRegisterNo, insertSystems, insertUsingUnits, lockSystems, nextRegisterNo, searchTextOf, systemColumnsOf, updateSystemAtVersion } from '../systems/index.ts';
import { todayOf } from '../../platform/dates.ts';
import type { ImportPlan } from './plan-types.ts';
import { fingerprintsOf } from './world.ts';

const assignmentFacts = (a: Pick<RoleAssignmentsTable, 'role_key' | 'subject_id' | 'principal_kind' | 'principal_id' | 'valid_from' | 'valid_to'>) => ({
  roleKey: a.role_key,
  subjectKind: 'system',
  subjectId: a.subject_id,
  principalKind: a.principal_kind,
  principalId: a.principal_id,
  validFrom: a.valid_from,
  validTo: a.valid_to,
});

/**
 * Writes a plan inside the caller's transaction. The locks are taken in the order the single-change
 * use cases take them (tree, systems, roles; the audit chain last, once every row is written), so an
 * import and a concurrent edit cannot wait for each other. Every system the plan read is checked first:
 * a change since the dry-run is a 409 and the transaction rolls back.
 */
export async function writePlan(trx: Tx, ctx: Ctx, plan: ImportPlan): Promise<void> {
  const now = ctx.now().toISOString();
  const today = todayOf(ctx);
  const by = ctx.actor?.userId ?? null;
  const events: AuditInput[] = [];
  if (plan.units.length) await lockOrgTree(trx, ctx);
  await lockSystems(trx, ctx);
  await lockRoles(trx, ctx);

  const current = await fingerprintsOf(trx, plan.checks.map((c) => c.id), today);
  if (plan.checks.some((c) => current.get(c.id) !== c.fingerprint)) throw new AppError('conflict');

  for (const parentId of new Set(plan.units.map((u) => u.parentId))) {
    const units = plan.units.filter((u) => u.parentId === parentId);
    const rows = units.map((u) => ({
      id: u.id, parent_id: parentId, name: u.name, name_search: fold(u.name), name_sort: sortKey(u.name), code: null, external_id: null, function: null,
      kind: 'forvaltning', status: 'active' as const, created_at: now, updated_at: now, version: 1,
    }));
    await insertUnitsBelow(trx, parentId, rows);
    for (const r of rows) {
      events.push({ entityType: 'org_unit', entityId: r.id, action: 'create', after: { name: r.name, kind: r.kind, code: null, externalId: null, function: null, status: 'active', parentId, version: 1 } });
    }
  }

  await insertPeople(
    trx,
    plan.people.map((p) => ({
      id: p.id, name: p.name, name_search: fold(p.name), name_sort: sortKey(p.name), email: p.email, title: null, home_unit_id: p.homeUnitId, manager_id: null,
      status: 'active' as const, left_at: null, external_id: null, version: 1, created_at: now, updated_at: now,
    })),
  );
  for (const p of plan.people) {
    events.push({ entityType: 'person', entityId: p.id, action: 'create', after: { name: p.name, email: p.email, title: null, homeUnitId: p.homeUnitId, managerId: null, status: 'active', externalId: null, leftAt: null } });
  }

  let registerNo = (await nextRegisterNo(trx)) - 1;
  const created = plan.creates.map((c) => ({ ...c, registerNo: ++registerNo }));
  await insertSystems(
    trx,
    created.map((c) => ({
      id: c.id, register_no: c.registerNo, ...systemColumnsOf(c.facts), name_sort: sortKey(c.facts.name),
      search_text: searchTextOf(c.facts.name, c.facts.aliases, c.registerNo), lifecycle: c.lifecycle, confirmed_at: null, confirmed_by: null,
      retired_at: c.lifecycle === 'retired' ? now : null, created_at: now, created_by: by, updated_at: now, version: 1,
    })),
  );
  await insertUsingUnits(trx, created.flatMap((c) => c.facts.usingUnitIds.map((unit_id) => ({ system_id: c.id, unit_id }))));
  for (const c of created) {
    events.push({ entityType: 'system', entityId: c.id, action: 'create', after: { registerNo: formatRegisterNo(c.registerNo), lifecycle: c.lifecycle, ...c.facts } });
  }

  for (const u of plan.updates) {
    const lifecycle = u.lifecycle ? { lifecycle: u.lifecycle.to, retired_at: u.lifecycle.to === 'retired' ? now : null } : {};
    const written = await updateSystemAtVersion(trx, u.id, u.version, {
      ...systemColumnsOf(u.after), name_sort: sortKey(u.after.name), search_text: searchTextOf(u.after.name, u.after.aliases, u.registerNo), ...lifecycle, updated_at: now,
    });
    if (!written) throw new AppError('conflict');
    const added = u.after.usingUnitIds.filter((id) => !u.before.usingUnitIds.includes(id));
    await insertUsingUnits(trx, added.map((unit_id) => ({ system_id: u.id, unit_id })));
    const diff = diffSystemFacts(u.before, u.after);
    if (diff.fields.length) events.push({ entityType: 'system', entityId: u.id, action: 'update', before: diff.before, after: diff.after });
    if (u.lifecycle) {
      events.push({
        entityType: 'system', entityId: u.id, action: u.lifecycle.to === 'retired' ? 'retire' : 'change_lifecycle',
        before: { lifecycle: u.lifecycle.from }, after: { lifecycle: u.lifecycle.to },
      });
    }
  }

  // Suppliers first: a new supplier may be a role's holder as well as an agreement's party.
  await insertSuppliers(trx, plan.suppliers.map((s) => ({ id: s.id, name: s.name, name_sort: fold(s.name), org_number: null, website: null, note: null, created_at: now, updated_at: now, version: 1 })));
  for (const s of plan.suppliers) events.push({ entityType: 'supplier', entityId: s.id, action: 'create', after: { name: s.name, orgNumber: null, website: null, note: null } });
  const ended = await endAssignments(trx, plan.roleEnds.map((e) => e.id), today, now, by);
  if (ended !== plan.roleEnds.length) throw new AppError('conflict');
  for (const e of plan.roleEnds) {
    const old = { role_key: e.roleKey, subject_id: e.systemId, principal_kind: e.principalKind, principal_id: e.principalId, valid_from: e.validFrom };
    events.push({ entityType: 'role_assignment', entityId: e.id, action: 'end', before: assignmentFacts({ ...old, valid_to: null }), after: assignmentFacts({ ...old, valid_to: today }) });
  }
  const starts: RoleAssignmentsTable[] = plan.roleStarts.map((s) => ({
    id: s.id, role_key: s.roleKey, subject_kind: 'system', subject_id: s.systemId, principal_kind: s.principalKind, principal_id: s.principalId, principal_contact_id: null,
    valid_from: today, valid_to: null, created_at: now, created_by: by, ended_at: null, ended_by: null, note: null, version: 1,
  }));
  await insertAssignments(trx, starts);
  for (const s of starts) events.push({ entityType: 'role_assignment', entityId: s.id, action: 'create', after: assignmentFacts(s) });

  await insertAgreements(
    trx,
    plan.agreementCreates.map((a) => ({
      id: a.id, supplier_id: a.supplierId, kind: a.kind, title: a.title, reference: null, start_date: null, end_date: a.endDate, notice_months: null,
      auto_renewal: 0, document_url: null, responsible_person_id: null, clause_logging: null, clause_backup: null, clause_destruction: null,
      clause_dpa: null, note: null, created_at: now, updated_at: now, version: 1,
    })),
    plan.agreementCreates.map((a) => ({ agreement_id: a.id, system_id: a.systemId })),
  );
  for (const a of plan.agreementCreates) {
    const clauses = { logging: null, backup: null, destruction: null, dpa: null };
    events.push({
      entityType: 'agreement', entityId: a.id, action: 'create',
      after: { kind: a.kind, title: a.title, supplierId: a.supplierId, reference: null, startDate: null, endDate: a.endDate, noticeMonths: null, autoRenewal: false, documentUrl: null, responsiblePersonId: null, clauses, note: null, systemIds: [a.systemId] },
    });
  }
  for (const a of plan.agreementUpdates) {
    if (!(await updateAgreementAtVersion(trx, a.id, a.version, { end_date: a.after, updated_at: now }))) throw new AppError('conflict');
    events.push({ entityType: 'agreement', entityId: a.id, action: 'update', before: { endDate: a.before }, after: { endDate: a.after } });
  }
  await recordAuditMany(trx, ctx, events);
}
