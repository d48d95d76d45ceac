import { svCompare } from '../platform/text.ts';
import type { OrganisationFacts, PersonFact, RoleAssignmentFact, SupplierFact, UnitFact } from './facts.ts';

type Kind = 'unit' | 'system';
/** The facts' own strings are the keys (no keys built per lookup): subject id → role → assignments. */
type BySubject = Map<string, Map<string, RoleAssignmentFact[]>>;

const built = new WeakMap<OrganisationFacts, OrgIndex>();

/** Lookups over the organisation facts, built once per set of facts. Walks guard against cycles. */
export class OrgIndex {
  readonly units = new Map<string, UnitFact>();
  readonly people = new Map<string, PersonFact>();
  readonly suppliers = new Map<string, SupplierFact>();
  private readonly children = new Map<string, UnitFact[]>();
  /** Assignments by subject kind, subject and role: the engine's most frequent question. */
  private readonly bySubject: Record<Kind, BySubject> = { unit: new Map(), system: new Map() };

  /** The index of these facts: one refresh evaluates them several ways, and facts are never changed. */
  static of(facts: OrganisationFacts): OrgIndex {
    let idx = built.get(facts);
    if (!idx) {
      idx = new OrgIndex(facts);
      built.set(facts, idx);
    }
    return idx;
  }

  private constructor(facts: OrganisationFacts) {
    for (const u of facts.units) this.units.set(u.id, u);
    for (const p of facts.people) this.people.set(p.id, p);
    for (const s of facts.suppliers ?? []) this.suppliers.set(s.id, s);
    for (const u of facts.units) {
      if (u.parentId === null) continue;
      const list = this.children.get(u.parentId) ?? [];
      list.push(u);
      this.children.set(u.parentId, list);
    }
    for (const a of facts.assignments) {
      // Roles on the kommun may be stored as unit or organisation: both are the unit's.
      const bySubject = this.bySubject[a.subjectKind === 'system' ? 'system' : 'unit'];
      let byRole = bySubject.get(a.subjectId);
      if (!byRole) bySubject.set(a.subjectId, (byRole = new Map()));
      const list = byRole.get(a.roleKey);
      if (list) list.push(a);
      else byRole.set(a.roleKey, [a]);
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
  holders(role: string, subjectKind: Kind, subjectId: string): readonly RoleAssignmentFact[] {
    return this.bySubject[subjectKind].get(subjectId)?.get(role) ?? NONE;
  }
}

const NONE: readonly RoleAssignmentFact[] = [];
export const byName = (a: { name: string }, b: { name: string }) => svCompare(a.name, b.name);
