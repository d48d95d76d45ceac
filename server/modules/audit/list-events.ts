import { z } from 'zod';
import { assertCan } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { listEvents, type AuditFilter } from './repository.ts';

const cursorSchema = z.object({ seq: z.number().int().positive() });
const parseJson = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** The trail covers every unit, so reading it needs an installation-wide administrator or granskare grant. */
export async function listAuditEvents(ctx: Ctx, auth: Auth, q: Omit<AuditFilter, 'beforeSeq'> & { limit: number; cursor?: string | undefined }) {
  assertCan(auth.grants, 'audit:read');
  const after = decodeCursor(q.cursor, cursorSchema);
  const { rows, hasMore } = await listEvents(ctx.db, { ...q, beforeSeq: after?.seq }, q.limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      origin: r.origin as 'ui' | 'api' | 'import' | 'system',
      requestId: r.request_id,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      before: parseJson(r.before_json),
      after: parseJson(r.after_json),
      message: r.message,
    })),
    nextCursor: hasMore && last ? encodeCursor({ seq: Number(last.seq) }) : null,
  };
}
