import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { findSystem } from '../systems/index.ts';
import { systemEditCheck, visibilityOf } from './access.ts';
import { deleteLink, findAgreement, findLink, isAgreementVisible, isSystemVisible } from './agreement-repository.ts';

/**
 * Removes the link between an agreement and a system; needs edit rights on the system. Allowed for
 * an avvecklad system too (a wrong link can be corrected); the audit trail keeps the link's history.
 * Nothing is returned: without the link the caller may no longer see the agreement.
 */
export async function unlinkSystem(ctx: Ctx, auth: Auth, id: string, systemId: string): Promise<void> {
  const visibility = await visibilityOf(ctx, auth);
  if (!(await findAgreement(ctx.db, id)) || !(await isAgreementVisible(ctx.db, id, visibility))) throw new AppError('not_found');
  const system = await findSystem(ctx.db, systemId);
  if (!system || !(await isSystemVisible(ctx.db, systemId, visibility)) || !(await findLink(ctx.db, id, systemId))) throw new AppError('not_found');
  if (!(await (await systemEditCheck(ctx, auth))(system))) throw new AppError('forbidden');
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteLink(trx, id, systemId))) throw new AppError('not_found');
    await recordAudit(trx, ctx, { entityType: 'agreement', entityId: id, action: 'unlink_system', before: { systemId, systemName: system.name } });
  });
}
