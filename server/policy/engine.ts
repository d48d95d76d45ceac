import { checkCatalogue } from './catalogue-check.ts';
import { evaluate, unknownFacts } from './conditions.ts';
import {
  systemFactValues,
  type AreaResponsibilities,
  type Finding,
  type OrganisationFacts,
  type OrganisationResult,
  type OrganisationsResult,
  type SubjectResult,
  type SystemFact,
  type UnitFact,
} from './facts.ts';
import { withTexts } from './finding-texts.ts';
import { svCompare } from '../platform/text.ts';
import { OrgIndex } from './org-index.ts';
import { SEVERITY_RANK, resolveParty, systemSubject, type FindingDraft, type PartyResult, type Scope } from './parties.ts';
import type { Pack, Rule } from './schema.ts';

/**
 * The rule engine: from a pack and the facts, who is responsible for what (per area, each party with
 * the rule that decided it), and findings where the facts cannot satisfy the policy. Pure functions.
 */

/** Every kommun of the installation at organisation level: responsibilities that do not depend on one system. */
export function computeOrganisationResponsibilities(pack: Pack, facts: OrganisationFacts): OrganisationsResult {
  const idx = OrgIndex.of(facts);
  const kommuner = idx.kommuner();
  const findings: Finding[] = kommuner.length
    ? []
    : [
        withTexts(
          { key: 'kommun_missing', severity: 'high', subject: { kind: 'installation', id: null, name: null }, ruleIds: [], params: {} },
          pack,
        ),
      ];
  return { organisations: kommuner.map((k) => evaluateKommun(pack, idx, k.id)), findings };
}

/** One kommun at organisation level. */
export function evaluateOrganisation(pack: Pack, facts: OrganisationFacts, kommunId: string): OrganisationResult {
  return evaluateKommun(pack, OrgIndex.of(facts), kommunId);
}

function evaluateKommun(pack: Pack, idx: OrgIndex, kommunId: string): OrganisationResult {
  const kommun = idx.units.get(kommunId);
  if (!kommun) throw new Error(`No unit ${kommunId}`);
  const scope: Scope = {
    level: 'organisation',
    kommun,
    kommunUnits: activeSubtree(idx, kommun.id),
    system: null,
    idx,
    roles: rolesOf(pack),
  };
  return { kommun: { id: kommun.id, name: kommun.name }, ...evaluateScope(pack, scope) };
}

/**
 * One system: the rules at system level with the system's facts, in the kommun that owns it. Without
 * an owning unit in a kommun only the finding saying so is returned.
 */
export function evaluateSystem(pack: Pack, facts: OrganisationFacts, system: SystemFact): SubjectResult {
  return evaluateSystemIn(pack, evaluation(pack, facts), system);
}

/** Many systems over the same facts: the organisation index is built once (a full recomputation of the register). */
export function evaluateSystems(
  pack: Pack,
  facts: OrganisationFacts,
  systems: readonly SystemFact[],
  options: EvaluateOptions = {},
): SubjectResult[] {
  return systems.map(systemEvaluator(pack, facts, options));
}

/** Evaluates one system at a time over the same facts, sharing what does not depend on the system (for work that pauses between systems). */
export function systemEvaluator(pack: Pack, facts: OrganisationFacts, options: EvaluateOptions = {}): (system: SystemFact) => SubjectResult {
  const shared = evaluation(pack, facts);
  return (system) => evaluateSystemIn(pack, shared, system, options);
}

export interface EvaluateOptions {
  /**
   * Only the findings about the system itself, and no responsibilities (areas stay empty): what a
   * refresh of the register's findings needs. Gaps in the organisation that a system's rules run into
   * (no IT unit, a förvaltning without a nämnd) are found by the organisation-level evaluation too.
   */
  systemFindingsOnly?: boolean;
}

/** What every system's evaluation over the same facts shares: the index, the roles, each kommun's active units. */
interface Evaluation {
  idx: OrgIndex;
  roles: Scope['roles'];
  kommunUnits: Map<string, UnitFact[]>;
  memo: NonNullable<Scope['memo']>;
}

const evaluation = (pack: Pack, facts: OrganisationFacts): Evaluation => ({
  idx: OrgIndex.of(facts),
  roles: rolesOf(pack),
  kommunUnits: new Map(),
  memo: new Map(),
});

function evaluateSystemIn(pack: Pack, { idx, roles, kommunUnits, memo }: Evaluation, system: SystemFact, options: EvaluateOptions = {}): SubjectResult {
  const root = system.owningUnitId ? idx.rootOf(system.owningUnitId) : null;
  if (!root || root.kind !== 'kommun') {
    const d: FindingDraft = {
      key: 'owning_unit_missing',
      severity: 'high',
      subject: systemSubject(system),
      ruleIds: [],
      params: { system: system.name },
    };
    return { areas: [], findings: [withTexts(d, pack)] };
  }
  let units = kommunUnits.get(root.id);
  if (!units) kommunUnits.set(root.id, (units = activeSubtree(idx, root.id)));
  const scope: Scope = { level: 'system', kommun: root, kommunUnits: units, system, idx, roles, memo };
  return evaluateScope(pack, scope, options);
}

