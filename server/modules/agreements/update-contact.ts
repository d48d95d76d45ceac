import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere } from './access.ts';
import { getSupplier } from './get-supplier.ts';
import { contactFactsOf, diffFacts, type SupplierDetail } from './present.ts';
import { findContact, updateContact } from './repository.ts';
import type { ContactPatch } from './supplier-schemas.ts';

/**
 * Changes a contact. Contacts carry no version (a detail of the supplier; the last save wins), but
 * every change is in the audit trail with before and after.
 */
export async function changeContact(ctx: Ctx, auth: Auth, supplierId: string, contactId: string, patch: ContactPatch): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:write');
  const current = await findContact(ctx.db, supplierId, contactId);
  if (!current) throw new AppError('not_found');
  const next = {
    ...current,
    name: patch.name ?? current.name,
    email: patch.email !== undefined ? patch.email : current.email,
    phone: patch.phone !== undefined ? patch.phone : current.phone,
    role_text: patch.role !== undefined ? patch.role : current.role_text,
  };
  const diff = diffFacts(contactFactsOf(current), contactFactsOf(next));
  if (diff.fields.length) {
    await inTransaction(ctx, async (trx) => {
      await updateContact(trx, contactId, { name: next.name, email: next.email, phone: next.phone, role_text: next.role_text });
      await recordAudit(trx, ctx, {
        entityType: 'supplier',
        entityId: supplierId,
        action: 'update_contact',
        before: { contactId, ...diff.before },
        after: { contactId, ...diff.after },
      });
    });
  }
  return getSupplier(ctx, auth, supplierId);
}
