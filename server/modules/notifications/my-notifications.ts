import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { hideUnreadable } from './hidden.ts';
import { presentNotification } from './present.ts';
import { personOfUser } from '../systems/index.ts';
import { countNotifications, listNotifications, markRead } from './repository.ts';
import type { MarkReadInput, NotificationsQuery } from './schemas.ts';

/**
 * The caller's own notifications (the bell): a page of them, newest first, and marking them read. A person sees only
 * their own; a user who is no person in Ansvar has none. Reading is the person's own state, like a last visit, and is
 * not audited.
 */

const cursorSchema = z.object({ c: z.string(), id: z.string() });

export async function listMyNotifications(ctx: Ctx, auth: Auth, q: NotificationsQuery) {
  const after = decodeCursor(q.cursor, cursorSchema);
  const personId = await personOfUser(ctx.db, auth.session.userId);
  if (!personId) return { items: [], total: after ? null : 0, unread: 0, nextCursor: null };
  const filter = { personId, unread: q.unread };
  const [{ rows, hasMore }, total, unread] = await Promise.all([
    listNotifications(ctx.db, { ...filter, after }, q.limit),
    after ? Promise.resolve(null) : countNotifications(ctx.db, filter),
    countNotifications(ctx.db, { personId, unread: true }),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: (await hideUnreadable(ctx, ctx.db, { userId: auth.session.userId, grants: auth.grants }, rows)).map((r) => presentNotification(r, ctx.locale)),
    total,
    unread,
    nextCursor: hasMore && last ? encodeCursor({ c: last.created_at, id: last.id }) : null,
  };
}

export async function markMyNotificationsRead(ctx: Ctx, auth: Auth, body: MarkReadInput) {
  if (!body.all && !body.ids?.length) throw new AppError('validation_failed', { fields: [{ path: 'ids', key: 'notifications.read_nothing' }] });
  const personId = await personOfUser(ctx.db, auth.session.userId);
  if (!personId) return { marked: 0, unread: 0 };
  const marked = await markRead(ctx.db, personId, body.all ? 'all' : { ids: body.ids ?? [] }, ctx.now().toISOString());
  return { marked, unread: await countNotifications(ctx.db, { personId, unread: true }) };
}
