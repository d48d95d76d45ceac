import { message } from '../../platform/i18n.ts';
import { levelsOffScale } from '../classifications/index.ts';
import { ROLE_FIELDS, type RoleField } from './fields.ts';
import { messageAt, parseRow, type ParsedRow, type Stated } from './parse-row.ts';
import { planGroups } from './plan-group.ts';
import { outcomeOf, type PlanOutcome } from './plan-output.ts';
import { holderReader, itUnitOf, personNamesOf, type HolderReason, type Reading } from './holders.ts';
import { supplierPick } from './plan-links.ts';
import type { Group, HolderPick, HolderReading, Missing, PlanInput, PlanState, UnitPick, WorkRow } from './plan-state.ts';
import type { ExistingSystem } from './plan-types.ts';
import { nameKey, personMatcher, systemMatcher, unitMatcher } from './resolve.ts';
import type { SourceTable } from './rows.ts';
import { listOf, peopleListOf } from './values.ts';
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
    holderReadings: new Map(),
    unitNames: new Map(input.units.map((u) => [u.id, u.name])),
    rootId: fileRoot(table, input, findUnit),
    suppliers: new Map([...input.suppliers].reverse().map((s) => [nameKey(s.name), { id: s.id, name: s.name, isNew: false }])),
    titles: {
      withSupplier: (system, supplier) => titleWith({ system, supplier }),
      withoutSupplier: (system) => titleWithout({ system }),
    },
    classificationTargets: new Map(),
  };
  const findPerson = personMatcher(input.people);
  const findSystem = systemMatcher(input.systems);
  const readHolder = holderReader(
    {
      units: input.units,
      people: input.people,
      suppliers: input.suppliers,
      fileSuppliers: new Set(table.rows.flatMap((r) => (r.cells.supplier ? [nameKey(r.cells.supplier.text)] : []))),
      personNames: personNamesOf(
        new Set(table.rows.flatMap((r) => (Object.keys(ROLE_FIELDS) as RoleField[]).flatMap((f) => (r.cells[f] ? peopleListOf(r.cells[f].text) : [])))),
        findPerson,
      ),
      itUnit: itUnitOf(input.units, state.rootId),
      mappings: input.holderMappings,
    },
    findPerson,
  );
  const supplierNames = new Map(input.suppliers.map((s) => [s.id, s.name]));
  const offScale = (levels: Parameters<typeof levelsOffScale>[1]) => levelsOffScale(input.classification, levels);

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
    const row = parseRow(src, offScale);
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
    w.holders = {};
    const homeUnit = w.existing ? { id: w.existing.ownerId, isNew: false } : w.ownUnit;
    // The row's supplier: its own cell, else the one supplier of the system's agreements.
    const agreementSuppliers = [...new Set((w.existing?.agreements ?? []).flatMap((a) => (a.supplierId ? [a.supplierId] : [])))];
    const rowSupplier = row.supplier?.value ?? (agreementSuppliers.length === 1 ? (supplierNames.get(agreementSuppliers[0]!) ?? null) : null);
    for (const f of Object.keys(ROLE_FIELDS) as RoleField[]) {
      const cell = row.roles[f];
      if (cell) w.holders[f] = cell.vacant ? [] : resolveHolders(w, f, (text) => readHolder(text, { supplier: rowSupplier }), state, homeUnit);
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
  // What the K/R/T drafts meet: the classifications of the matched systems whose rows state K/R/T, read at once.
  const classified = [...groups.values()].flatMap((rows) => (rows[0]!.existing && rows.some((w) => w.krt) ? [rows[0]!.existing.id] : []));
  if (classified.length) state.classificationTargets = await input.classificationTargets(classified);
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

/** A reason as the dry-run says it, read once per reason and role (thousands of cells share a few). */
const reasonText = memoByKey((state: PlanState, reason: HolderReason, role: string, kind: string) =>
  message(state.input.locale, `systemImport.holder.${reason}`, { role, kind: kind ? message(state.input.locale, `systemImport.holder.kind.${kind as 'unit' | 'supplier'}`) : '' }),
);

function memoByKey<A extends unknown[]>(make: (state: PlanState, ...key: A) => string): (state: PlanState, ...key: A) => string {
  const seen = new Map<string, string>();
  return (state, ...key) => {
    const k = `${state.input.locale}|${key.join('|')}`;
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = make(state, ...key)));
    return v;
  };
}

