import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getActivePack } from '../policy/index.ts';
import { visibilityOf } from './access.ts';
import { cadenceOf, holdersBySystem, presentSummary, type SystemSummary } from './present.ts';
import { currentHolders, listSystems, sortValueOf } from './repository.ts';
import type { SystemsQuery } from './schemas.ts';

const cursorSchema = z.object({ v: z.union([z.string(), z.number()]), id: z.string() });

/**
 * The register as the caller may see it, filtered, searched and sorted, keyset-paginated on
 * (sort key, id). Systems the caller may not see are left out without a trace.
 */
export async function listSystemsPage(ctx: Ctx, auth: Auth, q: SystemsQuery): Promise<{ items: SystemSummary[]; nextCursor: string | null }> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, cursorSchema);
  const visibility = await visibilityOf(ctx, auth);
  const { rows, hasMore } = await listSystems(
    ctx.db,
    {
      visibility,
      q: q.q || undefined,
      unitId: q.unitId,
      lifecycle: q.lifecycle,
      hosting: q.hosting,
      criticality: q.criticality,
      samhallsviktig: q.samhallsviktig,
      kommungemensamt: q.kommungemensamt,
      sort: q.sort,
      dir: q.dir,
      after,
    },
    q.limit,
  );
  const [{ pack }, holderRows] = await Promise.all([getActivePack(ctx), currentHolders(ctx.db, rows.map((r) => r.id), visibility.today)]);
  const holders = holdersBySystem(holderRows);
  const cadence = cadenceOf(pack);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentSummary(r, holders.get(r.id) ?? [], cadence)),
    nextCursor: hasMore && last ? encodeCursor({ v: sortValueOf(q.sort, last), id: last.id }) : null,
  };
}
