import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { fold } from '../../platform/text.ts';
import { todayOf } from '../../platform/dates.ts';
import { endGrant, ensureAccount, startGrant } from '../access/index.ts';
import { endReasonOf } from './model.ts';
import { setOrderGrant, type OrderRow } from './repository.ts';
import { accountByKey, accountsOf, grantIsCurrent, personFor } from './rules-repository.ts';

/**
 * What executing an order does besides marking it done (docs/ACCESS.md, "The trail", step 3): a grant order finds
 * the person's account in the system, or makes it from the user name the executor gives, and starts the grant
 * (origin order); a removal ends its grant. In the transaction that marked the order done, through the access face.
 */

/** The account a grant order goes to: an existing one, or a user name to find or make. */
export type Plan = { accountId: string } | { username: string };

const invalid = (path: string, key: MessageKey) => new AppError('validation_failed', { fields: [{ path, key }] });
const refused = (path: string, key: MessageKey) => new AppError('refused', { fields: [{ path, key }] });

/** Checks a grant order can be executed now and settles its account; 400 when the user name is needed or wrong. */
export async function planExecution(ctx: Ctx, row: OrderRow, username: string | undefined): Promise<Plan> {
  const person = row.person_id ? await personFor(ctx.db, row.person_id) : undefined;
  if (!person || person.status !== 'active') throw refused('personId', 'access-orders.person_inactive');
  if (row.role_status !== 'active') throw refused('accessRoleId', 'access-orders.role_retired');
  if (username) {
    const existing = await accountByKey(ctx.db, row.system_id, fold(username));
    if (existing?.person_id && existing.person_id !== person.id) throw invalid('username', 'access-orders.username_other_person');
    // The person's own account is used as it is; any other goes through ensureAccount (it makes a new one, and an
    // account of no person becomes the person's).
    return existing && existing.person_id === person.id && existing.status !== 'removed' ? { accountId: existing.id } : { username };
  }
  const accounts = await accountsOf(ctx.db, person.id, row.system_id);
  if (accounts.length === 1) return { accountId: accounts[0]!.id };
  throw invalid('username', accounts.length ? 'access-orders.username_ambiguous' : 'access-orders.username_required');
}

export async function executeGrant(trx: Tx, ctx: Ctx, row: OrderRow, plan: Plan): Promise<Record<string, unknown>> {
  let accountId: string;
  if ('accountId' in plan) accountId = plan.accountId;
  else {
    const account = await ensureAccount(trx, ctx, { systemId: row.system_id, username: plan.username, personId: row.person_id, email: row.person_email });
    if (account.personId && account.personId !== row.person_id) throw invalid('username', 'access-orders.username_other_person');
    accountId = account.id;
  }
  const today = todayOf(ctx);
  const from = row.valid_from && row.valid_from > today ? row.valid_from : today;
  const grant = await startGrant(trx, ctx, {
    systemId: row.system_id,
    accountId,
    accessRoleId: row.access_role_id,
    personId: row.person_id,
    origin: 'order',
    orderId: row.id,
    validFrom: from,
    validTo: row.valid_to,
  });
  await setOrderGrant(trx, row.id, { grant_id: grant.id, account_id: accountId });
  return { grantId: grant.id, accountId };
}

/** Ends the removal's grant, unless something (an import) ended it already. */
export async function executeRemoval(trx: Tx, ctx: Ctx, row: OrderRow): Promise<Record<string, unknown>> {
  const ended = row.grant_id !== null && (await grantIsCurrent(trx, row.grant_id));
  if (ended) await endGrant(trx, ctx, { grantId: row.grant_id!, reason: endReasonOf(row.origin), orderId: row.id });
  return { grantId: row.grant_id, ended };
}
