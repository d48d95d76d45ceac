import { describe, expect, it } from 'vitest';
import {
  ALL_SYSTEMS,
  barLength,
  isDrilledDown,
  largestCount,
  levelNumbers,
  overviewSearch,
  readOverviewView,
  toOverviewFilter,
  wholePercent,
} from './overviewParams.ts';

const read = (query: string) => readOverviewView(new URLSearchParams(query));

describe('the classification overview in the URL', () => {
  it('reads an empty query as every system', () => {
    expect(read('')).toEqual(ALL_SYSTEMS);
    expect(isDrilledDown(read(''))).toBe(false);
  });

  it('reads a förvaltning, a state and a level', () => {
    expect(read('unitId=u1&state=review_due&aspect=integrity&level=3')).toEqual({
      unitId: 'u1',
      state: 'review_due',
      aspect: 'integrity',
      level: 3,
    });
    expect(isDrilledDown(read('state=missing'))).toBe(true);
    expect(isDrilledDown(read('aspect=availability&level=0'))).toBe(true);
    expect(isDrilledDown(read('unitId=u1'))).toBe(false);
  });

  it('drops unknown values, and an aspect without its level (or the reverse)', () => {
    expect(read('state=done&aspect=beauty&level=2')).toEqual(ALL_SYSTEMS);
    expect(read('aspect=integrity')).toEqual(ALL_SYSTEMS);
    expect(read('level=2')).toEqual(ALL_SYSTEMS);
    expect(read('aspect=integrity&level=12')).toEqual(ALL_SYSTEMS);
    expect(read('aspect=integrity&level=-1')).toEqual(ALL_SYSTEMS);
  });

  it('writes a view back in a stable order, and nothing for all systems', () => {
    expect(overviewSearch(ALL_SYSTEMS)).toBe('');
    expect(overviewSearch({ unitId: 'u1' })).toBe('?unitId=u1');
    expect(overviewSearch({ level: 0, aspect: 'confidentiality', state: 'approved', unitId: 'u1' })).toBe(
      '?unitId=u1&state=approved&aspect=confidentiality&level=0',
    );
    expect(overviewSearch({ aspect: 'confidentiality', level: null })).toBe('');
    const view = read('unitId=a%26b&state=in_progress&aspect=traceability&level=4');
    expect(read(overviewSearch(view).slice(1))).toEqual(view);
  });

  it('turns a view into the API filter without empty values', () => {
    expect(toOverviewFilter(ALL_SYSTEMS)).toEqual({});
    expect(toOverviewFilter(read('unitId=u1&state=missing'))).toEqual({ unitId: 'u1', state: 'missing' });
    expect(toOverviewFilter(read('aspect=integrity&level=0'))).toEqual({ aspect: 'integrity', level: 0 });
  });
});

describe('the overview figures', () => {
  it('writes a share in whole percent, 100 only for all and at least 1 for some', () => {
    expect(wholePercent(0, 0)).toBeNull();
    expect(wholePercent(0, 40)).toBe(0);
    expect(wholePercent(24, 40)).toBe(60);
    expect(wholePercent(2, 3)).toBe(66);
    expect(wholePercent(199, 200)).toBe(99);
    expect(wholePercent(1, 500)).toBe(1);
    expect(wholePercent(40, 40)).toBe(100);
  });

  it('scales bars to the largest count, with a visible minimum', () => {
    expect(barLength(0, 10)).toBe(0);
    expect(barLength(3, 0)).toBe(0);
    expect(barLength(10, 10)).toBe(100);
    expect(barLength(1, 3)).toBe(33.3);
    expect(barLength(1, 1000)).toBe(2);
    expect(barLength(12, 10)).toBe(100);
  });

  it('finds the largest count and the level columns of a distribution', () => {
    const distribution = [
      {
        levels: [
          { number: 1, count: 4 },
          { number: 0, count: 0 },
        ],
      },
      {
        levels: [
          { number: 2, count: 9 },
          { number: 1, count: 3 },
        ],
      },
    ];
    expect(largestCount(distribution)).toBe(9);
    expect(largestCount([])).toBe(0);
    expect(levelNumbers(distribution)).toEqual([0, 1, 2]);
  });
});
