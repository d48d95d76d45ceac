import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere, visibilityOf } from './access.ts';
import { agreementsOfSystem, isSystemVisible } from './agreement-repository.ts';
import { presentAgreementSummary, type AgreementSummary } from './present.ts';

/**
 * The agreements of one system, with today's status and the clause flags. A system the caller may
 * not see is a 404. Not paginated: a system has a handful of agreements.
 */
export async function getSystemAgreements(ctx: Ctx, auth: Auth, systemId: string): Promise<{ items: AgreementSummary[] }> {
  assertSomewhere(auth, 'systems:read');
  const visibility = await visibilityOf(ctx, auth);
  if (!(await isSystemVisible(ctx.db, systemId, visibility))) throw new AppError('not_found');
  const rows = await agreementsOfSystem(ctx.db, systemId);
  return { items: rows.map((r) => presentAgreementSummary(r, visibility.today)) };
}
