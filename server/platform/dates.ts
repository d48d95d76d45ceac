import { swedishDay } from '../../shared/dates.ts';
import type { Services } from './context.ts';

export { swedishDay };

/** Today (YYYY-MM-DD) in Sweden, from the injected clock. */
export const todayOf = (services: Pick<Services, 'now'>): string => swedishDay(services.now());
