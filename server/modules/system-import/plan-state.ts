import type { HolderKind } from '../../../shared/policy.ts';
import type { ClassificationSpec } from '../../policy/classification-schema.ts';
import type { KrtLevels } from '../../policy/krt.ts';
import type { ImportDraftAction, ImportTarget } from '../classifications/index.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { HolderMapping, HolderReason } from './holders.ts';
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
  /** Who may hold it (the pack's holderKinds): a person, an org unit, a supplier. */
  holderKinds: readonly HolderKind[];
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
  /** How the caller says names in role cells are to be read (the request's holderMappings). */
  holderMappings: HolderMapping[];
  /** The policy's classification section (its scale decides which K/R/T levels are read). */
  classification: ClassificationSpec;
  /**
   * The classifications of these existing systems (what a K/R/T draft meets): called once, for the matched
   * systems whose rows state K/R/T.
   */
  classificationTargets: (systemIds: string[]) => Promise<Map<string, ImportTarget>>;
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

/**
 * A holder a role cell names, resolved: a person (new ones by missingKey), an org unit or a supplier (a new
 * supplier of the file is created by the import when a system that is imported uses it).
 */
export type HolderPick = { kind: HolderKind; id: string; isNew: boolean; missingKey?: string };

/** A row after matching: its system (existing or new), its units and the people its role cells name. */
export interface WorkRow extends ParsedRow {
  existing: ExistingSystem | undefined;
  key: string;
  ownUnit: UnitPick | null;
  usingUnits: UnitPick[];
  /**
   * Per role: the holders named, or null when the cell cannot change the role (a name that is unknown, has
   * left, reads as an organisation nothing matches, or is of a kind the role does not allow).
   */
  holders: Partial<Record<RoleField, HolderPick[] | null>>;
}

export interface PlanState {
  input: PlanInput;
  missingUnits: Map<string, Missing>;
  missingPeople: Map<string, Missing>;
  /** What each name of a role cell became and why, by name and outcome (the dry-run's unknownHolders). */
  holderReadings: Map<string, HolderReading>;
  unitNames: Map<string, string>;
  /** Suppliers by name key: the registered ones, and those the file adds (created once). */
  suppliers: Map<string, SupplierPick>;
  /** The kommun new förvaltningar go below: the one root of the units the file names, else the installation's kommun. */
  rootId: string | null;
  /** Agreement titles in the caller's language (the message templates read once, not per row). */
  titles: { withSupplier: (system: string, supplier: string) => string; withoutSupplier: (system: string) => string };
  /** The classifications of the matched existing systems whose rows state K/R/T (loaded once, before the groups are planned). */
  classificationTargets: Map<string, ImportTarget>;
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
  /** The draft classification the rows' K/R/T gives (null: no row states a K/R/T that reads). */
  classification: ClassificationOp | null;
  /** Names of the units that use it besides the owner (for the dry-run's "used by several"). */
  usedBy: string[];
}

/** K/R/T of a system's rows as a draft classification: what apply does with it, and the row whose K/R/T is used. */
export interface ClassificationOp {
  levels: KrtLevels;
  reference: string;
  action: ImportDraftAction;
  row: WorkRow;
}

/** The role assignments a system's rows start and end. */
export interface RoleOps {
  starts: Array<{ roleKey: string; holder: HolderPick }>;
  ends: Array<{ assignmentId: string; roleKey: string; kind: HolderKind; holderId: string; validFrom: string }>;
}

/** One name of role cells and what it became (a person, a new person, a unit, a supplier, or no holder) and why. */
export interface HolderReading {
  text: string;
  became: 'person' | 'new_person' | 'unit' | 'supplier' | 'vacant';
  /** The holder's name (the unit's, the supplier's, the person's); null when vacant. */
  holder: string | null;
  reason: HolderReason;
  /** The reason as the dry-run says it, in the caller's language. */
  reasonText: string;
  /** Role names (in the caller's language) the name was given for. */
  roles: Set<string>;
  refs: Array<{ sheet: string | null; row: number; cell: string | null }>;
  count: number;
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
