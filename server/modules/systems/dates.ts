import type { Ctx } from '../../platform/context.ts';

const stockholmDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Sweden, from the injected clock; role assignments are dated in Swedish time. */
export const todayOf = (ctx: Pick<Ctx, 'now'>): string => stockholmDate.format(ctx.now());

/** The ISO date `months` after an ISO timestamp or date (the day is kept, or the month's last day). */
export function addMonths(isoDateOrTime: string, months: number): string {
  const [y, m, d] = isoDateOrTime.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
