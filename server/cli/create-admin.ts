import { z } from 'zod';
import type { Config } from '../config.ts';
import { assertPasswordAllowed, createAccount, createInvite, preparePassword } from '../modules/accounts/index.ts';
import { inTransaction } from '../platform/audit/audit.ts';
import { servicesOf, systemCtx } from '../platform/context.ts';
import type { DbHandle } from '../platform/db/index.ts';
import { AppError, errorBody } from '../platform/errors.ts';
import { emailInput, nameInput, passwordInput } from '../platform/http/schemas.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * `ansvar create-admin --email E --name N`: with a password on standard input the account is created
 * at once; without one, a one-time invitation link (7 days) is printed instead.
 */
export async function createAdmin(h: DbHandle, config: Config, options: { email?: string | undefined; name?: string | undefined }): Promise<number> {
  const args = z.object({ email: emailInput, name: nameInput }).safeParse(options);
  if (!args.success) {
    process.stderr.write(`create-admin needs --email and --name: ${args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
    return 64;
  }
  const { email, name } = args.data;
  const ctx = systemCtx(servicesOf(h, config));
  const password = await readStdin();
  try {
    if (!password) {
      const invite = await createInvite(ctx, { email, name, role: 'administrator' });
      process.stdout.write(`No password given. Send this one-time link to ${email} (valid until ${invite.expiresAt}):\n  ${invite.url}\n`);
      return 0;
    }
    if (!passwordInput.safeParse(password).success) {
      process.stderr.write('The password must be 12–256 characters.\n');
      return 65;
    }
    assertPasswordAllowed(password, email);
    const passwordHash = await preparePassword(password);
    const id = await inTransaction(ctx, (trx) => createAccount(trx, ctx, { email, name, passwordHash, role: 'administrator' }));
    process.stdout.write(`Administrator ${email} created (id ${id}).\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      const body = errorBody(err, 'en').error;
      process.stderr.write(`${body.message}${body.fields ? ` ${Object.values(body.fields).join(' ')}` : ''}\n`);
      return 65;
    }
    throw err;
  }
}
