import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertSomewhere } from './access.ts';
import { getSupplier } from './get-supplier.ts';
import { fold } from '../../platform/text.ts';
import { supplierFactsOf, type SupplierDetail } from './present.ts';
import { insertSupplier } from './repository.ts';
import type { CreateSupplierInput } from './supplier-schemas.ts';
import { assertOrgNumberFree, uniqueRefusal } from './supplier-rules.ts';

/** Registers a supplier (installation-wide: anyone who may write systems somewhere). */
export async function createSupplier(ctx: Ctx, auth: Auth, input: CreateSupplierInput): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:write');
  const id = uuidv7(ctx.now().getTime());
  const at = ctx.now().toISOString();
  const row = {
    id,
    name: input.name,
    name_sort: fold(input.name),
    org_number: input.orgNumber ?? null,
    website: input.website ?? null,
    note: input.note ?? null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  try {
    await inTransaction(ctx, async (trx) => {
      await assertOrgNumberFree(trx, row.org_number);
      await insertSupplier(trx, row);
      await recordAudit(trx, ctx, { entityType: 'supplier', entityId: id, action: 'create', after: supplierFactsOf(row) });
    });
  } catch (err) {
    throw uniqueRefusal(err);
  }
  return getSupplier(ctx, auth, id);
}
