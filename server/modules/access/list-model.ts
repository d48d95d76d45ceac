import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { readAccess } from './access.ts';
import { accountPage, countAccounts, countGrants, grantPage, type AccountFilter, type GrantFilter } from './lists-repository.ts';
import { presentAccount, presentGrant } from './present.ts';
import type { AccountsQuery, GrantsQuery } from './schemas.ts';

/** A system's accounts and its grants, for whoever may read the system (404 otherwise), keyset-paginated with the total on the first page. */

const accountCursor = z.object({ k: z.string(), id: z.string() });
const grantCursor = z.object({ e: z.string().nullable(), id: z.string() });

export async function listAccounts(ctx: Ctx, auth: Auth, systemId: string, q: AccountsQuery) {
  await readAccess(ctx, auth, systemId);
  const after = decodeCursor(q.cursor, accountCursor);
  const filter: AccountFilter = { systemId, q: q.q, status: q.status, unmatched: q.unmatched };
  const [{ rows, hasMore }, total] = await Promise.all([
    accountPage(ctx.db, filter, after, q.limit),
    after ? Promise.resolve(null) : countAccounts(ctx.db, filter),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(presentAccount),
    nextCursor: hasMore && last ? encodeCursor({ k: last.username_key, id: last.id }) : null,
    total,
  };
}

export async function listGrants(ctx: Ctx, auth: Auth, systemId: string, q: GrantsQuery) {
  await readAccess(ctx, auth, systemId);
  const after = decodeCursor(q.cursor, grantCursor);
  const filter: GrantFilter = { systemId, ended: q.ended === true, q: q.q, accessRoleId: q.accessRoleId, privileged: q.privileged };
  const [{ rows, hasMore }, total] = await Promise.all([
    grantPage(ctx.db, filter, after, q.limit),
    after ? Promise.resolve(null) : countGrants(ctx.db, filter),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(presentGrant),
    nextCursor: hasMore && last ? encodeCursor({ e: last.ended_at, id: last.id }) : null,
    total,
  };
}
