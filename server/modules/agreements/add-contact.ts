import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertSomewhere } from './access.ts';
import { getSupplier } from './get-supplier.ts';
import { contactFactsOf, type SupplierDetail } from './present.ts';
import { findSupplier, insertContact } from './repository.ts';
import type { ContactInput } from './supplier-schemas.ts';

/** Adds a contact person at a supplier; recorded on the supplier's audit history. */
export async function addContact(ctx: Ctx, auth: Auth, supplierId: string, input: ContactInput): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:write');
  if (!(await findSupplier(ctx.db, supplierId))) throw new AppError('not_found');
  const row = {
    id: uuidv7(ctx.now().getTime()),
    supplier_id: supplierId,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    role_text: input.role ?? null,
    created_at: ctx.now().toISOString(),
  };
  await inTransaction(ctx, async (trx) => {
    await insertContact(trx, row);
    await recordAudit(trx, ctx, { entityType: 'supplier', entityId: supplierId, action: 'add_contact', after: contactFactsOf(row) });
  });
  return getSupplier(ctx, auth, supplierId);
}
