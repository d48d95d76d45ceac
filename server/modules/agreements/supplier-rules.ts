import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findSupplierByOrgNumber, isOrgNumberTaken } from './repository.ts';

/** Checks shared by creating and changing a supplier; each refusal names the field. */

const orgNumberTaken = (name: string) =>
  new AppError('validation_failed', { fields: [{ path: 'orgNumber', key: 'suppliers.org_number_taken', params: { name } }] });

/** The organisation number is unique among suppliers (the supplier itself excepted). */
export async function assertOrgNumberFree(db: Db | Tx, orgNumber: string | null, selfId?: string): Promise<void> {
  if (!orgNumber) return;
  const other = await findSupplierByOrgNumber(db, orgNumber);
  if (other && other.id !== selfId) throw orgNumberTaken(other.name);
}

/** A lost race on the unique index (the check above passed in both transactions) is the same refusal. */
export function uniqueRefusal(err: unknown): unknown {
  return isOrgNumberTaken(err) ? orgNumberTaken('–') : err;
}
