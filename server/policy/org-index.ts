import type { OrganisationFacts, PersonFact, RoleAssignmentFact, UnitFact } from './facts.ts';

/** Lookups over the organisation facts, built once per evaluation. Walks guard against cycles. */
export class OrgIndex {
  readonly units = new Map<string, UnitFact>();
  readonly people = new Map<string, PersonFact>();
  private readonly children = new Map<string, UnitFact[]>();
  /** By subject (`unit:id`) and by role on a subject (`unit:id#role`). */
  private readonly bySubject = new Map<string, RoleAssignmentFact[]>();

  constructor(facts: OrganisationFacts) {
    for (const u of facts.units) this.units.set(u.id, u);
    for (const p of facts.people) this.people.set(p.id, p);
    for (const u of facts.units) {
      if (u.parentId === null) continue;
      const list = this.children.get(u.parentId) ?? [];
      list.push(u);
      this.children.set(u.parentId, list);
    }
    for (const a of facts.assignments) {
      for (const k of [subjectKey(a.subjectKind, a.subjectId), roleKey(a.roleKey, a.subjectKind, a.subjectId)]) {
        const list = this.bySubject.get(k);
        if (list) list.push(a);
        else this.bySubject.set(k, [a]);
      }
    }
  }

  /** The units above a unit, nearest first (the unit itself not included). */
  ancestors(unitId: string): UnitFact[] {
    const out: UnitFact[] = [];
    const seen = new Set([unitId]);
    let cur = this.units.get(unitId);
    while (cur?.parentId && !seen.has(cur.parentId)) {
      seen.add(cur.parentId);
      cur = this.units.get(cur.parentId);
      if (cur) out.push(cur);
    }
    return out;
  }

  rootOf(unitId: string): UnitFact | null {
    const unit = this.units.get(unitId);
    if (!unit) return null;
    return this.ancestors(unitId).at(-1) ?? unit;
  }

  /** The unit and everything below it, in tree order (depth first, by name). */
  subtree(rootId: string): UnitFact[] {
    const root = this.units.get(rootId);
    if (!root) return [];
    const out: UnitFact[] = [];
    const seen = new Set<string>();
    const visit = (u: UnitFact) => {
      if (seen.has(u.id)) return;
      seen.add(u.id);
      out.push(u);
      for (const c of [...(this.children.get(u.id) ?? [])].sort(byName)) visit(c);
    };
    visit(root);
    return out;
  }

  /** Active roots of kind kommun: each is evaluated on its own (one installation may hold several). */
  kommuner(): UnitFact[] {
    return [...this.units.values()].filter((u) => u.parentId === null && u.kind === 'kommun' && u.status === 'active').sort(byName);
  }

  /** Roots of kind kommunalförbund: a shared IT unit (IT-samverkan) may live there. */
  forbund(): UnitFact[] {
    return [...this.units.values()]
      .filter((u) => u.parentId === null && u.kind === 'kommunalforbund' && u.status === 'active')
      .sort(byName);
  }

  /** Current assignments of a role on a subject. Roles on the kommun may be stored as unit or organisation. */
  holders(role: string, subjectKind: 'unit' | 'system', subjectId: string): readonly RoleAssignmentFact[] {
    return this.bySubject.get(roleKey(role, subjectKind, subjectId)) ?? NONE;
  }

  assignmentsOn(subjectKind: 'unit' | 'system', subjectId: string): RoleAssignmentFact[] {
    return this.bySubject.get(subjectKey(subjectKind, subjectId)) ?? [];
  }
}

const subjectKey = (kind: string, id: string) => `${kind === 'system' ? 'system' : 'unit'}:${id}`;
/** Assignments are indexed by subject, and by role on a subject (the engine's most frequent question). */
const roleKey = (role: string, kind: string, id: string) => `${subjectKey(kind, id)}#${role}`;
const NONE: readonly RoleAssignmentFact[] = [];
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
