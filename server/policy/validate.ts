import type { sv } from '../messages/policy.ts';
import { checkClassificationSpec } from './classification-validate.ts';
import { FACTS, FACT_NAMES, type FactName } from './facts.ts';
import type { Condition, Pack, PartySelector, RoleSpec, RoleTarget, SubjectKind } from './schema.ts';

/** One problem in a pack: where (path segments), and a message key with parameters. */
export interface PackProblem {
  path: Array<string | number>;
  key: keyof typeof sv;
  params?: Record<string, string | number>;
}

type Path = PackProblem['path'];

/**
 * The checks zod cannot make: unique keys, references between sections (a rule naming an unknown
 * area or role), the shape of conditions and party selectors, fact names and value types, and role
 * cardinality. Runs on a pack that already has the right shape.
 */
export function crossCheck(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (path: Path, key: PackProblem['key'], params?: PackProblem['params']) =>
    problems.push({ path, key, ...(params ? { params } : {}) });

  unique(
    pack.goals.map((g) => g.key),
    'goals',
    'key',
    add,
  );
  unique(
    pack.roles.map((r) => r.key),
    'roles',
    'key',
    add,
  );
  unique(
    pack.areas.map((a) => a.key),
    'areas',
    'key',
    add,
  );
  unique(
    pack.rules.map((r) => r.id),
    'rules',
    'id',
    add,
  );

  const roles = new Map(pack.roles.map((r) => [r.key, r]));
  const areaKeys = new Set(pack.areas.map((a) => a.key));
  const knownRoles = [...roles.keys()].join(', ');
  const knownAreas = [...areaKeys].join(', ');

  pack.roles.forEach((role, i) => checkRole(role, ['roles', i], add));
  const lead = roles.get(pack.settings.unitLead);
  if (!lead) add(['settings', 'unitLead'], 'policy.problem.unknown_role', { value: pack.settings.unitLead, known: knownRoles });
  for (const setting of ['operationRequires', 'systemEditors'] as const) {
    pack.settings[setting].forEach((roleKey, i) => {
      const role = roles.get(roleKey);
      const path: Path = ['settings', setting, i];
      if (!role) add(path, 'policy.problem.unknown_role', { value: roleKey, known: knownRoles });
      else if (!role.subjectKinds.includes('system')) add(path, 'policy.problem.role_not_on_systems', { value: roleKey });
    });
  }

  pack.rules.forEach((rule, i) => {
    const at: Path = ['rules', i];
    if (!areaKeys.has(rule.area)) add([...at, 'area'], 'policy.problem.unknown_area', { value: rule.area, known: knownAreas });
    checkParty(rule.party, [...at, 'party'], roles, knownRoles, add);
    if (rule.when) checkCondition(rule.when, [...at, 'when'], add);
    if (rule.through) {
      if (!rule.through.agreement && !rule.through.role) add([...at, 'through'], 'policy.problem.through_empty');
      if (rule.through.role && !roles.has(rule.through.role))
        add([...at, 'through', 'role'], 'policy.problem.unknown_role', { value: rule.through.role, known: knownRoles });
    }
  });

  const ruled = new Set(pack.rules.map((r) => r.area));
  pack.areas.forEach((area, i) => {
    if (!ruled.has(area.key)) add(['areas', i, 'key'], 'policy.problem.area_without_rules', { value: area.key });
  });
  if (pack.classification) checkClassificationSpec(pack.classification, new Set(roles.keys()), add);
  for (const field of ['riskApprovers', 'kommunRiskApprovers'] as const) {
    pack.followUp[field].forEach((role, i) => {
      if (!roles.has(role)) add(['followUp', field, i], 'policy.problem.unknown_role', { value: role, known: knownRoles });
    });
  }
  for (const field of ['orderers', 'approvers', 'executors', 'administrators', 'escalateTo'] as const) {
    pack.access[field].forEach((role, i) => {
      if (!roles.has(role)) add(['access', field, i], 'policy.problem.unknown_role', { value: role, known: knownRoles });
    });
  }
  pack.access.reviewers.forEach((r, i) => {
    if (!roles.has(r.role)) add(['access', 'reviewers', i, 'role'], 'policy.problem.unknown_role', { value: r.role, known: knownRoles });
  });
  return problems;
}

type Add = (path: Path, key: PackProblem['key'], params?: PackProblem['params']) => void;

function unique(values: string[], section: string, field: string, add: Add): void {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const first = seen.get(v);
    if (first === undefined) seen.set(v, i);
    else add([section, i, field], 'policy.problem.duplicate', { value: v, other: `${section}[${first}]` });
  });
}

