import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { presentPerson, type Person } from './present.ts';
import { listPeople } from './repository.ts';
import type { PersonStatus } from './schemas.ts';

const cursorSchema = z.object({ n: z.string(), id: z.string() });

export interface ListPeopleQuery {
  q?: string | undefined;
  unitId?: string | undefined;
  includeSubunits: boolean;
  status?: PersonStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * People by name (Swedish order), keyset-paginated on (name_sort, id). Only people the caller's org:read grants
 * reach are listed; everything else is silently left out (no hint that it exists).
 */
export async function listPeoplePage(ctx: Ctx, auth: Auth, q: ListPeopleQuery): Promise<{ items: Person[]; nextCursor: string | null; total: number | null }> {
  if (!canSomewhere(auth.grants, 'org:read')) throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, cursorSchema);
  const filter = { reach: reachOf(auth.grants, 'org:read'), q: q.q || undefined, unitId: q.unitId, includeSubunits: q.includeSubunits, status: q.status };
  // The total once, on the first page: the list says "50 av 1 200 personer visas".
  const { rows, hasMore, total } = await listPeople(ctx.db, { ...filter, after }, q.limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(presentPerson),
    nextCursor: hasMore && last ? encodeCursor({ n: last.name_sort, id: last.id }) : null,
    total,
  };
}
