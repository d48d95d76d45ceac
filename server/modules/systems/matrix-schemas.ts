import { z } from 'zod';
import { optionalFlag } from '../../platform/http/schemas.ts';
import { textSchema } from '../../policy/schema.ts';
import { MATRIX_CELL_STATUSES } from '../../../shared/policy.ts';
import { responsibilitySchema } from '../policy/index.ts';
import { systemsQuery } from './schemas.ts';

/** The matrix across systems: the list's filters, at most 100 systems a page (each is evaluated by the engine). */
export const matrixQuery = systemsQuery.omit({ holders: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Systems per page, at most 100'),
  area: z
    .string()
    .trim()
    .max(1000)
    .regex(/^([a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*)?$/)
    .optional()
    .describe('Only these areas of the policy as columns: area keys, comma-separated (an unknown key is 400); default every area with a rule per system'),
  gaps: optionalFlag.describe(
    'true: only systems with a gap (a cell vacant or missing) among the columns shown; false: only systems without. The total is then not counted (null)',
  ),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

const areaColumn = z.object({
  key: z.string(),
  title: textSchema,
  text: textSchema.describe('What the policy says about the area, in its own words'),
});

export const matrixCellSchema = z.object({
  area: z.string(),
  status: z
    .enum(MATRIX_CELL_STATUSES)
    .describe(
      'held: every responsibility of the area has someone; vacant: a role the policy names has no holder; missing: a rule finds nobody (e.g. no IT unit, or no rule fits the facts); not_applicable: no responsibility per system',
    ),
  responsibilities: z.array(responsibilitySchema),
});

export const matrixSchema = z
  .object({
    pack: z.object({ id: z.string(), version: z.string(), title: textSchema.describe("The policy's title, for the page") }),
    areas: z.array(areaColumn).describe('The columns: the policy’s areas in order (those asked for in `area`, else those with a rule per system)'),
    availableAreas: z.array(areaColumn.pick({ key: true, title: true })).describe('Every area the `area` filter offers, in the policy’s order'),
    items: z.array(
      z.object({
        system: z.object({
          id: z.string(),
          registerNo: z.string(),
          name: z.string(),
          owningUnit: z.object({ id: z.string(), name: z.string() }),
          forvaltning: z
            .object({ id: z.string(), name: z.string() })
            .nullable()
            .describe('The förvaltning of the owning unit (the unit itself or the nearest above it), for grouping; null outside any förvaltning'),
        }),
        cells: z.array(matrixCellSchema).describe('One per column, in the order of `areas`'),
        gaps: z.number().int().describe('Cells vacant or missing'),
        findings: z.number().int().describe('Findings of the engine for this system'),
      }),
    ),
    total: z
      .number()
      .int()
      .nullable()
      .describe('Systems the filters let through, on the first page (no cursor) without `gaps`; null otherwise (counting gaps would evaluate every system)'),
    nextCursor: z
      .string()
      .nullable()
      .describe('With `gaps`, a page may hold fewer systems than `limit` (at most 1,000 systems are read per page) and still continue'),
  })
  .meta({ id: 'ResponsibilityMatrix' });
export type Matrix = z.infer<typeof matrixSchema>;
export type MatrixCell = z.infer<typeof matrixCellSchema>;
