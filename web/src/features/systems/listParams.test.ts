import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isFiltered, readListValues, toFilter, writeListValues, type ListValues } from './listParams.ts';

const defaults: ListValues = { ...EMPTY_FILTER, sort: 'name', dir: 'asc' };

describe('the register list in the URL', () => {
  it('reads an empty query as the defaults', () => {
    expect(readListValues(new URLSearchParams())).toEqual(defaults);
  });

  it('reads known values and drops unknown ones', () => {
    const values = readListValues(
      new URLSearchParams(
        'q=lön&lifecycle=retired&hosting=unknown&criticality=extreme&samhallsviktig=yes&withFindings=false&sort=confirmedAt&dir=desc',
      ),
    );
    expect(values).toEqual({
      ...defaults,
      q: 'lön',
      lifecycle: 'retired',
      hosting: 'unknown',
      withFindings: 'false',
      sort: 'confirmedAt',
      dir: 'desc',
    });
    expect(readListValues(new URLSearchParams('sort=owner&dir=sideways'))).toEqual(defaults);
  });

  it('writes only what differs from the defaults, trimmed', () => {
    expect(writeListValues(defaults).toString()).toBe('');
    const search = writeListValues({ ...defaults, q: '  ekonomi ', kommungemensamt: 'true', sort: 'registerNo', dir: 'desc' });
    expect(search.toString()).toBe('q=ekonomi&kommungemensamt=true&sort=registerNo&dir=desc');
  });

  it('reads back what it wrote', () => {
    const values: ListValues = { ...defaults, unitId: 'u1', criticality: 'high', samhallsviktig: 'false', sort: 'updatedAt' };
    expect(readListValues(writeListValues(values))).toEqual(values);
  });

  it('turns the values into the API filter: empty is absent, yes/no are booleans', () => {
    expect(toFilter(defaults)).toEqual({
      q: undefined,
      unitId: undefined,
      lifecycle: undefined,
      hosting: undefined,
      criticality: undefined,
      samhallsviktig: undefined,
      kommungemensamt: undefined,
      withFindings: undefined,
      sort: 'name',
      dir: 'asc',
    });
    const filter = toFilter({ ...defaults, hosting: 'saas', samhallsviktig: 'true', withFindings: 'false' });
    expect(filter).toMatchObject({ hosting: 'saas', samhallsviktig: true, withFindings: false });
  });

  it('knows whether anything filters the list (sorting does not)', () => {
    expect(isFiltered({ ...defaults, sort: 'registerNo', dir: 'desc' })).toBe(false);
    expect(isFiltered({ ...defaults, lifecycle: 'planned' })).toBe(true);
  });
});
