import type { AppRole } from '../../../shared/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, passwordProblems } from '../../platform/auth/passwords.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { findUserByEmail, insertGrant, insertUser } from './repository.ts';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: AppRole;
}

/** Checks the password rules before any write; a refusal names the field. */
export function assertPasswordAllowed(password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw new AppError('validation_failed', { fields: problems });
}

/** Hashing is slow, so it happens before the transaction opens. */
export const preparePassword = (password: string): Promise<string> => hashPassword(password);

/**
 * Creates a user with one installation-wide grant, inside the caller's transaction, with its audit
 * event. Used by first-time setup, accepted invitations and `ansvar create-admin`.
 */
export async function createAccount(trx: Tx, ctx: Ctx, a: Omit<NewAccount, 'password'> & { passwordHash: string }): Promise<string> {
  if (await findUserByEmail(trx, a.email)) throw new AppError('email_taken', { fields: [{ path: 'email', key: 'field.invalid' }] });
  const at = ctx.now().toISOString();
  const id = uuidv7();
  await insertUser(trx, { id, email: a.email, name: a.name, passwordHash: a.passwordHash, at });
  await insertGrant(trx, { id: uuidv7(), userId: id, role: a.role, orgUnitId: null, includeSubunits: true, at, by: ctx.actor?.userId ?? null });
  await recordAudit(trx, { ...ctx, actor: ctx.actor ?? { userId: id } }, {
    entityType: 'user',
    entityId: id,
    action: 'create',
    after: { email: a.email, name: a.name, status: 'active', grants: [{ role: a.role, orgUnitId: null }] },
  });
  return id;
}
