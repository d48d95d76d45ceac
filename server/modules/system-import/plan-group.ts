import { TRANSITIONS, diffSystemFacts, type Lifecycle, type SystemFactsInput } from '../systems/index.ts';
import { planImportDraft } from '../classifications/index.ts';
import { messageAt, type FactField, type KrtRead, type Stated } from './parse-row.ts';
import { planAgreement, planRoles } from './plan-links.ts';
import { at, firstStated, type ClassificationOp, type Group, type PlanState, type UnitPick, type WorkRow } from './plan-state.ts';
import { nameKey } from './resolve.ts';
import { pacer } from '../../platform/pace.ts';

const FACT_FIELDS: FactField[] = [
  'kind', 'description', 'purpose', 'kommungemensamt', 'criticality', 'samhallsviktig', 'hosting', 'dataLocation',
  'thirdCountryTransfer', 'thirdCountryBasis', 'personalData', 'authMethod', 'userCount',
];
const MAX_ALIASES = 20;
const MAX_LINKS = 20;
const MAX_NOTE = 4000;
const MAX_KEPT = 300;

/**
 * The note with the texts of unreadable optional cells ("Header: text") added, each cut short, as many as fit;
 * a line the note already holds (the same file imported again) is not added twice.
 */
function withKept(note: string, kept: string[]): string {
  let out = note;
  for (const k of new Set(kept)) {
    const line = k.length > MAX_KEPT ? `${k.slice(0, MAX_KEPT - 1)}…` : k;
    if (out.split('\n').includes(line)) continue;
    if (out.length + line.length + 1 > MAX_NOTE) break;
    out = out ? `${out}\n${line}` : line;
  }
  return out;
}

export async function planGroups(groups: WorkRow[][], state: PlanState): Promise<Group[]> {
  const pace = pacer();
  const out: Group[] = [];
  for (const rows of groups) {
    out.push(planGroup(rows, state));
    await pace();
  }
  return out;
}

