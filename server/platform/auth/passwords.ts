import { hash, verify } from '@node-rs/argon2';
import type { FieldProblem } from '../errors.ts';
import { COMMON_PASSWORD_BASES, COMMON_PASSWORDS } from './common-passwords.ts';

/** Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library defaults (19 MiB, t=2, p=1), the OWASP baseline. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown e-mail cannot be told from a wrong password. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('ansvar-timing-equaliser');
  await verifyPassword(await dummy, password);
}

/**
 * Password rules: at least 12 characters, not a common password (also not one with digits or
 * symbols added around a common word), not one repeated character, not the e-mail address.
 * Returns the problems for the given field path; length is checked by the schema.
 */
export function passwordProblems(password: string, email: string | null, path = 'password'): FieldProblem[] {
  const lower = password.toLowerCase().normalize('NFC');
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const isCommon =
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORD_BASES.has(core) ||
    /^(.)\1+$/u.test(lower) ||
    /^\d+$/.test(lower) ||
    isRunOfBases(core);
  if (isCommon) return [{ path, key: 'field.password_common' }];
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return [{ path, key: 'field.password_contains_email' }];
  return [];
}

/** "sommarsommar" or "passwordpassword": a common word repeated. */
function isRunOfBases(core: string): boolean {
  for (const base of COMMON_PASSWORD_BASES) {
    if (base.length >= 3 && core.length % base.length === 0 && base.repeat(core.length / base.length) === core) return true;
  }
  return false;
}
