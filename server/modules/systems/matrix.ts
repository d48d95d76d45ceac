import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { responsibilitySchema, systemsResponsibilities } from '../policy/index.ts';
import { textSchema } from '../../policy/schema.ts';
import { visibilityOf, type Caller } from './access.ts';
import { systemFactOf } from './get-responsibilities.ts';
import { formatRegisterNo } from './model.ts';
import { cursorAfter, filterOf, positionOf } from './list-systems.ts';
import { listSystems } from './repository.ts';
import { systemsQuery } from './schemas.ts';

/** The matrix across systems: the list's filters, at most 100 systems a page (each is evaluated by the engine). */
export const matrixQuery = systemsQuery.omit({ holders: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Systems per page, at most 100'),
});

export const matrixSchema = z
  .object({
    pack: z.object({ id: z.string(), version: z.string() }),
    areas: z.array(z.object({ key: z.string(), title: textSchema })).describe('The columns: the policy’s areas in order'),
    items: z.array(
      z.object({
        system: z.object({ id: z.string(), registerNo: z.string(), name: z.string(), owningUnit: z.object({ id: z.string(), name: z.string() }) }),
        cells: z.array(z.object({ area: z.string(), responsibilities: z.array(responsibilitySchema) })),
        findings: z.number().int().describe('Findings of the engine for this system'),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ResponsibilityMatrix' });

/** Rows: systems (as the list filters and sorts them); columns: the areas; cells: who is responsible, by which rule. */
export async function responsibilityMatrix(ctx: Ctx, auth: Caller, q: z.infer<typeof matrixQuery>): Promise<z.infer<typeof matrixSchema>> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = positionOf(q);
  const { rows, hasMore } = await listSystems(ctx, await filterOf(ctx, q, await visibilityOf(ctx, auth), after), q.limit);
  const { pack, results } = await systemsResponsibilities(ctx, rows.map(systemFactOf));
  const areas = [...new Map(results.flatMap((r) => r.areas.map((a) => [a.area, { key: a.area, title: a.title }] as const))).values()];
  const last = rows[rows.length - 1];
  return {
    pack,
    areas,
    items: rows.map((r, i) => ({
      system: { id: r.id, registerNo: formatRegisterNo(r.register_no), name: r.name, owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name } },
      cells: results[i]!.areas.map((a) => ({ area: a.area, responsibilities: a.responsibilities })),
      findings: results[i]!.findings.length,
    })),
    nextCursor: hasMore && last ? cursorAfter(q, last) : null,
  };
}
