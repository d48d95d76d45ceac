import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere, visibilityOf } from './access.ts';
import { listAgreements } from './agreement-repository.ts';
import type { AgreementsQuery } from './agreement-schemas.ts';
import { presentAgreementSummary, type AgreementSummary } from './present.ts';

const cursorSchema = z.object({ e: z.string().nullable(), id: z.string() });

/**
 * Agreements the caller may see (linked to a system they see, or to none), ending soonest first,
 * keyset-paginated on (end date, id). Others are left out without a trace.
 */
export async function listAgreementsPage(ctx: Ctx, auth: Auth, q: AgreementsQuery): Promise<{ items: AgreementSummary[]; nextCursor: string | null }> {
  assertSomewhere(auth, 'systems:read');
  const after = decodeCursor(q.cursor, cursorSchema);
  const visibility = await visibilityOf(ctx, auth);
  const { rows, hasMore } = await listAgreements(
    ctx.db,
    { visibility, q: q.q || undefined, supplierId: q.supplierId, systemId: q.systemId, endingBefore: q.endingBefore, after },
    q.limit,
  );
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentAgreementSummary(r, visibility.today)),
    nextCursor: hasMore && last ? encodeCursor({ e: last.end_date, id: last.id }) : null,
  };
}
