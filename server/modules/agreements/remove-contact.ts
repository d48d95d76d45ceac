import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere } from './access.ts';
import { getSupplier } from './get-supplier.ts';
import { contactFactsOf, type SupplierDetail } from './present.ts';
import { deleteContact, findContact } from './repository.ts';

/** Removes a contact (people move on); the audit trail keeps what it said. */
export async function removeContact(ctx: Ctx, auth: Auth, supplierId: string, contactId: string): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:write');
  const current = await findContact(ctx.db, supplierId, contactId);
  if (!current) throw new AppError('not_found');
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteContact(trx, contactId))) throw new AppError('not_found');
    await recordAudit(trx, ctx, { entityType: 'supplier', entityId: supplierId, action: 'remove_contact', before: contactFactsOf(current) });
  });
  return getSupplier(ctx, auth, supplierId);
}
