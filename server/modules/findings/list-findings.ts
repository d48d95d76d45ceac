import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import { reachOf } from '../../platform/access/reach.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { presentFinding } from './present.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { visibilityOf, withoutHiddenSystems } from '../systems/index.ts';
import { settled } from '../../platform/changes.ts';
import { countFindings, listFindings, type FindingFilter } from './repository.ts';
import type { FindingsQuery } from './schemas.ts';

const cursorSchema = z.object({ r: z.number().int(), o: z.string(), id: z.string() });

/**
 * Findings the caller may see — on systems they may see, on units their grants reach; findings on the
 * installation as a whole only with an installation-wide grant — worst first, keyset-paginated. Brought
 * up to date with every committed change first.
 */
export async function listFindingsPage(ctx: Ctx, auth: Auth, q: FindingsQuery) {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, cursorSchema);
  // Findings as of the caller's last write.
  const filter = await filterOf(ctx, auth, q);
  const [{ rows, hasMore }, total] = await Promise.all([
    listFindings(ctx.db, { ...filter, after }, q.limit),
    // The total once, on the first page: the page says "50 of 87".
    after ? Promise.resolve(null) : countFindings(ctx.db, filter),
  ]);
  const last = rows[rows.length - 1];
  const shown = await withoutHiddenSystems(ctx, auth, rows);
  return {
    items: shown.map((r) => presentFinding(r, ctx.locale, todayOf(ctx))),
    nextCursor: hasMore && last ? encodeCursor({ r: last.severity_rank, o: last.opened_at, id: last.id }) : null,
    total,
  };
}

export type FilterQuery = Partial<Omit<FindingsQuery, 'limit' | 'cursor' | 'status'>> & Pick<FindingsQuery, 'status'>;

/** The list's filter for the caller: what they may see, narrowed by the query. Brought up to date first. */
export async function filterOf(ctx: Ctx, auth: Auth, q: FilterQuery): Promise<FindingFilter> {
  // Findings as of the caller's last write.
  await settled(ctx.db);
  return {
    reach: reachOf(auth.grants, 'systems:read'),
    visibility: await visibilityOf(ctx, auth),
    status: q.status,
    systemId: q.systemId,
    unitId: q.unitId,
    key: q.rule,
    severity: q.severity,
    handling: q.handling,
    ownerId: q.ownerId,
    overdueOn: q.overdue ? todayOf(ctx) : undefined,
  };
}
