import { describe, expect, it } from 'vitest';
import { addMonths, agreementStatus as statusOn, noticeStart } from '../../policy/dates.ts';
import { luhnValid, parseOrgNumber } from './model.ts';

describe('organisation numbers', () => {
  it('accepts NNNNNN-NNNN and ten digits, stores with the hyphen, checks the Luhn digit', () => {
    expect(parseOrgNumber('556016-0680')).toEqual({ ok: true, value: '556016-0680' });
    expect(parseOrgNumber(' 5560160680 ')).toEqual({ ok: true, value: '556016-0680' });
    expect(parseOrgNumber('212000-0142')).toEqual({ ok: true, value: '212000-0142' });
    expect(parseOrgNumber('556016-0681')).toEqual({ ok: false, problem: 'checksum' });
    for (const bad of ['55601-60680', '556016 0680', '16556016-0680', 'abc', '', '556016--0680']) {
      expect(parseOrgNumber(bad)).toEqual({ ok: false, problem: 'format' });
    }
    expect(luhnValid('5560160680')).toBe(true);
    expect(luhnValid('5560160670')).toBe(false);
  });
});

describe('agreement status', () => {
  const a = { startDate: '2027-01-01', endDate: '2027-06-30', noticeMonths: 3 };
  it('is not started before the start date, active, then in the notice period from end − notice, ended after the end date', () => {
    expect(noticeStart(a)).toBe('2027-03-30');
    expect(statusOn(a, '2026-12-31')).toBe('not_started');
    expect(statusOn(a, '2027-01-01')).toBe('active');
    expect(statusOn(a, '2027-03-29')).toBe('active');
    expect(statusOn(a, '2027-03-30')).toBe('in_notice_period');
    expect(statusOn(a, '2027-06-30')).toBe('in_notice_period');
    expect(statusOn(a, '2027-07-01')).toBe('ended');
  });
  it('without dates is active; without a notice period never in notice; zero months means the last day', () => {
    expect(statusOn({ startDate: null, endDate: null, noticeMonths: 6 }, '2030-01-01')).toBe('active');
    expect(statusOn({ startDate: null, endDate: '2027-06-30', noticeMonths: null }, '2027-06-30')).toBe('active');
    expect(statusOn({ startDate: null, endDate: '2027-06-30', noticeMonths: 0 }, '2027-06-29')).toBe('active');
    expect(statusOn({ startDate: null, endDate: '2027-06-30', noticeMonths: 0 }, '2027-06-30')).toBe('in_notice_period');
  });
  it('counts months back to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2027-08-31', -6)).toBe('2027-02-28');
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', -12)).toBe('2026-03-15');
    expect(addMonths('2027-01-31', -1)).toBe('2026-12-31');
    expect(addMonths('2027-05-31', -60)).toBe('2022-05-31');
  });
});
