import type { RoleAssignmentFact } from './facts.ts';
import type { SubjectKind } from './schema.ts';
import { activeHolders, Sink, unitSubject, vacancy, type FindingDraft, type Scope, type Target, systemSubject } from './parties.ts';

/**
 * The role catalogue's cardinality, checked on every subject in scope: fewer active holders than
 * minHolders where the role is required (vacant, or held only by people who left), more holders than
 * maxHolders anywhere, holders who left or were disabled but still hold the role, units that hold it
 * though deactivated, and suppliers that hold it without an agreement in force.
 */
export function checkCatalogue(scope: Scope): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const targets: Array<Target & { as: SubjectKind; unitKind: string | null }> =
    scope.level === 'organisation'
      ? scope.kommunUnits.map((u) => ({
          kind: 'unit',
          id: u.id,
          subject: unitSubject(u),
          as: u.id === scope.kommun.id ? 'organisation' : 'unit',
          unitKind: u.kind,
        }))
      : [{ kind: 'system', id: scope.system!.id, subject: systemSubject(scope.system!), as: 'system', unitKind: null }];

  for (const role of scope.roles.values()) {
    const sink = new Sink(role.severity, drafts);
    const requiredOn = role.requiredOn ?? role.subjectKinds;
    for (const t of targets) {
      const all = scope.idx.holders(role.key, t.kind, t.id);
      const active = activeHolders(role.key, t.kind, t.id, scope);
      const required =
        role.minHolders > 0 &&
        requiredOn.includes(t.as) &&
        role.subjectKinds.includes(t.as) &&
        (t.as !== 'unit' || !role.unitKinds || role.unitKinds.includes(t.unitKind as never));
      if (required && active.length < role.minHolders) vacancy(role, t, scope, sink, role.minHolders, active.length);
      const distinct = new Set(all.map((a) => `${a.holderKind}:${a.holderId}`)).size;
      if (role.maxHolders !== null && distinct > role.maxHolders) {
        sink.add({
          key: 'role_too_many_holders',
          subject: t.subject,
          roleKey: role.key,
          params: { role: role.key, count: distinct, max: role.maxHolders },
        });
      }
      holderGaps(role.key, t, all, scope, drafts);
      if (required && !active.length) continue; // reported above as held only by people who left
      for (const a of all) {
        const p = a.holderKind === 'person' ? scope.idx.people.get(a.holderId) : undefined;
        if (p && p.status !== 'active') {
          drafts.push({
            key: 'role_holder_inactive',
            severity: 'low',
            subject: t.subject,
            ruleIds: [],
            roleKey: role.key,
            params: { role: role.key, person: p.name, personId: p.id, status: p.status },
          });
        }
      }
    }
  }
  return drafts;
}

/**
 * What is wrong with a role's unit and supplier holders on a target: a deactivated unit (it holds nothing
 * any more, so the role may also be vacant), a supplier without an agreement in force on the system (on a
 * unit or the kommun: with none at all). The role stays held by the supplier; the agreement is missing.
 * One finding per role and target, naming every such holder.
 */
function holderGaps(roleKey: string, t: Target, all: readonly RoleAssignmentFact[], scope: Scope, drafts: FindingDraft[]): void {
  const units: string[] = [];
  const suppliers: string[] = [];
  for (const a of all) {
    if (a.holderKind === 'unit') {
      const u = scope.idx.units.get(a.holderId);
      if (u && u.status !== 'active' && !units.includes(u.name)) units.push(u.name);
    } else if (a.holderKind === 'supplier') {
      const s = scope.idx.suppliers.get(a.holderId);
      const covered = s && (t.kind === 'system' ? s.systemsWithAgreement.includes(t.id) : s.agreementInForce);
      if (s && !covered && !suppliers.includes(s.name)) suppliers.push(s.name);
    }
  }
  if (units.length) {
    drafts.push({
      key: 'role_holder_unit_inactive',
      severity: 'medium',
      subject: t.subject,
      ruleIds: [],
      roleKey,
      params: { role: roleKey, unit: units.join(', ') },
    });
  }
  if (suppliers.length) {
    drafts.push({
      key: 'role_holder_agreement_missing',
      severity: 'medium',
      subject: t.subject,
      ruleIds: [],
      roleKey,
      params: { role: roleKey, supplier: suppliers.join(', '), on: t.kind },
    });
  }
}
