import { describe, expect, it } from 'vitest';
import { chosenColumns, COLUMNS, DEFAULT_COLUMNS, HOLDER_COLUMN_KEYS, SORT_OF, withColumn } from './columns.ts';

describe('the register columns a user chooses', () => {
  it('uses the defaults when nothing usable was saved', () => {
    expect(chosenColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(chosenColumns({ lifecycle: true })).toEqual(DEFAULT_COLUMNS);
  });

  it('keeps saved columns in the table order and forgets unknown ones', () => {
    expect(chosenColumns(['hosting', 'gone', 'registerNo'])).toEqual(['registerNo', 'hosting']);
    expect(chosenColumns([])).toEqual([]);
  });

  it('shows and hides one column, keeping the table order', () => {
    expect(withColumn(['registerNo', 'hosting'], 'lifecycle', true)).toEqual(['registerNo', 'lifecycle', 'hosting']);
    expect(withColumn(['registerNo', 'lifecycle', 'hosting'], 'lifecycle', false)).toEqual(['registerNo', 'hosting']);
    expect(withColumn(['registerNo'], 'registerNo', true)).toEqual(['registerNo']);
  });

  it('defaults, holder columns and sortable columns are all columns', () => {
    for (const c of [...DEFAULT_COLUMNS, ...HOLDER_COLUMN_KEYS]) expect(COLUMNS).toContain(c);
    for (const c of Object.keys(SORT_OF)) expect([...COLUMNS, 'name']).toContain(c);
  });
});