function evaluateScope(pack: Pack, scope: Scope, options: EvaluateOptions = {}): SubjectResult {
  const only = options.systemFindingsOnly === true;
  const facts = systemFactValues(scope.system);
  const drafts: FindingDraft[] = [];
  const areas: AreaResponsibilities[] = [];
  for (const area of pack.areas) {
    const rules = rulesOf(pack, area.key, scope.level);
    const entry: AreaResponsibilities = { area: area.key, title: area.title, responsibilities: [] };
    let any = false;
    for (const rule of rules) {
      const truth = evaluate(rule.when, facts);
      if (truth === false) continue;
      if (truth === 'unknown' && scope.system) {
        for (const fact of unknownFacts(rule.when, facts)) {
          drafts.push({
            key: 'system_fact_missing',
            severity: 'medium',
            subject: systemSubject(scope.system),
            ruleIds: [rule.id],
            params: { system: scope.system.name, fact },
          });
        }
      }
      const result = partiesOf(rule, scope);
      for (const d of result.drafts) if (!only || d.subject.kind === 'system') drafts.push({ ...d, ruleIds: [rule.id] });
      any = true;
      if (only) continue;
      entry.responsibilities.push({
        ruleId: rule.id,
        capacity: rule.capacity,
        conditional: truth === 'unknown',
        when: rule.when ?? null,
        resolution: result.resolution,
        parties: result.parties,
        through: rule.through ?? null,
        explanation: rule.explanation,
      });
    }
    if (scope.system && rules.length && !any) {
      drafts.push({
        key: 'area_without_responsible',
        severity: 'low',
        subject: systemSubject(scope.system),
        ruleIds: [],
        params: { system: scope.system.name, area: area.key },
      });
    }
    if (!only) areas.push(entry);
  }
  for (const d of checkCatalogue(scope)) if (!only || d.subject.kind === 'system') drafts.push(d);
  return { areas, findings: merge(drafts).map((d) => withTexts(d, pack)) };
}

const RANK = SEVERITY_RANK;

/** The rules of an area at a level, in pack order; computed once per pack. */
const rulesByLevel = new WeakMap<Pack, Map<string, Map<string, Rule[]>>>();
function rulesOf(pack: Pack, area: string, level: Scope['level']): Rule[] {
  let byLevel = rulesByLevel.get(pack);
  if (!byLevel) {
    byLevel = new Map();
    for (const r of pack.rules) {
      for (const at of r.at) {
        let byArea = byLevel.get(at);
        if (!byArea) byLevel.set(at, (byArea = new Map()));
        byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
      }
    }
    rulesByLevel.set(pack, byLevel);
  }
  return byLevel.get(level)?.get(area) ?? [];
}

/** A rule's parties; those that do not depend on the system itself come from the scope's memo. */
function partiesOf(rule: Rule, scope: Scope): PartyResult {
  const onSubject = rule.party.select === 'role_holders' && (rule.party.on ?? ['subject']).includes('subject');
  if (!scope.memo || !scope.system || onSubject) return resolveParty(rule.party, rule.severity, scope);
  let byUnit = scope.memo.get(rule.id);
  if (!byUnit) scope.memo.set(rule.id, (byUnit = new Map()));
  const unitId = scope.system.owningUnitId ?? '';
  const known = byUnit.get(unitId);
  if (known) return known;
  const result = resolveParty(rule.party, rule.severity, scope);
  // Findings about the system itself (e.g. its owning unit is not in a förvaltning) name it: not shared.
  if (!result.drafts.some((d) => d.subject.kind === 'system')) byUnit.set(unitId, result);
  return result;
}

/** One finding per (key, subject, role, what): the rules it blocks are listed together, the worst severity wins. */
function merge(drafts: FindingDraft[]): FindingDraft[] {
  const byKey = new Map<string, FindingDraft>();
  for (const d of drafts) {
    const k = [
      d.key,
      d.subject.kind,
      d.subject.id,
      d.roleKey ?? '',
      d.params.kind ?? '',
      d.params.function ?? '',
      d.params.fact ?? '',
      d.params.personId ?? '',
      d.params.area ?? '',
    ].join('|');
    const prev = byKey.get(k);
    if (!prev) {
      byKey.set(k, { ...d, ruleIds: [...d.ruleIds], params: { ...d.params } });
      continue;
    }
    for (const id of d.ruleIds) if (!prev.ruleIds.includes(id)) prev.ruleIds.push(id);
    if (RANK[d.severity] < RANK[prev.severity]) prev.severity = d.severity;
    if (typeof d.params.min === 'number' && Number(prev.params.min ?? 0) < d.params.min) prev.params.min = d.params.min;
  }
  return [...byKey.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || svCompare(a.subject.name ?? '', b.subject.name ?? ''),
  );
}

const activeSubtree = (idx: OrgIndex, rootId: string) => idx.subtree(rootId).filter((u) => u.status === 'active');
const rolesOf = (pack: Pack) => new Map(pack.roles.map((r) => [r.key, r]));
