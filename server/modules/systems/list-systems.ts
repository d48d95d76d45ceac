import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import { coversSubtreeOf } from '../../platform/access/reach.ts';
import { settled } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { getActivePack } from '../policy/index.ts';
import { visibilityOf, type Caller } from './access.ts';
import { cadenceOf, holdersBySystem, presentSummary, type SystemSummary } from './present.ts';
import {
  currentHolders,
  countSystems,
  listSystemSummaries,
  sortValueOf,
  type SystemFilter,
  type SystemSummaryRow,
} from './repository.ts';
import { SORTS, type SystemsQuery } from './schemas.ts';
import type { Visibility } from './visibility.ts';

/** A position in one order: the sort and direction it was made for, the last row's sort value and id. */
const cursorSchema = z.object({ s: z.enum(SORTS), d: z.enum(['asc', 'desc']), v: z.union([z.string(), z.number()]), id: z.string() });

/** The cursor's position, refused (400) when it was made for another sort or direction: its value would not fit the key. */
export function positionOf(q: Pick<SystemsQuery, 'cursor' | 'sort' | 'dir'>): { v: string | number; id: string } | undefined {
  const after = decodeCursor(q.cursor, cursorSchema);
  if (!after) return undefined;
  const valueType = q.sort === 'registerNo' ? 'number' : 'string';
  if (after.s !== q.sort || after.d !== q.dir || typeof after.v !== valueType) {
    throw new AppError('validation_failed', { fields: [{ path: 'cursor', key: 'field.invalid' }] });
  }
  return { v: after.v, id: after.id };
}

/** The cursor that continues after `last` in this order. */
export const cursorAfter = (q: Pick<SystemsQuery, 'sort' | 'dir'>, last: SystemSummaryRow): string =>
  encodeCursor({ s: q.sort, d: q.dir, v: sortValueOf(q.sort, last), id: last.id });

/**
 * The list's filters, search, sort and position as the repository takes them (list, matrix and export).
 * Filtering on findings first waits for them to catch up with the changes committed so far; a unit filter asks
 * whether the caller's reach covers the unit's whole subtree (partsOf then leaves the visibility rule out).
 */
export async function filterOf(
  ctx: Ctx,
  q: Omit<SystemsQuery, 'limit' | 'cursor'>,
  visibility: Visibility,
  after?: SystemFilter['after'],
): Promise<SystemFilter> {
  const [unitInReach] = await Promise.all([
    q.unitId !== undefined && coversSubtreeOf(ctx.db, visibility.reach, q.unitId),
    q.withFindings !== undefined && settled(ctx.db),
  ]);
  return {
    visibility,
    q: q.q || undefined,
    unitId: q.unitId,
    unitInReach,
    lifecycle: q.lifecycle,
    hosting: q.hosting,
    criticality: q.criticality,
    samhallsviktig: q.samhallsviktig,
    kommungemensamt: q.kommungemensamt,
    withFindings: q.withFindings,
    sort: q.sort,
    dir: q.dir,
    after,
  };
}

/** The roles whose holders the summaries carry: none unless asked (they cost as much as the rest of a page). */
const holderRolesOf = (holders: string | undefined): string[] | undefined =>
  holders === 'all' ? undefined : holders ? [...new Set(holders.split(','))] : [];

/**
 * The register as the caller may see it, filtered, searched and sorted, keyset-paginated on
 * (sort key, id). Systems the caller may not see are left out without a trace.
 */
export async function listSystemsPage(
  ctx: Ctx,
  auth: Caller,
  q: SystemsQuery,
): Promise<{ items: SystemSummary[]; nextCursor: string | null; total: number | null }> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = positionOf(q);
  const visibility = await visibilityOf(ctx, auth);
  const filter = await filterOf(ctx, q, visibility, after);
  const { rows, hasMore } = await listSystemSummaries(ctx, filter, q.limit);
  const [{ pack }, total, holderRows] = await Promise.all([
    getActivePack(ctx),
    // The total once, on the first page: the list says "50 av 87 system visas".
    after ? Promise.resolve(null) : countSystems(ctx, filter),
    currentHolders(
      ctx.db,
      rows.map((r) => r.id),
      visibility.today,
      holderRolesOf(q.holders),
    ),
  ]);
  const holders = holdersBySystem(holderRows);
  const cadence = cadenceOf(pack);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentSummary(r, holders.get(r.id) ?? [], cadence)),
    nextCursor: hasMore && last ? cursorAfter(q, last) : null,
    total,
  };
}
