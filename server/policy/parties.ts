import type { EngineFindingKey, FindingSubject, Party, Resolution, RoleAssignmentFact, SystemFact, UnitFact } from './facts.ts';
import { byName, type OrgIndex } from './org-index.ts';
import type { Level, PartySelector, RoleSpec, RoleTarget, Severity } from './schema.ts';

/** Where an evaluation stands: a kommun as a whole, or one system in a kommun. */
export interface Scope {
  level: Level;
  kommun: UnitFact;
  /** Active units of the kommun's tree. */
  kommunUnits: UnitFact[];
  system: SystemFact | null;
  idx: OrgIndex;
  roles: Map<string, RoleSpec>;
  /**
   * Parties of rules that do not look at the system itself, by rule and owning unit: the same for every
   * system of a unit, so an evaluation of many systems resolves them once (see engine.ts).
   */
  memo?: Map<string, Map<string, PartyResult>>;
}

/** A finding before it is merged with others and given its texts. */
export interface FindingDraft {
  key: EngineFindingKey;
  severity: Severity;
  subject: FindingSubject;
  ruleIds: string[];
  roleKey?: string;
  params: Record<string, string | number>;
}

export interface PartyResult {
  resolution: Resolution;
  parties: Party[];
  drafts: FindingDraft[];
}

export const unitSubject = (u: UnitFact): FindingSubject => ({ kind: 'unit', id: u.id, name: u.name });
export const systemSubject = (s: SystemFact): FindingSubject => ({ kind: 'system', id: s.id, name: s.name });
const unitParty = (u: UnitFact): Party => ({ type: 'unit', id: u.id, name: u.name, kind: u.kind });

/** Collects the findings of a resolution with their default severity (a class: no closure per call). */
export class Sink {
  constructor(
    readonly severity: Severity,
    readonly drafts: FindingDraft[] = [],
  ) {}

  add(d: DraftInput): void {
    this.drafts.push({ severity: this.severity, ...d, ruleIds: [] });
  }

  /** A sink into the same list whose default severity is `severity`. */
  at(severity: Severity): Sink {
    return new Sink(severity, this.drafts);
  }
}

type DraftInput = Omit<FindingDraft, 'severity' | 'ruleIds'> & { severity?: Severity };

const result = (sink: Sink, parties: Party[], resolution?: Resolution): PartyResult => ({
  resolution: resolution ?? (parties.length ? 'resolved' : 'unresolved'),
  parties,
  drafts: sink.drafts,
});

/** Finds the parties a selector points at, and what is missing when it finds none. */
export function resolveParty(sel: PartySelector, severity: Severity, scope: Scope): PartyResult {
  const sink = new Sink(severity);
  switch (sel.select) {
    case 'employees':
      return result(sink, [{ type: 'collective', key: 'employees', roleKey: null, count: null }]);
    case 'unit': {
      const found = findUnits(sel, scope);
      if (!found.length) {
        sink.add({
          key: 'unit_missing',
          subject: unitSubject(scope.kommun),
          params: { kommun: scope.kommun.name, ...(sel.kind ? { kind: sel.kind } : { function: sel.function! }) },
        });
      }
      return result(sink, found.map(unitParty));
    }
    case 'owning_forvaltning':
      return result(sink, forvaltningar(scope, sink).map(unitParty));
    case 'namnd_of_owning_forvaltning': {
      const namnder = new Map<string, UnitFact>();
      for (const f of forvaltningar(scope, sink)) {
        const n = namndOf(f, scope.idx);
        if (n) namnder.set(n.id, n);
        else sink.add({ key: 'forvaltning_without_namnd', subject: unitSubject(f), params: { unit: f.name } });
      }
      return result(sink, [...namnder.values()].sort(byName).map(unitParty));
    }
    case 'role_holders':
      return roleHolders(sel.role!, sel.on ?? ['subject'], scope, sink);
  }
}

export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
export const worst = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b);

function findUnits(sel: PartySelector, scope: Scope): UnitFact[] {
  const match = (u: UnitFact) => u.status === 'active' && (sel.kind ? u.kind === sel.kind : u.function === sel.function);
  const own = scope.kommunUnits.filter(match);
  if (own.length || !sel.function) return own;
  // IT-samverkan: a shared IT unit (or kansli) in a kommunalförbund serves the kommun.
  return scope.idx
    .forbund()
    .flatMap((f) => scope.idx.subtree(f.id))
    .filter(match);
}

/**
 * The owning förvaltning of the system, or at organisation level every förvaltning of the kommun.
 * A system with no förvaltning behind it is always serious: no rule can place it.
 */
export function forvaltningar(scope: Scope, sink: Sink): UnitFact[] {
  if (scope.level === 'organisation') {
    const all = scope.kommunUnits.filter((u) => u.kind === 'forvaltning');
    if (!all.length)
      sink.add({ key: 'unit_missing', subject: unitSubject(scope.kommun), params: { kommun: scope.kommun.name, kind: 'forvaltning' } });
    return all;
  }
  const system = scope.system!;
  const owning = system.owningUnitId ? scope.idx.units.get(system.owningUnitId) : undefined;
  if (!owning) {
    sink.add({ key: 'owning_unit_missing', severity: 'high', subject: systemSubject(system), params: { system: system.name } });
    return [];
  }
  for (const u of [owning, ...scope.idx.ancestors(owning.id)]) {
    if (u.kind === 'forvaltning') return [u];
    if (u.kind === 'kommun') break;
  }
  sink.add({
    key: 'owning_forvaltning_missing',
    severity: 'high',
    subject: systemSubject(system),
    params: { system: system.name, unit: owning.name },
  });
  return [];
}

