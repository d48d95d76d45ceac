/**
 * The vocabulary of suppliers and agreements, and the pure rules: the Swedish organisation number
 * and an agreement's status on a given day. No I/O.
 */

/**
 * Kinds of agreement: tjänsteöverenskommelse (an internal service agreement, e.g. with the IT unit),
 * leverantörsavtal, licence, SaaS, support, personuppgiftsbiträdesavtal as its own document, other.
 */
export const AGREEMENT_KINDS = ['service_agreement', 'supplier_agreement', 'license', 'saas', 'support', 'dpa', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** gäller · inom uppsägningstiden · har upphört · har inte börjat gälla. */
export const AGREEMENT_STATUSES = ['active', 'in_notice_period', 'ended', 'not_started'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The security clauses an agreement is checked for; each is yes, no or not known (null). */
export const CLAUSES = ['logging', 'backup', 'destruction', 'dpa'] as const;
export type Clause = (typeof CLAUSES)[number];

export const MAX_NOTICE_MONTHS = 60;

/** Lower-case in Swedish, for sorting and search that ignore case incl. å/ä/ö. */
export const fold = (s: string): string => s.toLocaleLowerCase('sv-SE');

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

/** The ISO date `months` before (negative: after) an ISO date; the day is kept, or the month's last day. */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The first day of the notice period (end date − notice months), when both are known. */
export const noticeFromOf = (endDate: string | null, noticeMonths: number | null): string | null =>
  endDate !== null && noticeMonths !== null ? monthsBefore(endDate, noticeMonths) : null;

/**
 * An agreement's status on a day (YYYY-MM-DD, Swedish time). The start and end dates are both days
 * the agreement applies. Without dates it is active; without a notice period it is never in notice.
 */
export function statusOn(a: { startDate: string | null; endDate: string | null; noticeMonths: number | null }, today: string): AgreementStatus {
  if (a.startDate !== null && today < a.startDate) return 'not_started';
  if (a.endDate !== null && today > a.endDate) return 'ended';
  const noticeFrom = noticeFromOf(a.endDate, a.noticeMonths);
  if (noticeFrom !== null && today >= noticeFrom) return 'in_notice_period';
  return 'active';
}

const stockholmDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Sweden, from the injected clock. */
export const todayOf = (now: () => Date): string => stockholmDate.format(now());

/** SYS-0042: a system's register number as people write it (as the system register shows it). */
export const formatRegisterNo = (n: number): string => `SYS-${String(n).padStart(4, '0')}`;

/** A boolean clause or fact as stored: 1, 0 or null for not known. */
export const flag = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
export const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
