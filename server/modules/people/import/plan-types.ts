import { z } from 'zod';
import type { MessageKey } from '../../../platform/i18n.ts';
import { IMPORT_MODES, PERSON_STATUSES } from '../schemas.ts';
import type { RowValues } from './columns.ts';

/** At most this many data rows per file (a 400 beyond). */
export const MAX_IMPORT_ROWS = 20_000;
/** A dry-run's plan can be applied for this long. */
export const IMPORT_TTL_MS = 3_600_000;

/**
 * The plan a dry-run stores (people_imports.plan_json) and apply runs as it is. Facts leave out leftAt:
 * apply sets it from its own clock. Each matched person carries the version the dry-run saw, so apply
 * refuses when anyone changed them since.
 */
const facts = z.object({
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  homeUnitId: z.string().nullable(),
  managerId: z.string().nullable(),
  status: z.enum(PERSON_STATUSES),
  externalId: z.string().nullable(),
});
export type PlannedFacts = z.infer<typeof facts>;

export const planSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  creates: z.array(z.object({ row: z.number(), id: z.string(), facts })),
  updates: z.array(z.object({ row: z.number(), id: z.string(), version: z.number(), before: facts, after: facts })),
  unchanged: z.array(z.object({ id: z.string(), version: z.number() })),
  markLeft: z.array(z.object({ id: z.string(), version: z.number(), name: z.string(), before: facts })),
  errors: z.number().int(),
});
export type ImportPlan = z.infer<typeof planSchema>;

/** A person as the planner sees them (one query loads them all). */
export interface ExistingPerson {
  id: string;
  name: string;
  name_search: string;
  email: string | null;
  external_id: string | null;
  title: string | null;
  home_unit_id: string | null;
  manager_id: string | null;
  status: 'active' | 'disabled' | 'left';
  version: number;
}

export interface UnitRef {
  id: string;
  name: string;
  code: string | null;
  external_id: string | null;
}

export interface RowProblem {
  column: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** One data row while it is being planned. */
export interface WorkRow {
  row: number;
  values: RowValues;
  /** The person's id: the matched person's, or a new one. */
  key: string;
  existing: ExistingPerson | undefined;
  problems: RowProblem[];
  /** The row names a unit that was not found (unknown or ambiguous): full mode then marks no one left. */
  unitUnresolved: boolean;
  /** Everything but the manager, which the second pass resolves. */
  facts: Omit<PlannedFacts, 'managerId'>;
  managerId: string | null;
}

export const factsOfExisting = (p: ExistingPerson): PlannedFacts => ({
  name: p.name,
  email: p.email,
  title: p.title,
  homeUnitId: p.home_unit_id,
  managerId: p.manager_id,
  status: p.status,
  externalId: p.external_id,
});

/** Changed fields, named as in Person (homeUnit, manager) for the preview. */
export function changedFields(before: PlannedFacts, after: PlannedFacts): string[] {
  const names: Record<keyof PlannedFacts, string> = {
    name: 'name', email: 'email', title: 'title', homeUnitId: 'homeUnit', managerId: 'manager', status: 'status', externalId: 'externalId',
  };
  return (Object.keys(names) as Array<keyof PlannedFacts>).filter((k) => before[k] !== after[k]).map((k) => names[k]);
}
