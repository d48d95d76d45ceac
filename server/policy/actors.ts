import type { FindingSubject, PersonFact } from './facts.ts';
import type { OrgIndex } from './org-index.ts';
import type { Pack } from './schema.ts';

/**
 * Who should act on a finding, from the responsibilities: on a system, the first active holder of the
 * pack's systemEditors roles (systemägare, then systemförvaltare); failing that, and on a unit, the
 * holder of the pack's unitLead role (chef) on the unit or the nearest unit above it that has one. The
 * findings about a role's holder itself (a deactivated unit, a supplier without an agreement) go the same
 * way: to the systemägare of the system, or the chef where the role is held. A kind of finding may name its own
 * roles on the system (classification findings: the pack's classification actors, systemförvaltare first).
 */
export function actorFor(
  pack: Pack,
  idx: OrgIndex,
  subject: FindingSubject,
  owningUnitId: string | null,
  systemRoles: readonly string[] = pack.settings.systemEditors,
): PersonFact | null {
  const active = (kind: 'unit' | 'system', id: string, roleKey: string): PersonFact | null => {
    for (const a of idx.holders(roleKey, kind, id)) {
      // Only a person acts on a finding: a role held by a unit or a supplier passes to the next role or unit.
      if (a.holderKind !== 'person') continue;
      const p = idx.people.get(a.holderId);
      if (p?.status === 'active') return p;
    }
    return null;
  };
  if (subject.kind === 'system' && subject.id) {
    for (const roleKey of systemRoles) {
      const p = active('system', subject.id, roleKey);
      if (p) return p;
    }
  }
  const unitId = subject.kind === 'unit' ? subject.id : owningUnitId;
  if (!unitId) return null;
  for (const u of [idx.units.get(unitId), ...idx.ancestors(unitId)]) {
    if (!u) continue;
    const p = active('unit', u.id, pack.settings.unitLead);
    if (p) return p;
  }
  return null;
}
