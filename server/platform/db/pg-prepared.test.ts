import { describe, expect, it } from 'vitest';
import { statementNames } from './pg-prepared.ts';

describe('statementNames', () => {
  it('names a statement the second time its text comes, and keeps the name', () => {
    const names = statementNames();
    expect(names.nameOf('select $1', 1)).toBeNull();
    const name = names.nameOf('select $1', 1);
    expect(name).toMatch(/^ansvar_\d+$/);
    expect(names.nameOf('select $1', 1)).toBe(name);
    expect(names.nameOf('select $1 + 1', 1)).toBeNull();
  });

  it('leaves unnamed what would fill the connections or must not be prepared: no values but a select, many values, long text, beyond the bound', () => {
    const names = statementNames(3);
    const twice = (text: string, n: number) => (names.nameOf(text, n), names.nameOf(text, n));
    expect(twice('begin', 0)).toBeNull();
    expect(twice('create index x on t (a)', 0)).toBeNull();
    expect(twice('select count(*) from t', 0)).not.toBeNull();
    expect(twice('insert … many rows', 65)).toBeNull();
    expect(twice(`select ${'x'.repeat(9000)} where a = $1`, 1)).toBeNull();
    expect(twice('select $1 as a', 1)).not.toBeNull();
    expect(twice('select $1 as b', 1)).not.toBeNull();
    expect(twice('select $1 as c', 1)).toBeNull();
    expect(names.size).toBe(3);
  });

  it("names a shape's first few page sizes only, so that a client varying the limit cannot use up the names", () => {
    const names = statementNames();
    const twice = (text: string) => (names.nameOf(text, 1), names.nameOf(text, 1));
    const named = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => twice(`select * from t where a = $1 order by b limit ${n}`));
    expect(named.filter((n) => n !== null)).toHaveLength(6);
    expect(named.slice(6)).toEqual([null, null]);
    expect(twice('select * from u where a = $1 limit 9')).not.toBeNull();
  });
});