function checkRole(role: RoleSpec, at: Path, add: Add): void {
  const kinds = role.subjectKinds.join(', ');
  if (role.maxHolders !== null && role.maxHolders < role.minHolders)
    add([...at, 'maxHolders'], 'policy.problem.max_below_min', { min: role.minHolders });
  role.requiredOn?.forEach((k, j) => {
    if (!role.subjectKinds.includes(k)) add([...at, 'requiredOn', j], 'policy.problem.not_subject_kind', { value: k, kinds });
  });
  if (role.unitKinds && !role.subjectKinds.includes('unit')) add([...at, 'unitKinds'], 'policy.problem.unit_kinds_unused');
}

/** Which subject kinds a role target needs the role to apply to. */
const TARGET_KINDS: Record<RoleTarget, SubjectKind[]> = {
  subject: ['organisation', 'system'],
  kommun: ['organisation'],
  owning_forvaltning: ['unit'],
  each_unit: ['unit'],
};

function checkParty(party: PartySelector, at: Path, roles: Map<string, RoleSpec>, known: string, add: Add): void {
  const needs: Record<PartySelector['select'], Array<keyof PartySelector>> = {
    unit: [],
    owning_forvaltning: [],
    namnd_of_owning_forvaltning: [],
    employees: [],
    role_holders: ['role', 'on'],
  };
  const allowed = new Set<keyof PartySelector>([
    'select',
    ...needs[party.select],
    ...(party.select === 'unit' ? (['kind', 'function'] as const) : []),
  ]);
  for (const field of ['kind', 'function', 'role', 'on'] as const) {
    if (party[field] !== undefined && !allowed.has(field)) add([...at, field], 'policy.problem.selector_unused', { select: party.select });
  }
  for (const field of needs[party.select]) {
    if (party[field] === undefined) add([...at, field], 'policy.problem.selector_needs', { select: party.select, needs: field });
  }
  if (party.select === 'unit' && (party.kind === undefined) === (party.function === undefined)) {
    add(at, 'policy.problem.selector_needs', { select: 'unit', needs: 'kind | function' });
  }
  if (party.select !== 'role_holders' || party.role === undefined) return;
  const role = roles.get(party.role);
  if (!role) {
    add([...at, 'role'], 'policy.problem.unknown_role', { value: party.role, known });
    return;
  }
  party.on?.forEach((target, j) => {
    if (!TARGET_KINDS[target].some((k) => role.subjectKinds.includes(k)))
      add([...at, 'on', j], 'policy.problem.role_target', { role: role.key, target, kinds: role.subjectKinds.join(', ') });
  });
}

export const MAX_CONDITION_DEPTH = 8;

function checkCondition(c: Condition, at: Path, add: Add, depth = 1): void {
  const forms = (['fact', 'all', 'any', 'not'] as const).filter((k) => c[k] !== undefined);
  if (forms.length !== 1) {
    add(at, 'policy.problem.condition_shape');
    return;
  }
  if (depth > MAX_CONDITION_DEPTH) {
    add(at, 'policy.problem.too_deep', { max: MAX_CONDITION_DEPTH });
    return;
  }
  if (c.fact === undefined) {
    for (const stray of ['equals', 'in'] as const)
      if (c[stray] !== undefined) add([...at, stray], 'policy.problem.condition_stray', { field: stray });
    c.all?.forEach((sub, i) => checkCondition(sub, [...at, 'all', i], add, depth + 1));
    c.any?.forEach((sub, i) => checkCondition(sub, [...at, 'any', i], add, depth + 1));
    if (c.not) checkCondition(c.not, [...at, 'not'], add, depth + 1);
    return;
  }
  if (!(FACT_NAMES as string[]).includes(c.fact)) {
    add([...at, 'fact'], 'policy.problem.unknown_fact', { value: c.fact, known: FACT_NAMES.join(', ') });
    return;
  }
  if ((c.equals === undefined) === (c.in === undefined)) {
    add(at, 'policy.problem.condition_test');
    return;
  }
  const type = FACTS[c.fact as FactName].type;
  const values =
    c.equals !== undefined ? [{ v: c.equals, path: [...at, 'equals'] }] : (c.in ?? []).map((v, i) => ({ v, path: [...at, 'in', i] }));
  for (const { v, path } of values) {
    if (typeof v !== type) add(path, 'policy.problem.fact_value', { fact: c.fact, type, value: JSON.stringify(v) });
  }
}
