import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere, canEditAgreement, systemEditCheck, visibilityOf } from './access.ts';
import { findAgreement, isAgreementVisible, linkedSystemsOf } from './agreement-repository.ts';
import { formatRegisterNo } from '../systems/index.ts';
import { presentAgreementSummary, type Agreement } from './present.ts';

/**
 * One agreement with the systems it covers (those the caller may see, and how many others) and
 * what the caller may do. An agreement the caller may not see is a 404, like one that does not exist.
 */
export async function getAgreement(ctx: Ctx, auth: Auth, id: string): Promise<Agreement> {
  assertSomewhere(auth, 'systems:read');
  const row = await findAgreement(ctx.db, id);
  const visibility = await visibilityOf(ctx, auth);
  if (!row || !(await isAgreementVisible(ctx.db, id, visibility))) throw new AppError('not_found');
  const linked = await linkedSystemsOf(ctx.db, id, visibility);
  const canEdit = await systemEditCheck(ctx, auth);
  const systems = await Promise.all(
    linked.visible.map(async (s) => ({ id: s.id, registerNo: formatRegisterNo(s.register_no), name: s.name, lifecycle: s.lifecycle, canUnlink: await canEdit(s) })),
  );
  return {
    ...presentAgreementSummary(row, visibility.today),
    documentUrl: row.document_url,
    note: row.note,
    systems,
    hiddenSystemCount: linked.all.length - linked.visible.length,
    createdAt: row.created_at,
    can: { edit: await canEditAgreement(auth, canEdit, linked.all) },
  };
}
