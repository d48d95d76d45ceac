import { message, type MessageKey } from '../../platform/i18n.ts';
import { formatRegisterNo, type Lifecycle } from '../systems/index.ts';
import type { Field } from './fields.ts';
import type { Group, HolderReading, PlanState, WorkRow } from './plan-state.ts';
import { fingerprintOf, type ClassificationCounts, type ImportPlan, type RowMessage } from './plan-types.ts';
import type { SheetSummary, SourceTable } from './rows.ts';

export interface PreviewMessage {
  cell: string | null;
  column: string | null;
  message: string;
}

export interface PreviewRow {
  sheet: string | null;
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  registerNo: string | null;
  name: string | null;
  unit: string | null;
  /** What the row's K/R/T does to the system's classification (null: the row gives none, or is not imported). */
  classification: 'create' | 'update' | 'unchanged' | 'in_progress' | null;
  changes?: string[];
  errors?: PreviewMessage[];
  notes?: PreviewMessage[];
}

type Ref = { sheet: string | null; row: number; cell: string | null };

export interface PlanOutcome {
  plan: ImportPlan;
  rows: PreviewRow[];
  unknownUnits: Array<{ name: string; create: boolean; rows: Ref[] }>;
  unknownPeople: Array<{ name: string; email: string | null; create: boolean; rows: Ref[] }>;
  unknownHolders: Array<{ text: string; became: HolderReading['became']; holder: string | null; reason: string; roles: string[]; count: number; rows: Ref[] }>;
  shared: Array<{ name: string; owner: string; usedBy: string[]; rows: Ref[] }>;
  sheets: SheetSummary[];
  notices: string[];
}

