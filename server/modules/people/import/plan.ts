import { z } from 'zod';
import type { Locale } from '../../../../shared/roles.ts';
import { message } from '../../../platform/i18n.ts';
import { rowsBelow } from '../../../platform/spreadsheet/index.ts';
import { findHeader, statusOf, valuesOf, type Field } from './columns.ts';
import { resolveManagers } from './managers.ts';
import {
  MAX_IMPORT_ROWS, changedFields, factsOfExisting, type ExistingPerson, type ImportPlan, type PlannedFacts, type RowProblem, type UnitRef,
  type WorkRow,
} from './plan-types.ts';
import { fileProblem } from './read-table.ts';
import { unitResolver } from './units.ts';
import { readsAsOrganisation } from '../holder-names.ts';
import { giveWay, pacer } from '../../../platform/pace.ts';

/** A name as a key: lower case, runs of spaces as one. */
const nameKey = (s: string): string => s.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();

export interface PlanInput {
  mode: 'full' | 'partial';
  locale: Locale;
  people: ExistingPerson[];
  /** Active units only: people are not imported into inactive ones. */
  units: UnitRef[];
  /** The names of the (active) units and of the suppliers: a row with one of them is not a person. */
  orgNames?: readonly string[];
  /** May the importer manage people in this unit? */
  inScope: (unitId: string | null) => boolean;
  newId: () => string;
}

export interface PreviewRow {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  externalId: string | null;
  name: string | null;
  changes?: string[];
  errors?: Array<{ column: string; message: string }>;
}

/** Something the dry-run wants the importer to know about the plan as a whole. */
export interface PlanWarning {
  /** mark_left_withheld: full mode, but rows name units that were not found, so no one is marked left. */
  code: 'mark_left_withheld';
  message: string;
}

export interface PlanOutcome {
  plan: ImportPlan;
  rows: PreviewRow[];
  counts: { create: number; update: number; unchanged: number; error: number; markLeft: number };
  warnings: PlanWarning[];
}

const EMAIL = z.email();
const isEmail = (v: string) => EMAIL.safeParse(v).success;
const LIMITS: Partial<Record<Field, number>> = { externalId: 100, name: 200, email: 254, title: 200 };

/**
 * Turns the rows of an HR export into a plan, without touching the database: each row is matched to
 * a person (employee id, else e-mail), checked, and becomes a create, an update, unchanged or an
 * error; in full mode, people with an employee id who are missing from the file will be marked left,
 * unless a row names a unit that was not found (see `outcome`). Empty cells keep the current value. A
 * row with errors is skipped, never half-applied.
 */
