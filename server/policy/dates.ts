import type { AgreementStatus } from '../../shared/systems.ts';

/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) and agreement periods, shared by the register checks,
 * the agreements module and the system register. Pure: "today" is always given.
 */

/** Answers of addMonths: the list and the findings ask for the same few thousand dates over and over. */
const monthsLater = new Map<string, string>();
const MEMO_SIZE = 50_000;

/** The ISO date `months` after (negative: before) an ISO date or timestamp; the day is kept, or the month's last day. */
export function addMonths(isoDateOrTime: string, months: number): string {
  const day = isoDateOrTime.slice(0, 10);
  const key = `${day}${months}`;
  const known = monthsLater.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  const result = target.toISOString().slice(0, 10);
  if (monthsLater.size >= MEMO_SIZE) monthsLater.clear();
  monthsLater.set(key, result);
  return result;
}

export interface AgreementPeriod {
  startDate: string | null;
  endDate: string | null;
  noticeMonths: number | null;
  /** Renews itself unless terminated: it does not end, but its notice period still comes round. */
  autoRenewal?: boolean;
}

/** The first day of an agreement's notice period (end − notice months), when both are known. */
export const noticeStart = (a: Pick<AgreementPeriod, 'endDate' | 'noticeMonths'>): string | null =>
  a.endDate !== null && a.noticeMonths !== null ? addMonths(a.endDate, -a.noticeMonths) : null;

export type { AgreementStatus };

/**
 * Where an agreement stands on `today` (Swedish date). Start and end are both days it applies. Without
 * an end it is active; without a notice period it is never in one; one that renews itself is active
 * after its end date.
 */
export function agreementStatus(a: AgreementPeriod, today: string): AgreementStatus {
  if (a.startDate !== null && today < a.startDate) return 'not_started';
  if (a.endDate !== null && today > a.endDate) return a.autoRenewal ? 'active' : 'ended';
  const notice = noticeStart(a);
  return notice !== null && today >= notice ? 'in_notice_period' : 'active';
}