function planGroup(rows: WorkRow[], state: PlanState): Group {
  const existing = rows[0]!.existing;
  const id = existing?.id ?? state.input.newId();
  const ownerId = existing?.ownerId ?? rows[0]!.ownUnit!.id;
  const units = new Map<string, UnitPick>();
  for (const w of rows) for (const u of [w.ownUnit, ...w.usingUnits]) if (u && u.id !== ownerId) units.set(u.id, u);

  const stated: Partial<Record<FactField, unknown>> = {};
  for (const k of FACT_FIELDS) {
    const s = firstStated(rows, (w) => w.facts[k] as Stated<unknown> | undefined);
    if (s) stated[k] = s.value;
  }
  const comment = firstStated(rows, (w) => w.comment);
  // K/R/T becomes a draft classification (below), not a line of the note; rows differ only when their levels do.
  const krt = firstStated(rows, (w) => w.krt, (v) => JSON.stringify(v.levels));
  // A file without a note column adds the kept texts to the note the system has, never replaces it.
  const note = withKept(comment?.value || (existing?.facts.note ?? ''), rows.flatMap((w) => w.kept));
  const link = firstStated(rows, (w) => w.link);
  const aliases = rows.flatMap((w) => w.aliases?.value ?? []);
  const name = firstStated(rows, (w) => w.name, nameKey);
  const lifecycleCell = firstStated(rows, (w) => w.lifecycle);

  const base: SystemFactsInput = existing
    ? { ...existing.facts, usingUnitIds: [...existing.facts.usingUnitIds].sort() }
    : {
        name: name!.value, aliases: [], kind: 'business', description: null, purpose: null, owningUnitId: ownerId, usingUnitIds: [],
        kommungemensamt: false, criticality: null, samhallsviktig: null, hosting: null, dataLocation: null, thirdCountryTransfer: null,
        thirdCountryBasis: null, personalData: null, authMethod: null, userCount: null, links: [], note: null,
      };
  const facts: SystemFactsInput = { ...base, ...(stated as Partial<SystemFactsInput>) };
  // Matched by register number, a different name renames the system; matched by name, the name stays as registered.
  if (existing && name && rows.some((w) => w.registerNo) && nameKey(name.value) !== existing.nameKey) facts.name = name.value;
  facts.aliases = union(base.aliases, aliases.filter((a) => nameKey(a) !== nameKey(facts.name)));
  facts.usingUnitIds = [...new Set([...base.usingUnitIds, ...units.keys()])].filter((u) => u !== ownerId).sort();
  if (link && !base.links.some((l) => l.url === link.value.url)) facts.links = [...base.links, link.value];
  if (note) facts.note = note;

  const group: Group = {
    rows, id, existing, action: 'unchanged', facts, before: existing ? base : null,
    lifecycle: (existing?.lifecycle as Lifecycle | undefined) ?? lifecycleCell?.value ?? 'in_operation',
    lifecycleChange: null, changes: [], roles: { starts: [], ends: [] }, agreement: null, classification: null,
    usedBy: facts.usingUnitIds.map((u) => state.unitNames.get(u) ?? u),
  };
  if (facts.aliases.length > MAX_ALIASES) return fail(group, rows.find((w) => w.aliases)!, messageAt(rows.find((w) => w.aliases)!.aliases!.cell, 'systemImport.value.too_many_aliases', { max: MAX_ALIASES }));
  if (facts.links.length > MAX_LINKS) return fail(group, rows[0]!, messageAt(link!.cell, 'systemImport.value.too_many_aliases', { max: MAX_LINKS }));
  if (note.length > MAX_NOTE) return fail(group, rows[0]!, messageAt(comment?.cell ?? null, 'systemImport.value.too_long', { max: MAX_NOTE }));

  if (existing && lifecycleCell && lifecycleCell.value !== existing.lifecycle) {
    const from = existing.lifecycle as Lifecycle;
    const to = lifecycleCell.value;
    if (!TRANSITIONS[from].includes(to)) {
      const owner = rows.find((w) => w.lifecycle === lifecycleCell)!;
      return fail(group, owner, messageAt(lifecycleCell.cell, 'systemImport.row.transition', { from, to }));
    }
    group.lifecycle = to;
    group.lifecycleChange = { from, to };
  }
  if (!existing && !lifecycleCell) rows[0]!.notes.push(messageAt(null, 'systemImport.row.lifecycle_default'));

  const roleProblem = planRoles(group, state);
  if (roleProblem) return fail(group, roleProblem.row, roleProblem.message);
  group.agreement = planAgreement(group, state);

  if (existing) {
    const diff = diffSystemFacts(base, facts);
    group.changes = [...diff.fields, ...(group.lifecycleChange ? ['lifecycle'] : []), ...group.changes];
    if (group.agreement) group.changes.push('agreement');
    if (group.changes.length && existing.lifecycle === 'retired') {
      return fail(group, rows[0]!, messageAt(rows[0]!.registerNo?.cell ?? rows[0]!.name?.cell ?? null, 'systemImport.row.retired'));
    }
    group.action = group.changes.length ? 'update' : 'unchanged';
  } else group.action = 'create';
  if (krt) group.classification = planClassification(group, krt, state);

  if (rows.length > 1) {
    for (const w of rows.slice(1)) w.notes.unshift(messageAt(null, 'systemImport.row.same_system', at(rows[0]!)));
  }
  if (group.usedBy.length && rows.some((w) => w.ownUnit && w.ownUnit.id !== ownerId)) {
    rows[0]!.notes.unshift(messageAt(null, 'systemImport.row.used_by', { owner: state.unitNames.get(ownerId) ?? '', units: group.usedBy.join(', ') }));
  }
  return group;
}

/**
 * The rows' K/R/T as a draft classification (classifications' planImportDraft): a new one, the import's own draft
 * changed, unchanged (the same levels in progress or approved), or left alone because someone is working on one (a
 * remark). An avvecklat system gets no draft (a remark).
 */
function planClassification(group: Group, krt: Stated<KrtRead>, state: PlanState): ClassificationOp | null {
  const row = group.rows.find((w) => w.krt === krt)!;
  const action = planImportDraft(group.existing ? state.classificationTargets.get(group.id) : undefined, krt.value.levels);
  if (action === 'in_progress') row.notes.push(messageAt(krt.cell, 'systemImport.row.krt_in_progress'));
  else if (action !== 'unchanged' && group.lifecycle === 'retired') {
    row.notes.push(messageAt(krt.cell, 'systemImport.row.krt_retired'));
    return null;
  }
  return { levels: krt.value.levels, reference: krt.value.reference, action, row };
}

/** The group is not imported: the row with the problem says why, the others point at it. */
function fail(group: Group, culprit: WorkRow, problem: WorkRow['errors'][number]): Group {
  culprit.errors.push(problem);
  for (const w of group.rows) if (w !== culprit) w.errors.push(messageAt(null, 'systemImport.row.group_error', at(culprit)));
  group.action = 'error';
  group.roles = { starts: [], ends: [] };
  group.agreement = null;
  group.classification = null;
  return group;
}

/** Aliases added to those registered, ignoring case; none removed. */
function union(base: string[], added: string[]): string[] {
  const out = [...base];
  const seen = new Set(base.map(nameKey));
  for (const a of added) {
    if (!seen.has(nameKey(a))) {
      seen.add(nameKey(a));
      out.push(a);
    }
  }
  return out;
}
