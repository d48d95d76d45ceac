import { inTransaction } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertManage, createKommun } from '../org/index.ts';

/**
 * The kommun from the start page, when setup did not create it: org:manage over the whole installation
 * (as any unit at the top), the kommun and its kommunstyrelse in one transaction with their audit events;
 * 409 when a kommun exists.
 */
export async function createKommunFromStart(ctx: Ctx, auth: Auth, name: string) {
  return inTransaction(ctx, async (trx) => {
    await assertManage(trx, auth.grants, null);
    return createKommun(trx, ctx, name);
  });
}
