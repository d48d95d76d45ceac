import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import { reachOf } from '../../platform/access/reach.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import type { FindingRow } from './handling-repository.ts';
import { presentFinding } from './present.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { message } from '../../platform/i18n.ts';
import { registerFindingText } from '../../policy/register-checks.ts';
import { readableSystemRefs, visibilityOf } from '../systems/index.ts';
import { detailIdOf } from './compute.ts';
import { settled } from '../../platform/changes.ts';
import { countFindings, listFindings } from './repository.ts';
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
  await settled(ctx.db);
  const visibility = await visibilityOf(ctx, auth);
  const filter = {
    reach: reachOf(auth.grants, 'systems:read'),
    visibility,
    status: q.status,
    systemId: q.systemId,
    unitId: q.unitId,
    key: q.rule,
    severity: q.severity,
    handling: q.handling,
    ownerId: q.ownerId,
    overdueOn: q.overdue ? todayOf(ctx) : undefined,
  };
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

/**
 * A finding on a system the caller sees may name another system they do not (a dependency on an
 * avvecklat system of another förvaltning): its text then says "a system you do not have access to"
 * instead of the name, as the system's history does.
 */
export async function withoutHiddenSystems<R extends Pick<FindingRow, 'id' | 'key' | 'fingerprint' | 'params_json' | 'text_sv' | 'text_en'>>(
  ctx: Ctx,
  auth: Auth,
  rows: R[],
): Promise<R[]> {
  const others = new Map(rows.filter((r) => r.key === 'dependency_retired').map((r) => [r.id, detailIdOf(r.fingerprint)]));
  if (!others.size) return rows;
  const readable = await readableSystemRefs(
    ctx,
    auth,
    [...others.values()].filter((id): id is string => id !== null),
  );
  return rows.map((r) => {
    if (!others.has(r.id) || readable.has(others.get(r.id)!)) return r;
    const params = JSON.parse(r.params_json) as Record<string, string | number>;
    const text = (locale: 'sv' | 'en') =>
      registerFindingText('dependency_retired', { ...params, other: message(locale, 'systems.hidden_system') })[locale];
    return { ...r, params_json: JSON.stringify({ ...params, other: null }), text_sv: text('sv'), text_en: text('en') };
  });
}
