/**
 * The vocabulary of suppliers and agreements, and the pure rules: the Swedish organisation number
 * (an agreement's status on a day is server/policy/dates.ts, shared with the findings). No I/O.
 */

/** Kinds, statuses and clauses of an agreement (shared/systems.ts, which the web app uses too). */
export { AGREEMENT_KINDS, AGREEMENT_STATUSES, CLAUSES, type AgreementKind, type Clause } from '../../../shared/systems.ts';

export const MAX_NOTICE_MONTHS = 60;

/** Luhn (mod 10) over all digits, the check digit last: the sum is a multiple of ten. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type OrgNumberResult = { ok: true; value: string } | { ok: false; problem: 'format' | 'checksum' };

/**
 * An organisationsnummer as people write it: NNNNNN-NNNN or ten digits without the hyphen (spaces
 * around are ignored). Stored with the hyphen. The last digit is a Luhn check digit. Sole traders use
 * their personnummer, so the "third digit ≥ 2" rule of legal persons is not enforced.
 */
export function parseOrgNumber(text: string): OrgNumberResult {
  const m = /^(\d{6})-?(\d{4})$/.exec(text.trim());
  if (!m) return { ok: false, problem: 'format' };
  const digits = `${m[1]}${m[2]}`;
  if (!luhnValid(digits)) return { ok: false, problem: 'checksum' };
  return { ok: true, value: `${m[1]}-${m[2]}` };
}

/** A boolean clause or fact as stored: 1, 0 or null for not known. */
export const flag = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
export const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
