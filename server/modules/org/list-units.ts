import { z } from 'zod';
import { canSomewhere, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { presentUnits, type OrgUnitView } from './present.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { listUnits } from './repository.ts';

const cursorSchema = z.object({ n: z.string(), id: z.string() });

export interface ListUnitsInput {
  parentId?: string | undefined;
  rootId?: string | undefined;
  q?: string | undefined;
  kind?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Org units the caller may read, by name then id (keyset). Units outside the caller's grants never appear. */
export async function listOrgUnits(
  ctx: Ctx,
  grants: readonly Grant[],
  input: ListUnitsInput,
): Promise<{ items: OrgUnitView[]; nextCursor: string | null }> {
  if (!canSomewhere(grants, 'org:read')) throw new AppError('forbidden');
  const after = decodeCursor(input.cursor, cursorSchema);
  const { rows, hasMore } = await listUnits(
    ctx.db,
    {
      reach: reachOf(grants, 'org:read'),
      parentId: input.parentId,
      rootId: input.rootId,
      q: input.q,
      kind: input.kind,
      status: input.status,
      after,
    },
    input.limit,
  );
  const last = rows[rows.length - 1];
  return {
    items: await presentUnits(ctx.db, rows),
    nextCursor: hasMore && last ? encodeCursor({ n: last.name_sort, id: last.id }) : null,
  };
}
