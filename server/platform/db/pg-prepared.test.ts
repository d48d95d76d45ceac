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
});
