import { describe, expect, it } from 'vitest';
import { getDefaultPack } from './loader.ts';
import { addDays, defaultDueOn, dueState, riskExpiryProblem, FOLLOW_UP_DEFAULTS, followUpSchema } from './follow-up.ts';

describe('following findings up (pack section and date rules)', () => {
  it('fills in the defaults for a pack without the section, and the default pack states them', () => {
    expect(followUpSchema.parse({})).toEqual(FOLLOW_UP_DEFAULTS);
    expect(getDefaultPack().followUp).toEqual(FOLLOW_UP_DEFAULTS);
    expect(() => followUpSchema.parse({ dueDays: { high: 0, medium: 1, low: 1 } })).toThrow();
    expect(() => followUpSchema.parse({ reminderFrequency: 'hourly' })).toThrow();
  });

  it('adds days across month, year and leap day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-24T22:30:00.000Z', 1)).toBe('2026-10-25');
  });

  it('gives a finding its due date by severity from the day it opened', () => {
    expect(defaultDueOn(FOLLOW_UP_DEFAULTS, 'high', '2026-04-15')).toBe('2026-05-15');
    expect(defaultDueOn(FOLLOW_UP_DEFAULTS, 'medium', '2026-04-15')).toBe('2026-07-14');
    expect(defaultDueOn(FOLLOW_UP_DEFAULTS, 'low', '2026-04-15')).toBe('2026-10-12');
    expect(defaultDueOn({ dueDays: { high: 1, medium: 2, low: 3 } }, 'low', '2026-12-30')).toBe('2027-01-02');
  });

  it('says whether a due date is overdue, due soon or later', () => {
    expect(dueState(null, '2026-04-15', 7)).toBe('none');
    expect(dueState('2026-04-14', '2026-04-15', 7)).toBe('overdue');
    expect(dueState('2026-04-15', '2026-04-15', 7)).toBe('due_soon');
    expect(dueState('2026-04-22', '2026-04-15', 7)).toBe('due_soon');
    expect(dueState('2026-04-23', '2026-04-15', 7)).toBe('later');
  });

  it('accepts a risk until a day after today and at most the pack’s months ahead', () => {
    expect(riskExpiryProblem('2026-04-15', '2026-04-15', 12)).toBe('past');
    expect(riskExpiryProblem('2026-04-16', '2026-04-15', 12)).toBeNull();
    expect(riskExpiryProblem('2027-04-15', '2026-04-15', 12)).toBeNull();
    expect(riskExpiryProblem('2027-04-16', '2026-04-15', 12)).toBe('too_far');
    // From the last day of a month: a year later is the same month's last day.
    expect(riskExpiryProblem('2027-02-28', '2026-02-28', 12)).toBeNull();
  });
});
