import { z } from 'zod';
import { assertCan } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { findUserById, listUsers } from './repository.ts';


const cursorSchema = z.object({ email: z.string() });

export async function listUsersPage(ctx: Ctx, auth: Auth, q: { limit: number; cursor?: string | undefined }) {
  // Users are not tied to units yet, so reading and managing them needs an installation-wide grant.
  assertCan(auth.grants, 'users:read');
  const after = decodeCursor(q.cursor, cursorSchema);
  const { page, hasMore, grantsByUser } = await listUsers(ctx.db, q.limit, after?.email);
  const last = page[page.length - 1];
  return {
    items: page.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      status: u.status,
      roles: grantsByUser.get(u.id) ?? [],
      createdAt: u.created_at,
      lastSeenAt: u.last_seen_at,
    })),
    nextCursor: hasMore && last ? encodeCursor({ email: last.email }) : null,
  };
}

/** An administrator ends all of a user's sessions (for example a lost laptop). */
export async function endUserSessions(ctx: Ctx, auth: Auth, userId: string): Promise<number> {
  assertCan(auth.grants, 'users:manage');
  if (!(await findUserById(ctx.db, userId))) throw new AppError('not_found');
  return inTransaction(ctx, async (trx) => {
    const ended = await revokeUserSessions(trx, userId, ctx.now());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'end_sessions', after: { sessionsEnded: ended } });
    return ended;
  });
}
