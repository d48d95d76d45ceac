import type { Locale } from '../../../shared/roles.ts';
import type { Lifecycle, SystemFactsInput } from '../systems/index.ts';
import type { RoleField } from './fields.ts';
import { messageAt, type ParsedRow, type Stated } from './parse-row.ts';
import type { ExistingSystem, PersonRef, SupplierRef, UnitRef } from './plan-types.ts';

/**
 * What the register import's planners share: the planner's input and state, a row after matching, a
 * system of the file (Group) and what applying does to it. plan.ts runs the planners (plan-group.ts,
 * plan-links.ts, plan-output.ts); they import from here, never from plan.ts or from each other in a circle.
 */

export interface RoleInfo {
  name: string;
  maxHolders: number | null;
  /** The pack allows the role on systems. */
  forSystems: boolean;
}

export interface PlanInput {
  locale: Locale;
  createMissing: boolean;
  units: UnitRef[];
  /** The kommun new förvaltningar go below when the file's known units do not name one. */
  rootId: string | null;
  people: PersonRef[];
  systems: ExistingSystem[];
  suppliers: SupplierRef[];
  roles: Map<string, RoleInfo>;
  /** systems:write reaches the (existing) unit. */
  canWrite: (unitId: string) => boolean;
  /** systems:write would reach a new förvaltning below this root. */
  canWriteNew: (rootId: string) => boolean;
  /** org:manage at this root: new förvaltningar may be added below it. */
  canCreateUnits: (rootId: string) => boolean;
  /** org:manage reaches the unit (null: a new förvaltning below the root): people may be added there. */
  canAddPeople: (unitId: string | null, rootId: string | null) => boolean;
  newId: () => string;
}

/** Something the file names that Ansvar does not know; created on apply when createMissing allows it. */
export interface Missing {
  id: string;
  name: string;
  email: string | null;
  refs: Array<{ sheet: string | null; row: number; cell: string | null }>;
  /** Planned for creation (createMissing and permission); set once a system that needs it is imported. */
  creatable: boolean;
  used: boolean;
  homeUnitId: string | null;
}

/** A unit a row names: an existing one or one to be created. */
export interface UnitPick {
  id: string;
  name: string;
  isNew: boolean;
}

/** A person a role cell names, resolved. */
export type PersonPick = { id: string; isNew: boolean; missingKey?: string };

/** A row after matching: its system (existing or new), its units and the people its role cells name. */
export interface WorkRow extends ParsedRow {
  existing: ExistingSystem | undefined;
  key: string;
  ownUnit: UnitPick | null;
  usingUnits: UnitPick[];
  /** Per role: the people named, or null when the cell cannot change the role (unknown or left people). */
  people: Partial<Record<RoleField, PersonPick[] | null>>;
}

export interface PlanState {
  input: PlanInput;
  missingUnits: Map<string, Missing>;
  missingPeople: Map<string, Missing>;
  unitNames: Map<string, string>;
  /** Suppliers by name key: the registered ones, and those the file adds (created once). */
  suppliers: Map<string, SupplierPick>;
  /** The kommun new förvaltningar go below: the one root of the units the file names, else the installation's kommun. */
  rootId: string | null;
  /** Agreement titles in the caller's language (the message templates read once, not per row). */
  titles: { withSupplier: (system: string, supplier: string) => string; withoutSupplier: (system: string) => string };
}

/** One system of the file: the rows that name it, merged, and what applying does to it. */
export interface Group {
  rows: WorkRow[];
  id: string;
  existing: ExistingSystem | undefined;
  action: 'create' | 'update' | 'unchanged' | 'error';
  facts: SystemFactsInput;
  before: SystemFactsInput | null;
  lifecycle: Lifecycle;
  lifecycleChange: { from: Lifecycle; to: Lifecycle } | null;
  /** Changed fields (as in System), plus roles.<key> and agreement. */
  changes: string[];
  roles: RoleOps;
  agreement: AgreementOp | null;
  /** Names of the units that use it besides the owner (for the dry-run's "used by several"). */
  usedBy: string[];
}

/** The role assignments a system's rows start and end. */
export interface RoleOps {
  starts: Array<{ roleKey: string; person: PersonPick }>;
  ends: Array<{ assignmentId: string; roleKey: string; personId: string; validFrom: string }>;
}

export interface SupplierPick {
  id: string;
  name: string;
  isNew: boolean;
}

export type AgreementOp =
  | { create: { supplier: SupplierPick | null; endDate: string | null; title: string; kind: string } }
  | { update: { id: string; version: number; before: string | null; after: string } };

/** The sheet part of "row 4 on the sheet Soc" (empty for CSV). */
export const at = (w: WorkRow) => ({ row: w.src.row, sheet: w.src.sheet ?? '' });

/**
 * The first row that states a value wins (the owner's row first); a later row stating something else
 * gets a remark naming the row whose value is used.
 */
export function firstStated<T>(
  rows: WorkRow[],
  get: (w: WorkRow) => Stated<T> | null | undefined,
  keyOf: (v: T) => string = (v) => JSON.stringify(v),
): Stated<T> | null {
  let first: { s: Stated<T>; w: WorkRow } | null = null;
  for (const w of rows) {
    const s = get(w);
    if (!s) continue;
    if (!first) first = { s, w };
    else if (keyOf(s.value) !== keyOf(first.s.value)) w.notes.push(messageAt(s.cell, 'systemImport.row.differs', at(first.w)));
  }
  return first?.s ?? null;
}