/** The nämnd (or kommunstyrelsen) a förvaltning answers to: the nearest one above it. */
export function namndOf(f: UnitFact, idx: OrgIndex): UnitFact | null {
  for (const u of idx.ancestors(f.id)) {
    if (u.kind === 'namnd' || u.kind === 'kommunstyrelse') return u;
    if (u.kind === 'kommun') return null;
  }
  return null;
}

export interface Target {
  kind: 'unit' | 'system';
  id: string;
  subject: ReturnType<typeof unitSubject>;
}

function roleHolders(roleKey: string, on: RoleTarget[], scope: Scope, parent: Sink): PartyResult {
  const role = scope.roles.get(roleKey)!;
  // A vacancy is as serious as the worse of the rule's and the role's own severity.
  const sink = parent.at(worst(parent.severity, role.severity));
  let lastTargets: Target[] | null = null;
  for (const target of on) {
    if (target === 'each_unit') {
      let count = 0;
      for (const u of scope.kommunUnits) count += activeHolders(roleKey, 'unit', u.id, scope).length;
      return result(sink, [{ type: 'collective', key: 'role_holders', roleKey, count }]);
    }
    const targets = targetsOf(target, role, scope, sink);
    if (!targets) continue;
    lastTargets = targets;
    const parties: Party[] = [];
    for (const t of targets) parties.push(...activeHolders(roleKey, t.kind, t.id, scope));
    if (!parties.length) continue;
    for (const t of targets) if (!activeHolders(roleKey, t.kind, t.id, scope).length) vacancy(role, t, scope, sink);
    return result(sink, parties);
  }
  if (lastTargets === null) return result(sink, [], scope.level === 'organisation' ? 'per_system' : 'unresolved');
  for (const t of lastTargets) vacancy(role, t, scope, sink);
  return result(sink, []);
}

function targetsOf(target: RoleTarget, role: RoleSpec, scope: Scope, sink: Sink): Target[] | null {
  const kommun: Target = { kind: 'unit', id: scope.kommun.id, subject: unitSubject(scope.kommun) };
  switch (target) {
    case 'subject':
      if (scope.level === 'organisation') return role.subjectKinds.includes('organisation') ? [kommun] : null;
      return role.subjectKinds.includes('system')
        ? [{ kind: 'system', id: scope.system!.id, subject: systemSubject(scope.system!) }]
        : null;
    case 'kommun':
      return role.subjectKinds.includes('organisation') ? [kommun] : null;
    case 'owning_forvaltning':
      return forvaltningar(scope, sink).map((f) => ({ kind: 'unit', id: f.id, subject: unitSubject(f) }));
    default:
      return null;
  }
}

export function activeHolders(roleKey: string, kind: 'unit' | 'system', id: string, scope: Scope): HolderParty[] {
  const out: HolderParty[] = [];
  for (const a of scope.idx.holders(roleKey, kind, id)) {
    const party = holderParty(a, id, scope.idx);
    if (party) out.push(party);
  }
  return out.sort(byName);
}

/** A party that holds a role: a person, or a unit or supplier. */
export type HolderParty = Extract<Party, { type: 'person' | 'holder' }>;

/**
 * The holder of an assignment as a party, when it holds the role now: an active person, an active org
 * unit, or a supplier (whether or not its agreement is in force: that is a finding of its own, the role
 * is held). A person who left, a deactivated unit or an unknown holder holds nothing.
 */
export function holderParty(a: RoleAssignmentFact, subjectId: string, idx: OrgIndex): HolderParty | null {
  switch (a.holderKind) {
    case 'person': {
      const p = idx.people.get(a.holderId);
      return p?.status === 'active' ? { type: 'person', id: p.id, name: p.name, roleKey: a.roleKey, subjectId } : null;
    }
    case 'unit': {
      const u = idx.units.get(a.holderId);
      if (u?.status !== 'active') return null;
      return { type: 'holder', holderKind: 'unit', id: u.id, name: u.name, roleKey: a.roleKey, subjectId, contact: null };
    }
    case 'supplier': {
      const s = idx.suppliers.get(a.holderId);
      if (!s) return null;
      const contact = a.contactId ? (s.contacts.find((c) => c.id === a.contactId) ?? null) : null;
      return { type: 'holder', holderKind: 'supplier', id: s.id, name: s.name, roleKey: a.roleKey, subjectId, contact };
    }
  }
}

/** No active holder: vacant, or held only by people who left or were disabled. */
export function vacancy(role: RoleSpec, t: Target, scope: Scope, sink: Sink, min = 1, active = 0): void {
  const inactive = scope.idx
    .holders(role.key, t.kind, t.id)
    .map((a) => (a.holderKind === 'person' ? scope.idx.people.get(a.holderId) : undefined))
    .filter((p) => p !== undefined && p.status !== 'active');
  if (inactive.length && active === 0) {
    sink.add({
      key: 'role_only_inactive_holders',
      subject: t.subject,
      roleKey: role.key,
      params: { role: role.key, people: inactive.map((p) => p!.name).join(', ') },
    });
  } else {
    sink.add({ key: 'role_vacant', subject: t.subject, roleKey: role.key, params: { role: role.key, min, count: active } });
  }
}
