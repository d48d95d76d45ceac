import type { AppRole } from '../../../shared/roles.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/ids.ts';
import { assertPasswordAllowed, createAccount, preparePassword } from './create-account.ts';
import { findLiveToken, findUserByEmail, insertToken, useToken } from './repository.ts';

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export interface Invite {
  id: string;
  url: string;
  expiresAt: string;
}

/**
 * An administrator invites a person by link (valid 7 days). The link is shown once, to be sent by
 * the administrator; only its hash is stored. Invitations grant installation-wide roles, so the
 * caller must hold users:manage installation-wide (checked by the route).
 */
export async function createInvite(ctx: Ctx, input: { email: string; name: string; role: AppRole }): Promise<Invite> {
  const token = newToken();
  const id = hashToken(token);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS).toISOString();
  await inTransaction(ctx, async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw new AppError('email_taken', { fields: [{ path: 'email', key: 'field.invalid' }] });
    await insertToken(trx, { id, kind: 'invite', email: input.email, name: input.name, app_role: input.role, created_by: ctx.actor?.userId ?? null, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    await recordAudit(trx, ctx, { entityType: 'invite', entityId: id.slice(0, 16), action: 'create', after: { email: input.email, name: input.name, role: input.role, expiresAt } });
  });
  return { id: id.slice(0, 16), url: `${ctx.config.publicUrl}/invite?token=${token}`, expiresAt };
}

export async function getInvite(services: Services, token: string) {
  const row = await findLiveToken(services.db, hashToken(token), 'invite', services.now().toISOString());
  if (!row) throw new AppError('token_invalid');
  return { email: row.email!, name: row.name!, role: row.app_role as AppRole, expiresAt: row.expires_at };
}

export async function acceptInvite(ctx: Ctx, input: { token: string; name: string; password: string }): Promise<string> {
  const invite = await getInvite(ctx, input.token);
  assertPasswordAllowed(input.password, invite.email);
  const passwordHash = await preparePassword(input.password);
  return inTransaction(ctx, async (trx) => {
    if (!(await useToken(trx, hashToken(input.token), ctx.now().toISOString()))) throw new AppError('token_invalid');
    return createAccount(trx, ctx, { email: invite.email, name: input.name, passwordHash, role: invite.role });
  });
}