/** Remembers what a name became, for the dry-run's unknownHolders (a person matched plainly by name or e-mail is not listed). */
function record(
  state: PlanState, w: WorkRow, cell: { ref: string }, text: string, became: HolderReading['became'], holder: string | null, reason: HolderReason, role: string, kind = '',
): void {
  const key = `${became}|${reason}|${kind}|${reason === 'kind_not_allowed' ? role : ''}|${holder ?? ''}|${nameKey(text)}`;
  let r = state.holderReadings.get(key);
  if (!r) state.holderReadings.set(key, (r = { text: text.trim(), became, holder, reason, reasonText: reasonText(state, reason, role, kind), roles: new Set(), refs: [], count: 0 }));
  r.roles.add(role);
  r.count++;
  if (r.refs.length < 50) r.refs.push({ sheet: w.src.sheet, row: w.src.row, cell: cell.ref || null });
}

/**
 * The holders a role cell names (holders.ts reads each name). A unit or a supplier where the role allows
 * only people, a name that reads as an organisation and matches nothing, one that reads as neither, and a
 * person unknown (without createMissing) or who has left: the role gets no holder from the cell (a remark
 * says why; an existing system keeps its holders). Never a person for a unit, a supplier or "Leverantör".
 */
function resolveHolders(
  w: WorkRow,
  f: RoleField,
  read: (text: string) => Reading,
  state: PlanState,
  home: { id: string; isNew: boolean } | null,
): HolderPick[] | null {
  const cell = w.roles[f]!.cell;
  const info = state.input.roles.get(ROLE_FIELDS[f]);
  const role = info?.name ?? ROLE_FIELDS[f];
  const kinds = info?.holderKinds ?? ['person'];
  const picks: HolderPick[] = [];
  let complete = true;
  const vacant = (text: string, reason: HolderReason, kind = '', holder: string | null = null) => {
    record(state, w, cell, text, 'vacant', holder, reason, role, kind);
    w.notes.push(messageAt(cell, 'systemImport.row.holder_vacant', { value: text.trim(), reason: reasonText(state, reason, role, kind) }));
    if (reason !== 'mapped_vacant') complete = false;
  };
  for (const text of w.roles[f]!.names) {
    const r = read(text);
    switch (r.became) {
      case 'ambiguous':
        w.errors.push(messageAt(cell, 'systemImport.row.ambiguous_person', { value: text }));
        break;
      case 'vacant':
        vacant(text, r.reason);
        break;
      case 'person':
        if (r.left) {
          w.notes.push(messageAt(cell, 'systemImport.row.person_left', { value: r.name }));
          if (r.reason === 'mapped') record(state, w, cell, text, 'vacant', r.name, 'person_left', role);
          complete = false;
        } else {
          picks.push({ kind: 'person', id: r.id, isNew: false });
          if (r.reason === 'mapped') record(state, w, cell, text, 'person', r.name, 'mapped', role);
        }
        break;
      case 'unit':
      case 'supplier': {
        if (!kinds.includes(r.became)) {
          vacant(text, 'kind_not_allowed', r.became, r.became === 'unit' ? r.name : r.supplierName);
          break;
        }
        if (r.became === 'unit') {
          picks.push({ kind: 'unit', id: r.id, isNew: false });
          record(state, w, cell, text, 'unit', r.name, r.reason, role);
        } else {
          const s = r.id ? { id: r.id, name: r.supplierName, isNew: false } : supplierPick(state, r.supplierName);
          picks.push({ kind: 'supplier', id: s.id, isNew: s.isNew });
          record(state, w, cell, text, 'supplier', s.name, r.reason, role);
        }
        break;
      }
      case 'new_person': {
        const missing = remember(state.missingPeople, r.key, r.name, r.email, w, { cell }, state.input.newId);
        if (!state.input.createMissing && !r.mapped) {
          w.notes.push(messageAt(cell, 'systemImport.row.unknown_person', { value: text }));
          record(state, w, cell, text, 'vacant', r.name, 'person_unknown', role);
          complete = false;
        } else if (!kinds.includes('person')) {
          vacant(text, 'kind_not_allowed', 'person');
        } else if (!home || !state.input.canAddPeople(home.isNew ? null : home.id, state.rootId)) {
          w.errors.push(messageAt(cell, 'systemImport.row.person_create_forbidden', { value: text, unit: home ? (state.unitNames.get(home.id) ?? '') : '' }));
        } else {
          missing.creatable = true;
          picks.push({ kind: 'person', id: missing.id, isNew: true, missingKey: r.key });
          record(state, w, cell, text, 'new_person', r.name, r.mapped ? 'mapped' : 'person_new', role);
        }
        break;
      }
    }
  }
  return complete ? picks : null;
}
