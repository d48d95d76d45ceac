import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { nextSeqCursor, presentEvent, seqBefore } from '../audit/index.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { readableSystem, type Caller } from './access.ts';
import { listSystemHistory } from './history-repository.ts';

/**
 * A system's history for everyone who may see the system (404 otherwise, as GET /api/systems/{id}):
 * changes of the system and of the roles on it, newest first. A role event names the role (in the
 * caller's language, from the pack in force; else its key) and the person who holds or held it.
 */
export async function getSystemHistory(ctx: Ctx, auth: Caller, id: string, page: { limit: number; cursor?: string | undefined }) {
  const beforeSeq = seqBefore(page.cursor);
  if (!(await readableSystem(ctx.db, auth, id, todayOf(ctx)))) throw new AppError('not_found');
  const [{ rows, hasMore }, catalogue] = await Promise.all([listSystemHistory(ctx.db, id, beforeSeq, page.limit), getRoleCatalogue(ctx)]);
  const roleNames = new Map(catalogue.map((r) => [r.key, r.name[ctx.locale]]));
  return {
    items: rows.map((r) => ({
      ...presentEvent(r),
      role: r.role_key === null ? null : { key: r.role_key, name: roleNames.get(r.role_key) ?? r.role_key },
      person: r.person_id === null ? null : { id: r.person_id, name: r.person_name ?? '' },
    })),
    nextCursor: nextSeqCursor(rows, hasMore),
  };
}