/** The plan apply runs, and the dry-run as the caller sees it: per row, per unknown unit and person, per file. */
export function outcomeOf(work: WorkRow[], groups: Group[], state: PlanState, table: SourceTable): PlanOutcome {
  const { input } = state;
  const ok = groups.filter((g) => g.action !== 'error');
  const newUnit = (id: string) => [...state.missingUnits.values()].find((m) => m.id === id);
  for (const g of ok) {
    for (const id of [g.facts.owningUnitId, ...g.facts.usingUnitIds]) {
      const m = newUnit(id);
      if (m) m.used = true;
    }
    for (const s of g.roles.starts) {
      const m = s.holder.missingKey ? state.missingPeople.get(s.holder.missingKey) : undefined;
      if (m) {
        m.used = true;
        m.homeUnitId ??= g.facts.owningUnitId;
      }
    }
  }
  // New people are announced where they are named, once it is known that a system imported gives them a role.
  for (const w of work) {
    for (const [f, picks] of Object.entries(w.holders)) {
      for (const p of picks ?? []) {
        const m = p.missingKey ? state.missingPeople.get(p.missingKey) : undefined;
        const cell = w.roles[f as keyof typeof w.roles]?.cell ?? null;
        if (m?.used && m.creatable && !w.errors.length) w.notes.push({ cell: cell?.ref ?? null, column: cell?.column ?? null, key: 'systemImport.row.new_person', params: { value: m.name } });
      }
    }
  }
  const classified = ok.flatMap((g) => (g.classification ? [{ g, op: g.classification }] : []));
  const drafts = classified.filter((c) => c.op.action === 'create' || c.op.action === 'update');
  const classificationCounts: ClassificationCounts = {
    create: classified.filter((c) => c.op.action === 'create').length,
    update: classified.filter((c) => c.op.action === 'update').length,
    unchanged: classified.filter((c) => c.op.action === 'unchanged').length,
    inProgress: classified.filter((c) => c.op.action === 'in_progress').length,
  };
  const suppliersUsed = new Set(ok.flatMap((g) => (g.agreement && 'create' in g.agreement && g.agreement.create.supplier?.isNew ? [g.agreement.create.supplier.id] : [])));
  // A supplier the file adds and names as a holder ("Leverantör", its name) is created too.
  for (const g of ok) for (const s of g.roles.starts) if (s.holder.kind === 'supplier' && s.holder.isNew) suppliersUsed.add(s.holder.id);
  const plan: ImportPlan = {
    createMissing: input.createMissing,
    units: [...state.missingUnits.values()].filter((m) => m.used && m.creatable).map((m) => ({ id: m.id, name: m.name, parentId: state.rootId! })),
    people: [...state.missingPeople.values()]
      .filter((m) => m.used && m.creatable)
      .map((m) => ({ id: m.id, name: m.name, email: m.email, homeUnitId: m.homeUnitId! })),
    creates: ok.filter((g) => g.action === 'create').map((g) => ({ id: g.id, lifecycle: g.lifecycle, facts: g.facts })),
    updates: ok
      .filter((g) => g.action === 'update' && g.changes.some((c) => !ROLE_CHANGES.has(c)))
      .map((g) => ({ id: g.id, registerNo: g.existing!.registerNo, version: g.existing!.version, before: g.before!, after: g.facts, lifecycle: g.lifecycleChange })),
    checks: ok.filter((g) => g.existing).map((g) => ({ id: g.id, fingerprint: fingerprintOf(g.existing!) })),
    roleEnds: ok.flatMap((g) => g.roles.ends.map((e) => ({ id: e.assignmentId, roleKey: e.roleKey, systemId: g.id, principalKind: e.kind, principalId: e.holderId, validFrom: e.validFrom }))),
    roleStarts: ok.flatMap((g) => g.roles.starts.map((s) => ({ id: input.newId(), roleKey: s.roleKey, systemId: g.id, principalKind: s.holder.kind, principalId: s.holder.id }))),
    suppliers: [...state.suppliers.values()].filter((s) => suppliersUsed.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    agreementCreates: ok.flatMap((g) =>
      g.agreement && 'create' in g.agreement
        ? [{ id: input.newId(), systemId: g.id, supplierId: g.agreement.create.supplier?.id ?? null, kind: g.agreement.create.kind, title: g.agreement.create.title, endDate: g.agreement.create.endDate }]
        : [],
    ),
    agreementUpdates: ok.flatMap((g) => (g.agreement && 'update' in g.agreement ? [g.agreement.update] : [])),
    classifications: drafts.map(({ g, op }) => ({ systemId: g.id, levels: op.levels, reference: op.reference, action: op.action as 'create' | 'update' })),
    owners: [],
    counts: {
      create: ok.filter((g) => g.action === 'create').length,
      update: ok.filter((g) => g.action === 'update').length,
      unchanged: ok.filter((g) => g.action === 'unchanged').length,
      error: work.filter((w) => w.errors.length).length,
    },
    classificationCounts,
  };
  plan.owners = [
    ...new Set([
      ...ok.filter((g) => g.action !== 'unchanged').map((g) => g.facts.owningUnitId),
      ...drafts.map(({ g }) => g.facts.owningUnitId),
      ...plan.people.map((p) => p.homeUnitId),
    ]),
  ].filter((id) => !plan.units.some((u) => u.id === id));

  const groupOf = new Map<WorkRow, Group>();
  for (const g of groups) for (const w of g.rows) groupOf.set(w, g);
  const render = (m: RowMessage): PreviewMessage => ({ cell: m.cell, column: m.column, message: text(state, m.key, m.params) });
  const rows: PreviewRow[] = work.map((w) => {
    const g = groupOf.get(w);
    const first = g?.rows[0] === w;
    const existing = g?.existing ?? w.existing;
    const unitId = g?.facts.owningUnitId ?? w.existing?.ownerId ?? w.ownUnit?.id;
    return {
      sheet: w.src.sheet,
      row: w.src.row,
      action: w.errors.length || !g ? 'error' : g.action,
      registerNo: existing ? formatRegisterNo(existing.registerNo) : null,
      name: g?.facts.name ?? w.name?.value ?? w.existing?.name ?? null,
      unit: unitId ? (state.unitNames.get(unitId) ?? null) : (w.unit?.value ?? null),
      classification: !w.errors.length && g?.classification?.row === w ? g.classification.action : null,
      ...(first && g.action === 'update' ? { changes: g.changes } : {}),
      ...(w.errors.length ? { errors: w.errors.map(render) } : {}),
      ...(w.notes.length ? { notes: w.notes.map(render) } : {}),
    };
  });

  const refs = (list: Ref[]) => list.slice(0, 50);
  return {
    plan,
    rows,
    unknownUnits: [...state.missingUnits.values()].map((m) => ({ name: m.name, create: m.used && m.creatable, rows: refs(m.refs) })),
    unknownPeople: [...state.missingPeople.values()].map((m) => ({ name: m.name, email: m.email, create: m.used && m.creatable, rows: refs(m.refs) })),
    unknownHolders: holderList(state),
    shared: ok
      .filter((g) => g.rows.length > 1)
      .map((g) => ({
        name: g.facts.name,
        owner: state.unitNames.get(g.facts.owningUnitId) ?? '',
        usedBy: g.usedBy,
        rows: refs(g.rows.map((w) => ({ sheet: w.src.sheet, row: w.src.row, cell: null }))),
      })),
    sheets: table.sheets,
    notices: noticesOf(table, plan, state),
  };
}

const BECAME_ORDER: Record<HolderReading['became'], number> = { vacant: 0, new_person: 1, unit: 2, supplier: 3, person: 4 };

/**
 * What each name of the role cells became and why, those needing attention first: no holder, new people,
 * units, suppliers, people by the caller's mapping. A person matched plainly by name or e-mail is not listed.
 */
function holderList(state: PlanState): PlanOutcome['unknownHolders'] {
  return [...state.holderReadings.values()]
    .sort((a, b) => BECAME_ORDER[a.became] - BECAME_ORDER[b.became] || b.count - a.count || a.text.localeCompare(b.text, 'sv'))
    .map((r) => ({ text: r.text, became: r.became, holder: r.holder, reason: r.reasonText, roles: [...r.roles], count: r.count, rows: r.refs }));
}

const ROLE_CHANGES = new Set(['owner', 'manager', 'operations', 'agreement']);

/** A message with its parameters made readable: "row 4 on the sheet Soc", lifecycle names in the caller's language. */
function text(state: PlanState, key: MessageKey, params?: Record<string, string | number>): string {
  const locale = state.input.locale;
  if (!params) return message(locale, key);
  const p = { ...params };
  if ('sheet' in p) p.sheet = p.sheet ? message(locale, 'systemImport.sheet.prefix', { sheet: p.sheet }) : '';
  for (const k of ['from', 'to'] as const) if (k in p) p[k] = message(locale, `systems.lifecycle.${p[k] as Lifecycle}`);
  return message(locale, key, p);
}

const KRT: Field[] = ['classification', 'confidentiality', 'integrity', 'availability', 'traceability'];

function noticesOf(table: SourceTable, plan: ImportPlan, state: PlanState): string[] {
  const locale = state.input.locale;
  const out: string[] = [];
  const say = (key: MessageKey, params?: Record<string, string | number>) => out.push(message(locale, key, params));
  if (!table.present.has('lifecycle') && plan.counts.create) say('systemImport.notice.no_lifecycle');
  if (!table.present.has('kind') && plan.counts.create) say('systemImport.notice.default_kind');
  if (KRT.some((f) => table.present.has(f))) say('systemImport.notice.krt_drafts');
  if (table.present.has('supplier') || table.present.has('agreementEnd')) say('systemImport.notice.agreements');
  for (const s of table.sheets) {
    const sheet = s.name ?? '';
    if (s.headerRow === null) say('systemImport.notice.sheet_skipped', { sheet });
    else if (s.unitGiven) say('systemImport.notice.sheet_unit_given', { sheet, name: s.unitGiven });
    else if (s.fullName) say('systemImport.notice.sheet_name_full', { sheet, name: s.fullName });
    else if (s.nameCut) say('systemImport.notice.sheet_name_cut', { sheet });
    else if (s.unitFromName) say('systemImport.notice.unit_from_sheet', { sheet });
    if (s.notes) say('systemImport.notice.notes_skipped', { count: s.notes, sheet: sheet || 'CSV' });
  }
  return out;
}
