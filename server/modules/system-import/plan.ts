import { message } from '../../platform/i18n.ts';
import { ROLE_FIELDS, type RoleField } from './fields.ts';
import { messageAt, parseRow, type ParsedRow, type Stated } from './parse-row.ts';
import { planGroups } from './plan-group.ts';
import { outcomeOf, type PlanOutcome } from './plan-output.ts';
import type { Group, Missing, PersonPick, PlanInput, PlanState, UnitPick, WorkRow } from './plan-state.ts';
import type { ExistingSystem } from './plan-types.ts';
import { nameKey, personMatcher, systemMatcher, unitMatcher } from './resolve.ts';
import type { SourceTable } from './rows.ts';
import { listOf } from './values.ts';
import { pacer } from '../../platform/pace.ts';

/** A message template filled by plain string replacement, for texts made thousands of times. */
const template = (text: string) => (params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, p: string) => params[p] ?? m);

/**
 * Turns the rows of a register into a plan without touching the database: each row is read, its
 * förvaltning, people and system are matched, its permission checked; rows naming the same system (by
 * register number, else by name) become one system; each system is a create, an update or unchanged.
 */
export async function planImport(table: SourceTable, input: PlanInput): Promise<PlanOutcome> {
  const titleWith = template(message(input.locale, 'systemImport.agreement.title'));
  const titleWithout = template(message(input.locale, 'systemImport.agreement.title_no_supplier'));
  const findUnit = unitMatcher(input.units);
  const state: PlanState = {
    input,
    missingUnits: new Map(),
    missingPeople: new Map(),
    unitNames: new Map(input.units.map((u) => [u.id, u.name])),
    rootId: fileRoot(table, input, findUnit),
    suppliers: new Map([...input.suppliers].reverse().map((s) => [nameKey(s.name), { id: s.id, name: s.name, isNew: false }])),
    titles: {
      withSupplier: (system, supplier) => titleWith({ system, supplier }),
      withoutSupplier: (system) => titleWithout({ system }),
    },
  };
  const findPerson = personMatcher(input.people);
  const findSystem = systemMatcher(input.systems);

  const unitOf = (row: ParsedRow, s: Stated<string>): UnitPick | null => {
    const m = findUnit(s.value);
    if ('found' in m) return { id: m.found.id, name: m.found.name, isNew: false };
    if ('ambiguous' in m) {
      row.errors.push(messageAt(s.cell, 'systemImport.row.ambiguous_unit', { value: s.value }));
      return null;
    }
    const missing = remember(state.missingUnits, m.unknown.key, m.unknown.name, null, row, s, input.newId);
    if (!input.createMissing) row.errors.push(messageAt(s.cell, 'systemImport.row.unknown_unit', { value: s.value }));
    else if (!state.rootId || !input.canCreateUnits(state.rootId)) row.errors.push(messageAt(s.cell, 'systemImport.row.unit_create_forbidden', { value: s.value }));
    else {
      missing.creatable = true;
      state.unitNames.set(missing.id, missing.name);
      return { id: missing.id, name: missing.name, isNew: true };
    }
    return null;
  };

  // 20,000 rows take a while: the planner gives way to other requests as it goes (platform/pace.ts).
  const pace = pacer();
  const work: WorkRow[] = [];
  for (const src of table.rows) {
    await pace();
    const row = parseRow(src);
    const w = row as WorkRow;
    w.ownUnit = row.unit ? unitOf(row, row.unit) : null;
    w.usingUnits = row.using.map((u) => unitOf(row, u)).filter((u): u is UnitPick => u !== null);
    w.existing = matchSystem(row, findSystem);
    const name = row.name?.value ?? w.existing?.name ?? '';
    w.key = w.existing ? `id:${w.existing.id}` : `new:${nameKey(name)}`;
    if (!w.existing && !row.unit && !row.errors.length) {
      row.errors.push({ cell: null, column: src.unitColumn, key: 'systemImport.row.unit_missing' });
    }
    checkPermission(w, state);
    w.people = {};
    const homeUnit = w.existing ? { id: w.existing.ownerId, isNew: false } : w.ownUnit;
    for (const f of Object.keys(ROLE_FIELDS) as RoleField[]) {
      const cell = row.roles[f];
      if (cell) w.people[f] = cell.vacant ? [] : resolvePeople(w, f, findPerson, state, homeUnit);
    }
    work.push(w);
  }

  const groups = new Map<string, WorkRow[]>();
  for (const w of work) {
    if (w.errors.length) continue;
    const list = groups.get(w.key);
    if (list) list.push(w);
    else groups.set(w.key, [w]);
  }
  const planned: Group[] = await planGroups([...groups.values()], state);
  return outcomeOf(work, planned, state, table);
}

