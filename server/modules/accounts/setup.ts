import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx, Services } from '../../platform/context.ts';
import { systemCtx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/ids.ts';
import { createKommun } from '../org/index.ts';
import { assertPasswordAllowed, createAccount, preparePassword } from './create-account.ts';
import { countUsers, expireSetupTokens, findLiveToken, insertToken, useToken } from './repository.ts';

export const SETUP_LINK_TTL_MS = 24 * 3_600_000;
export const SETUP_LINK_FILE = 'setup-link.txt';

/**
 * On an empty database: a new one-time link to create the first administrator (valid 24 h; earlier
 * links stop working). It is printed by the caller and kept in DATA_DIR/setup-link.txt (0600).
 * Returns null when there already is a user.
 */
export async function ensureSetupLink(services: Services): Promise<{ url: string; expiresAt: string } | null> {
  if ((await countUsers(services.db)) > 0) return null;
  const token = newToken();
  const now = services.now();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS).toISOString();
  const ctx = systemCtx(services);
  await inTransaction(ctx, async (trx) => {
    await expireSetupTokens(trx, now.toISOString());
    const id = hashToken(token);
    await insertToken(trx, { id, kind: 'setup', email: null, name: null, app_role: 'administrator', created_by: null, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    await recordAudit(trx, ctx, { entityType: 'setup_link', entityId: id.slice(0, 16), action: 'create', after: { expiresAt } });
  });
  const url = `${services.config.publicUrl}/setup?token=${token}`;
  writeFileSync(join(services.config.dataDir, SETUP_LINK_FILE), `${url}\n`, { mode: 0o600 });
  return { url, expiresAt };
}

export async function getSetupLink(services: Services, token: string): Promise<{ expiresAt: string }> {
  const row = await findLiveToken(services.db, hashToken(token), 'setup', services.now().toISOString());
  if (!row || (await countUsers(services.db)) > 0) throw new AppError('token_invalid');
  return { expiresAt: row.expires_at };
}

/**
 * Creates the first administrator from a live setup link, and — given its name — the kommun with its
 * kommunstyrelse, in the same transaction. Works once, and only on an empty database.
 */
export async function completeSetup(
  ctx: Ctx,
  input: { token: string; email: string; name: string; password: string; kommunName?: string | undefined },
): Promise<string> {
  assertPasswordAllowed(input.password, input.email);
  await getSetupLink(ctx, input.token);
  const passwordHash = await preparePassword(input.password);
  const userId = await inTransaction(ctx, async (trx) => {
    if ((await countUsers(trx)) > 0) throw new AppError('already_set_up');
    if (!(await useToken(trx, hashToken(input.token), ctx.now().toISOString()))) throw new AppError('token_invalid');
    const userId = await createAccount(trx, ctx, { email: input.email, name: input.name, passwordHash, role: 'administrator' });
    if (input.kommunName) await createKommun(trx, { ...ctx, actor: { userId } }, input.kommunName, 'kommunName');
    return userId;
  });
  rmSync(join(ctx.config.dataDir, SETUP_LINK_FILE), { force: true });
  return userId;
}
