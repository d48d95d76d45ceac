import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere } from './access.ts';
import { getSupplier } from './get-supplier.ts';
import { fold } from '../../platform/text.ts';
import { diffFacts, supplierFactsOf, type SupplierDetail, type SupplierFacts } from './present.ts';
import { findSupplier, updateSupplierAtVersion } from './repository.ts';
import type { SupplierPatch } from './supplier-schemas.ts';
import { assertOrgNumberFree, uniqueRefusal } from './supplier-rules.ts';

/**
 * Changes a supplier's facts. A stale version is a 409 and nothing is written; a patch that changes
 * nothing writes nothing.
 */
export async function updateSupplier(ctx: Ctx, auth: Auth, id: string, patch: SupplierPatch): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:write');
  const current = await findSupplier(ctx.db, id);
  if (!current) throw new AppError('not_found');
  if (patch.version !== current.version) throw new AppError('conflict');
  const before = supplierFactsOf(current);
  const after: SupplierFacts = {
    name: patch.name ?? before.name,
    orgNumber: patch.orgNumber !== undefined ? patch.orgNumber : before.orgNumber,
    website: patch.website !== undefined ? patch.website : before.website,
    note: patch.note !== undefined ? patch.note : before.note,
  };
  const diff = diffFacts(before, after);
  if (diff.fields.length) {
    try {
      await inTransaction(ctx, async (trx) => {
        if (diff.fields.includes('orgNumber')) await assertOrgNumberFree(trx, after.orgNumber, id);
        const written = await updateSupplierAtVersion(trx, id, patch.version, {
          name: after.name,
          name_sort: fold(after.name),
          org_number: after.orgNumber,
          website: after.website,
          note: after.note,
          updated_at: ctx.now().toISOString(),
        });
        if (!written) throw new AppError('conflict');
        await recordAudit(trx, ctx, { entityType: 'supplier', entityId: id, action: 'update', before: diff.before, after: diff.after });
      });
    } catch (err) {
      throw uniqueRefusal(err);
    }
  }
  return getSupplier(ctx, auth, id);
}
