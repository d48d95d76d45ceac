import { describe, expect, it } from 'vitest';
import { swedishDay, todayOf } from './dates.ts';

/** Instants in UTC and the Swedish day they fall on: 23:30 and 00:30 local time around each switch. */
describe('the Swedish day of an instant', () => {
  it.each([
    // Summer time starts on the last Sunday of March (2026-03-29): 02:00 CET becomes 03:00 CEST.
    ['2026-03-28T22:30:00Z', '2026-03-28'], // Saturday 23:30 CET
    ['2026-03-28T23:30:00Z', '2026-03-29'], // Sunday 00:30 CET, UTC still on Saturday
    ['2026-03-29T21:30:00Z', '2026-03-29'], // Sunday 23:30 CEST
    ['2026-03-29T22:30:00Z', '2026-03-30'], // Monday 00:30 CEST, UTC still on Sunday
    // Summer time ends on the last Sunday of October (2026-10-25): 03:00 CEST becomes 02:00 CET.
    ['2026-10-24T21:30:00Z', '2026-10-24'], // Saturday 23:30 CEST
    ['2026-10-24T22:30:00Z', '2026-10-25'], // Sunday 00:30 CEST
    ['2026-10-25T22:30:00Z', '2026-10-25'], // Sunday 23:30 CET (the day had 25 hours)
    ['2026-10-25T23:30:00Z', '2026-10-26'], // Monday 00:30 CET
    // The year ends at midnight in Stockholm, an hour before it does in UTC.
    ['2026-12-31T22:30:00Z', '2026-12-31'], // 31 December 23:30 CET
    ['2026-12-31T22:59:59.999Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'], // midnight
    ['2026-12-31T23:30:00Z', '2027-01-01'], // 1 January 00:30 CET, UTC still in the old year
  ])('%s is %s', (instant, day) => {
    expect(swedishDay(new Date(instant))).toBe(day);
  });

  it('today follows the injected clock', () => {
    expect(todayOf({ now: () => new Date('2026-12-31T23:30:00Z') })).toBe('2027-01-01');
    expect(todayOf({ now: () => new Date('2026-04-15T10:00:00Z') })).toBe('2026-04-15');
  });
});