export async function planImport(table: string[][], input: PlanInput): Promise<PlanOutcome> {
  const header = findHeader(table);
  if (!header) throw fileProblem('people.import.no_header');
  const cols = header.columns;
  const data = rowsBelow(table, header.index);
  if (data.length === 0) throw fileProblem('people.import.no_rows');
  if (data.length > MAX_IMPORT_ROWS) throw fileProblem('people.import.too_many_rows', { count: data.length, max: MAX_IMPORT_ROWS });

  const byExternalId = new Map(input.people.filter((p) => p.external_id).map((p) => [p.external_id!, p]));
  const byEmail = new Map(input.people.filter((p) => p.email).map((p) => [p.email!, p]));
  const resolveUnit = unitResolver(input.units, cols, input.locale);
  const seen = { externalId: new Map<string, number>(), email: new Map<string, number>(), person: new Map<string, number>() };
  const orgNames = new Set((input.orgNames ?? []).map(nameKey));
  const label = (f: Field, fallback?: Field) => cols[f]?.label ?? (fallback ? cols[fallback]?.label : undefined) ?? f;

  const planRow = ({ row, cells }: (typeof data)[number]): WorkRow => {
    const v = valuesOf(cells, cols);
    const problems: RowProblem[] = [];
    const problem = (column: string, key: RowProblem['key'], params?: RowProblem['params']) => problems.push({ column, key, ...(params ? { params } : {}) });
    for (const [f, max] of Object.entries(LIMITS) as Array<[Field, number]>) {
      if ((v[f]?.length ?? 0) > max) problem(label(f), 'people.import.too_long', { value: `${v[f]!.slice(0, 40)}…`, max });
    }
    const externalId = v.externalId || null;
    const name = v.name || [v.firstName, v.lastName].filter(Boolean).join(' ') || null;
    const email = v.email ? v.email.toLowerCase() : null;
    if (!name) problem(cols.name?.label ?? [cols.firstName?.label, cols.lastName?.label].join(', '), 'people.import.name_required');
    if (email && !isEmail(email)) problem(label('email'), 'people.import.invalid_email', { value: email });
    if (!externalId && !email) problem(label('externalId', 'email'), 'people.import.id_required');
    for (const [f, value] of [['externalId', externalId], ['email', email]] as const) {
      if (!value) continue;
      const first = seen[f].get(value);
      if (first !== undefined) problem(label(f), 'people.import.duplicate', { value, row: first });
      else seen[f].set(value, row);
    }

    let existing = externalId ? byExternalId.get(externalId) : undefined;
    if (!existing && email) {
      const owner = byEmail.get(email);
      if (owner && externalId && owner.external_id && owner.external_id !== externalId) {
        problem(label('email'), 'people.import.id_mismatch', { value: email, name: owner.name, other: owner.external_id });
      } else existing = owner;
    } else if (existing && email) {
      const owner = byEmail.get(email);
      if (owner && owner.id !== existing.id) problem(label('email'), 'people.import.email_taken', { value: email, name: owner.name });
    }
    if (existing) {
      const first = seen.person.get(existing.id);
      if (first !== undefined) problem(label('externalId', 'email'), 'people.import.same_person', { row: first });
      else seen.person.set(existing.id, row);
      if (!input.inScope(existing.home_unit_id)) problem(label('externalId', 'email'), 'people.import.person_out_of_scope');
    }

    // Never a person named as a unit or a supplier, or whose name reads as an organisation ("IT-enheten",
    // "CGI Sverige AB"): a person is created or renamed only with a name that could be a person's.
    if (name && (!existing || nameKey(existing.name) !== nameKey(name)) && (orgNames.has(nameKey(name)) || readsAsOrganisation(name))) {
      problem(cols.name?.label ?? [cols.firstName?.label, cols.lastName?.label].join(', '), 'people.import.name_is_organisation', { value: name });
    }

    const unit = resolveUnit(v);
    if ('problem' in unit) problems.push(unit.problem);
    else if (unit.id && !input.inScope(unit.id)) problem(unit.column, 'people.import.unit_out_of_scope', { value: unit.value });
    else if (!unit.id && !existing) problem(unit.column, 'people.import.unit_missing');

    let status: PlannedFacts['status'] = existing ? (existing.status === 'left' ? 'active' : existing.status) : 'active';
    if (v.status) {
      const s = statusOf(v.status);
      if (s) status = s;
      else problem(label('status'), 'people.import.invalid_status', { value: v.status });
    }
    return {
      row,
      values: v,
      key: existing?.id ?? input.newId(),
      existing,
      problems,
      unitUnresolved: 'problem' in unit,
      facts: {
        name: name ?? existing?.name ?? '',
        email: email ?? existing?.email ?? null,
        title: v.title || existing?.title || null,
        homeUnitId: ('id' in unit && unit.id) || existing?.home_unit_id || null,
        status,
        externalId: externalId ?? existing?.external_id ?? null,
      },
      managerId: existing?.manager_id ?? null,
    };
  };
  // 20,000 rows take a good part of a second: other requests are answered between stretches of 20 ms.
  const pace = pacer();
  const work: WorkRow[] = [];
  for (const d of data) {
    work.push(planRow(d));
    await pace();
  }
  await giveWay();
  resolveManagers(work, input.people, cols);
  await giveWay();
  return outcome(work, input);
}

function outcome(work: WorkRow[], input: PlanInput): PlanOutcome {
  const plan: ImportPlan = { mode: input.mode, creates: [], updates: [], unchanged: [], markLeft: [], errors: 0 };
  const rows: PreviewRow[] = [];
  const present = new Set<string>();
  for (const w of work) {
    if (w.existing) present.add(w.existing.id);
    const base = { row: w.row, externalId: w.values.externalId || null, name: w.facts.name || null };
    if (w.problems.length) {
      plan.errors++;
      rows.push({ ...base, action: 'error', errors: w.problems.map((p) => ({ column: p.column, message: message(input.locale, p.key, p.params) })) });
      continue;
    }
    const after: PlannedFacts = { ...w.facts, managerId: w.managerId };
    if (!w.existing) {
      plan.creates.push({ row: w.row, id: w.key, facts: after });
      rows.push({ ...base, action: 'create' });
      continue;
    }
    const before = factsOfExisting(w.existing);
    const changes = changedFields(before, after);
    if (changes.length) {
      plan.updates.push({ row: w.row, id: w.key, version: w.existing.version, before, after });
      rows.push({ ...base, action: 'update', changes });
    } else {
      plan.unchanged.push({ id: w.key, version: w.existing.version });
      rows.push({ ...base, action: 'unchanged' });
    }
  }
  const warnings: PlanWarning[] = [];
  if (input.mode === 'full') {
    const missing = input.people.filter((p) => p.external_id && p.status !== 'left' && !present.has(p.id) && input.inScope(p.home_unit_id));
    // A row whose unit was not found cannot say whose unit the file covers (nor whether its person is
    // one of the missing): marking anyone left would be a guess, so no one is.
    const unresolved = work.filter((w) => w.unitUnresolved).map((w) => w.row);
    if (unresolved.length) warnings.push(markLeftWithheld(input.locale, unresolved, missing.length));
    else for (const p of missing) plan.markLeft.push({ id: p.id, version: p.version, name: p.name, before: factsOfExisting(p) });
  }
  const counts = { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged.length, error: plan.errors, markLeft: plan.markLeft.length };
  return { plan, rows, counts, warnings };
}

const SHOWN_ROWS = 10;

function markLeftWithheld(locale: Locale, rows: number[], missing: number): PlanWarning {
  const shown = rows.slice(0, SHOWN_ROWS).join(', ') + (rows.length > SHOWN_ROWS ? ', …' : '');
  return { code: 'mark_left_withheld', message: message(locale, 'people.import.mark_left_withheld', { rows: shown, count: missing }) };
}
