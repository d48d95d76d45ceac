import type { EngineFindingKey, FindingSubject, Party, Resolution, SystemFact, UnitFact } from './facts.ts';
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

/** Finds the parties a selector points at, and what is missing when it finds none. */
export function resolveParty(sel: PartySelector, severity: Severity, scope: Scope): PartyResult {
  const drafts: FindingDraft[] = [];
  const draft: Draft = (d) => drafts.push({ severity, ...d, ruleIds: [] });
  const done = (parties: Party[], resolution?: Resolution): PartyResult => ({
    resolution: resolution ?? (parties.length ? 'resolved' : 'unresolved'),
    parties,
    drafts,
  });

  switch (sel.select) {
    case 'employees':
      return done([{ type: 'collective', key: 'employees', roleKey: null, count: null }]);
    case 'unit': {
      const found = findUnits(sel, scope);
      if (!found.length) {
        draft({
          key: 'unit_missing',
          subject: unitSubject(scope.kommun),
          params: { kommun: scope.kommun.name, ...(sel.kind ? { kind: sel.kind } : { function: sel.function! }) },
        });
      }
      return done(found.map(unitParty));
    }
    case 'owning_forvaltning':
      return done(forvaltningar(scope, draft).map(unitParty));
    case 'namnd_of_owning_forvaltning': {
      const namnder = new Map<string, UnitFact>();
      for (const f of forvaltningar(scope, draft)) {
        const n = namndOf(f, scope.idx);
        if (n) namnder.set(n.id, n);
        else draft({ key: 'forvaltning_without_namnd', subject: unitSubject(f), params: { unit: f.name } });
      }
      return done([...namnder.values()].sort(byName).map(unitParty));
    }
    case 'role_holders':
      return roleHolders(sel.role!, sel.on ?? ['subject'], scope, severity, draft, done);
  }
}

type Draft = (d: Omit<FindingDraft, 'severity' | 'ruleIds'> & { severity?: Severity }) => void;

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
export function forvaltningar(scope: Scope, draft: Draft): UnitFact[] {
  if (scope.level === 'organisation') {
    const all = scope.kommunUnits.filter((u) => u.kind === 'forvaltning');
    if (!all.length)
      draft({ key: 'unit_missing', subject: unitSubject(scope.kommun), params: { kommun: scope.kommun.name, kind: 'forvaltning' } });
    return all;
  }
  const system = scope.system!;
  const owning = system.owningUnitId ? scope.idx.units.get(system.owningUnitId) : undefined;
  if (!owning) {
    draft({ key: 'owning_unit_missing', severity: 'high', subject: systemSubject(system), params: { system: system.name } });
    return [];
  }
  for (const u of [owning, ...scope.idx.ancestors(owning.id)]) {
    if (u.kind === 'forvaltning') return [u];
    if (u.kind === 'kommun') break;
  }
  draft({
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

function roleHolders(
  roleKey: string,
  on: RoleTarget[],
  scope: Scope,
  severity: Severity,
  draftAny: Draft,
  done: (p: Party[], r?: Resolution) => PartyResult,
): PartyResult {
  const role = scope.roles.get(roleKey)!;
  // A vacancy is as serious as the worse of the rule's and the role's own severity.
  const draft: Draft = (d) => draftAny({ severity: worst(severity, role.severity), ...d });
  let lastTargets: Target[] | null = null;
  for (const target of on) {
    if (target === 'each_unit') {
      const count = scope.kommunUnits.reduce((n, u) => n + activeHolders(roleKey, 'unit', u.id, scope).length, 0);
      return done([{ type: 'collective', key: 'role_holders', roleKey, count }]);
    }
    const targets = targetsOf(target, role, scope, draft);
    if (!targets) continue;
    lastTargets = targets;
    const parties = targets.flatMap((t) => activeHolders(roleKey, t.kind, t.id, scope));
    if (!parties.length) continue;
    for (const t of targets) if (!activeHolders(roleKey, t.kind, t.id, scope).length) vacancy(role, t, scope, draft);
    return done(parties);
  }
  if (lastTargets === null) return done([], scope.level === 'organisation' ? 'per_system' : 'unresolved');
  for (const t of lastTargets) vacancy(role, t, scope, draft);
  return done([]);
}

function targetsOf(target: RoleTarget, role: RoleSpec, scope: Scope, draft: Draft): Target[] | null {
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
      return forvaltningar(scope, draft).map((f) => ({ kind: 'unit', id: f.id, subject: unitSubject(f) }));
    default:
      return null;
  }
}

export function activeHolders(roleKey: string, kind: 'unit' | 'system', id: string, scope: Scope): Party[] {
  const out: Array<Extract<Party, { type: 'person' }>> = [];
  for (const a of scope.idx.holders(roleKey, kind, id)) {
    const p = scope.idx.people.get(a.personId);
    if (p?.status === 'active') out.push({ type: 'person', id: p.id, name: p.name, roleKey, subjectId: id });
  }
  return out.sort(byName);
}

/** No active holder: vacant, or held only by people who left or were disabled. */
export function vacancy(role: RoleSpec, t: Target, scope: Scope, draft: Draft, min = 1, active = 0): void {
  const inactive = scope.idx
    .holders(role.key, t.kind, t.id)
    .map((a) => scope.idx.people.get(a.personId))
    .filter((p) => p !== undefined && p.status !== 'active');
  if (inactive.length && active === 0) {
    draft({
      key: 'role_only_inactive_holders',
      subject: t.subject,
      roleKey: role.key,
      params: { role: role.key, people: inactive.map((p) => p!.name).join(', ') },
    });
  } else {
    draft({ key: 'role_vacant', subject: t.subject, roleKey: role.key, params: { role: role.key, min, count: active } });
  }
}