/**
 * The kommun a file is about: the one root above every known unit it names (several kommuner may share
 * an installation), else the installation's kommun.
 */
function fileRoot(table: SourceTable, input: PlanInput, find: ReturnType<typeof unitMatcher>): string | null {
  const parent = new Map(input.units.map((u) => [u.id, u.parent_id]));
  const rootOfUnit = (id: string): string => {
    let at = id;
    for (let up = parent.get(at); up; up = parent.get(at)) at = up;
    return at;
  };
  const roots = new Set<string>();
  const names = new Set(table.rows.flatMap((r) => [r.cells.unit?.text, r.sheetUnit, ...(r.cells.usingUnits ? listOf(r.cells.usingUnits.text) : [])]));
  for (const name of names) {
    const m = name ? find(name) : null;
    if (m && 'found' in m) roots.add(rootOfUnit(m.found.id));
  }
  return roots.size === 1 ? [...roots][0]! : input.rootId;
}

function remember(
  map: Map<string, Missing>,
  key: string,
  name: string,
  email: string | null,
  row: ParsedRow,
  s: { cell: { ref: string } },
  newId: () => string,
): Missing {
  let m = map.get(key);
  if (!m) map.set(key, (m = { id: newId(), name, email, refs: [], creatable: false, used: false, homeUnitId: null }));
  m.refs.push({ sheet: row.src.sheet, row: row.src.row, cell: s.cell.ref || null });
  return m;
}

function matchSystem(row: ParsedRow, find: ReturnType<typeof systemMatcher>): ExistingSystem | undefined {
  if (row.registerNo) {
    const hit = find.byRegisterNo(row.registerNo.value);
    if (!hit) row.errors.push(messageAt(row.registerNo.cell, 'systemImport.row.register_not_found', { value: row.registerNo.cell.text }));
    return hit;
  }
  if (!row.name) return undefined;
  const m = find.byName(row.name.value);
  if ('ambiguous' in m) row.errors.push(messageAt(row.name.cell, 'systemImport.row.ambiguous_system', { value: row.name.value }));
  return 'found' in m ? m.found : undefined;
}

/** systems:write on the system's owning unit and on the förvaltning the row names. */
function checkPermission(w: WorkRow, state: PlanState): void {
  const { input } = state;
  const ref = w.registerNo?.cell ?? w.name?.cell ?? null;
  if (w.existing && !w.existing.visible) {
    w.errors.push(messageAt(ref, 'systemImport.row.system_hidden'));
    return;
  }
  if (w.existing && !input.canWrite(w.existing.ownerId)) {
    w.errors.push(messageAt(ref, 'systemImport.row.system_forbidden', { unit: state.unitNames.get(w.existing.ownerId) ?? '' }));
  }
  const own = w.ownUnit;
  if (own && !(own.isNew ? state.rootId !== null && input.canWriteNew(state.rootId) : input.canWrite(own.id))) {
    w.errors.push(messageAt(w.unit?.cell ?? null, 'systemImport.row.unit_forbidden', { unit: own.name }));
  }
}

function resolvePeople(
  w: WorkRow,
  f: RoleField,
  find: ReturnType<typeof personMatcher>,
  state: PlanState,
  home: { id: string; isNew: boolean } | null,
): PersonPick[] | null {
  const cell = w.roles[f]!.cell;
  const picks: PersonPick[] = [];
  let complete = true;
  for (const text of w.roles[f]!.names) {
    const m = find(text);
    if ('found' in m) {
      if (m.found.status === 'left') {
        w.notes.push(messageAt(cell, 'systemImport.row.person_left', { value: m.found.name }));
        complete = false;
      } else picks.push({ id: m.found.id, isNew: false });
      continue;
    }
    if ('ambiguous' in m) {
      w.errors.push(messageAt(cell, 'systemImport.row.ambiguous_person', { value: text }));
      continue;
    }
    const missing = remember(state.missingPeople, m.unknown.key, m.unknown.name, m.unknown.email, w, { cell }, state.input.newId);
    if (!state.input.createMissing) {
      w.notes.push(messageAt(cell, 'systemImport.row.unknown_person', { value: text }));
      complete = false;
    } else if (!home || !state.input.canAddPeople(home.isNew ? null : home.id, state.rootId)) {
      w.errors.push(messageAt(cell, 'systemImport.row.person_create_forbidden', { value: text, unit: home ? (state.unitNames.get(home.id) ?? '') : '' }));
    } else {
      missing.creatable = true;
      picks.push({ id: missing.id, isNew: true, missingKey: m.unknown.key });
    }
  }
  return complete ? picks : null;
}
