import type { Services } from './context.ts';

/** Dates in Ansvar are Swedish calendar days: role assignments, agreements and due dates all count in them. */
const stockholmDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Sweden at an instant. */
export const swedishDay = (d: Date): string => stockholmDate.format(d);

/** Today (YYYY-MM-DD) in Sweden, from the injected clock. */
export const todayOf = (services: Pick<Services, 'now'>): string => swedishDay(services.now());
