import { canSomewhere } from '../../platform/access/permissions.ts';
import { inTransaction } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { applyDecision, decideAcknowledge, decideAssign, decideDueDate, decideNotApplicable, type Decision } from './act-on-finding.ts';
import { findingAccess, type FindingAccess } from './handling-access.ts';
import { filterOf } from './list-findings.ts';
import { countFindings, listFindings } from './repository.ts';
import type { BulkBody } from './schemas.ts';

/** At most this many findings in one bulk action (one transaction). */
export const BULK_MAX = 500;

/**
 * One action on every open finding the filter lets through, all or nothing: more than BULK_MAX is 400; one the
 * caller may not act on (or in the wrong state) is 403/409 with nothing written; one changed meanwhile is 409.
 */
export async function bulkAct(ctx: Ctx, auth: Auth, body: BulkBody): Promise<{ changed: number }> {
  if (!canSomewhere(auth.grants, 'systems:write')) throw new AppError('forbidden');
  const filter = await filterOf(ctx, auth, { ...body.filter, status: 'open' });
  const count = await countFindings(ctx.db, filter);
  if (count > BULK_MAX) {
    throw new AppError('validation_failed', { fields: [{ path: 'filter', key: 'findings.bulk_too_many', params: { count, max: BULK_MAX } }] });
  }
  const { rows } = await listFindings(ctx.db, filter, BULK_MAX);
  const plans: Array<{ access: FindingAccess; decision: Decision }> = [];
  let refused = 0;
  for (const row of rows) {
    const access = await findingAccess(ctx, auth, row.id);
    if (!access.act) {
      refused += 1;
      continue;
    }
    plans.push({ access, decision: await decide(ctx, access, body) });
  }
  if (refused) throw new AppError('forbidden', { fields: [{ path: 'filter', key: 'findings.bulk_not_allowed', params: { count: refused } }] });
  await inTransaction(ctx, async (trx) => {
    for (const { access, decision } of plans) {
      if (!(await applyDecision(trx, ctx, access.row, access.row.version, decision))) throw new AppError('conflict');
    }
  });
  return { changed: plans.length };
}

function decide(ctx: Ctx, access: FindingAccess, body: BulkBody): Promise<Decision> | Decision {
  switch (body.action) {
    case 'assign':
      return decideAssign(ctx, access, body.personId);
    case 'due_date':
      return decideDueDate(access, body.dueOn);
    case 'acknowledge':
      return decideAcknowledge(access);
    case 'not_applicable':
      return decideNotApplicable(access, body.reason);
  }
}
