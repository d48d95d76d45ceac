import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { systemEditCheck, visibilityOf } from './access.ts';
import { findAgreement, findLink, insertLinks, isAgreementVisible } from './agreement-repository.ts';
import { invalid, systemForLink } from './agreement-rules.ts';
import { getAgreement } from './get-agreement.ts';
import type { Agreement } from './present.ts';

/**
 * Links an agreement the caller may see to a system they may edit (not an avvecklad one). Linking is
 * a statement about the system, so the agreement's version does not move.
 */
export async function linkSystem(ctx: Ctx, auth: Auth, id: string, input: { systemId: string }): Promise<Agreement> {
  const visibility = await visibilityOf(ctx, auth);
  if (!(await findAgreement(ctx.db, id)) || !(await isAgreementVisible(ctx.db, id, visibility))) throw new AppError('not_found');
  const system = await systemForLink(ctx.db, visibility, await systemEditCheck(ctx, auth), input.systemId, 'systemId');
  await inTransaction(ctx, async (trx) => {
    if (await findLink(trx, id, system.id)) throw invalid({ path: 'systemId', key: 'agreements.already_linked' });
    await insertLinks(trx, id, [system.id]);
    await recordAudit(trx, ctx, { entityType: 'agreement', entityId: id, action: 'link_system', after: { systemId: system.id, systemName: system.name } });
  });
  return getAgreement(ctx, auth, id);
}
