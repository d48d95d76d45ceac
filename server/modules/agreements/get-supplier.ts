import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere, visibilityOf } from './access.ts';
import { agreementsOfSupplier } from './agreement-repository.ts';
import { presentAgreementSummary, presentContact, presentSupplier, type SupplierDetail } from './present.ts';
import { contactsOf, findSupplier } from './repository.ts';

/** One supplier with its contacts and the agreements with it that the caller may see. */
export async function getSupplier(ctx: Ctx, auth: Auth, id: string): Promise<SupplierDetail> {
  assertSomewhere(auth, 'systems:read');
  const row = await findSupplier(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const visibility = await visibilityOf(ctx, auth);
  const [contacts, agreements] = await Promise.all([contactsOf(ctx.db, id), agreementsOfSupplier(ctx.db, id, visibility)]);
  return {
    ...presentSupplier(row),
    contacts: contacts.map(presentContact),
    agreements: agreements.map((a) => presentAgreementSummary(a, visibility.today)),
    can: { edit: canSomewhere(auth.grants, 'systems:write') },
  };
}
