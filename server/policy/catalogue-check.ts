import type { SubjectKind } from './schema.ts';
import { activeHolders, Sink, unitSubject, vacancy, type FindingDraft, type Scope, type Target, systemSubject } from './parties.ts';

/**
 * The role catalogue's cardinality, checked on every subject in scope: fewer active holders than
 * minHolders where the role is required (vacant, or held only by people who left), more holders than
 * maxHolders anywhere, and holders who left or were disabled but still hold the role.
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
      const distinct = new Set(all.map((a) => a.personId)).size;
      if (role.maxHolders !== null && distinct > role.maxHolders) {
        sink.add({
          key: 'role_too_many_holders',
          subject: t.subject,
          roleKey: role.key,
          params: { role: role.key, count: distinct, max: role.maxHolders },
        });
      }
      if (required && !active.length) continue; // reported above as held only by people who left
      for (const a of all) {
        const p = scope.idx.people.get(a.personId);
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
