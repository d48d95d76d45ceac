import { describe, expect, it } from 'vitest';
import { findHeader, statusOf } from './columns.ts';
import { planImport, type PlanInput } from './plan.ts';
import type { ExistingPerson } from './plan-types.ts';
import { readTable } from './read-table.ts';

const units = [
  { id: 'u1', name: 'Hemtjänsten', name_search: 'hemtjänsten', code: 'HEM', external_id: null },
  { id: 'u2', name: 'Skolan', name_search: 'skolan', code: 'S1', external_id: null },
  { id: 'u3', name: 'Skolan', name_search: 'skolan', code: 'S2', external_id: null },
];
let n = 0;
const input = (people: ExistingPerson[] = [], mode: 'full' | 'partial' = 'partial'): PlanInput => ({
  mode, locale: 'en', people, units, inScope: () => true, newId: () => `new-${++n}`,
});
const person = (p: Partial<ExistingPerson> & { id: string; name: string }): ExistingPerson => ({
  name_search: p.name.toLocaleLowerCase('sv-SE'), email: null, external_id: null, title: null, home_unit_id: 'u1', manager_id: null, status: 'active', version: 1, ...p,
});
const HEADER = ['Anst.nr', 'Namn', 'E-post', 'Enhet', 'Chef'];

describe('HR import columns', () => {
  it('finds the header below title rows, in any case and spelling, ignoring personnummer', async () => {
    const found = findHeader([['Personallista'], [], ['PERSONNUMMER', 'Förnamn', 'efternamn', 'E-mail', 'Avdelning', 'Närmaste chef', 'Employee ID']]);
    expect(found?.index).toBe(2);
    expect(Object.keys(found!.columns).sort()).toEqual(['email', 'externalId', 'firstName', 'lastName', 'manager', 'unit']);
    expect(found!.columns.externalId).toEqual({ index: 6, label: 'Employee ID' });
    expect(findHeader([['Namn', 'Titel'], ['Anna', 'Chef']])).toBeNull();
  });

  it('prefers the better-named column for a field', async () => {
    expect(findHeader([['ID', 'Anställningsnummer', 'Name']])!.columns.externalId!.index).toBe(1);
  });

  it('reads status words in both languages', async () => {
    expect(['Aktiv', 'INACTIVE', 'Slutat', 'left', 'maybe'].map(statusOf)).toEqual(['active', 'disabled', 'left', 'left', null]);
  });
});

describe('HR import plan', () => {
  it('asks for the unit code when a unit name is ambiguous, and reports duplicates', async () => {
    const { rows } = await planImport([HEADER, ['1', 'A', '', 'Skolan', ''], ['1', 'B', '', 's2', '']], input());
    expect(rows[0]!.errors).toEqual([{ column: 'Enhet', message: 'Several units match "Skolan". Give the unit code.' }]);
    expect(rows[1]!.errors).toEqual([{ column: 'Anst.nr', message: '"1" is also on row 2.' }]);
  });

  it('refuses a loop of managers in the file, and a manager whose own row fails', async () => {
    const { rows, counts } = await planImport(
      [HEADER, ['1', 'Anna', '', 'HEM', '2'], ['2', 'Bo', '', 'HEM', '1'], ['3', 'Cia', '', 'Nowhere', ''], ['4', 'Dan', '', 'HEM', 'cia']],
      input(),
    );
    expect(rows.map((r) => r.action)).toEqual(['error', 'error', 'error', 'error']);
    expect(rows[0]!.errors![0]!.message).toBe('The manager "2" leads back to the person themselves.');
    expect(rows[3]!.errors).toEqual([{ column: 'Chef', message: 'The manager "cia" (row 4) has errors and is not imported.' }]);
    expect(counts.error).toBe(4);
  });

  it('a refused row keeps its current manager, and a loop that this closes is refused too', async () => {
    const people = [
      person({ id: 'px', name: 'X', external_id: 'x', manager_id: 'py' }),
      person({ id: 'py', name: 'Y', external_id: 'y' }),
      person({ id: 'pz', name: 'Z', external_id: 'z' }),
    ];
    const table = [HEADER, ['y', 'Y', '', '', 'z'], ['z', 'Z', '', '', 'x'], ['x', 'X', '', '', 'w'], ['w', 'W', '', 'HEM', 'x'], ['v', 'V', '', 'HEM', 'z']];
    const { rows, plan } = await planImport(table, input(people));
    expect(rows.map((r) => [r.externalId, r.action, r.errors?.map((e) => e.message)])).toEqual([
      ['y', 'error', ['The manager "z" leads back to the person themselves.']],
      ['z', 'error', ['The manager "x" leads back to the person themselves.']],
      ['x', 'error', ['The manager "w" leads back to the person themselves.']],
      ['w', 'error', ['The manager "x" leads back to the person themselves.']],
      ['v', 'create', undefined],
    ]);
    expect(plan.creates[0]!.facts.managerId).toBe('pz');
  });

  it('matches by employee id, else e-mail; refuses an e-mail that belongs to someone with another id', async () => {
    const people = [person({ id: 'p1', name: 'Anna', external_id: '1' }), person({ id: 'p2', name: 'Bo', email: 'bo@k.se', external_id: '9' })];
    const { plan, rows } = await planImport([HEADER, ['1', 'Anna', '', '', ''], ['2', 'Bo', 'bo@k.se', 'HEM', '']], input(people));
    expect(plan.unchanged).toEqual([{ id: 'p1', version: 1 }]);
    expect(rows[1]!.errors![0]!.message).toBe('The e-mail address "bo@k.se" belongs to Bo, who has employee id 9.');
  });

  it('finds a unit that has a code by its plain name, not by its search text (issue 9)', async () => {
    const withCode = [{ id: 'sof', name: 'Socialförvaltningen', name_search: 'socialförvaltningen sof', code: 'SOF', external_id: 'X-1' }];
    const table = [HEADER, ['1', 'A', '', 'Socialförvaltningen', ''], ['2', 'B', '', 'SOCIAL-förvaltningen', ''], ['3', 'C', '', 'sof', ''], ['4', 'D', '', 'x-1', '']];
    const { plan, rows } = await planImport(table, { ...input(), units: withCode });
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create']);
    expect(plan.creates.map((c) => c.facts.homeUnitId)).toEqual(['sof', 'sof', 'sof', 'sof']);
  });

  it('a full import with a unit that is not found marks no one left, and says so (issue 9)', async () => {
    const people = [person({ id: 'p1', name: 'Anna', external_id: '1' }), person({ id: 'p2', name: 'Bo', external_id: '2' })];
    const { plan, counts, warnings } = await planImport([HEADER, ['1', 'Anna', '', 'Hemtjänst Norr', '']], input(people, 'full'));
    expect(plan.markLeft).toEqual([]);
    expect(counts).toMatchObject({ error: 1, markLeft: 0 });
    expect(warnings).toEqual([{ code: 'mark_left_withheld', message: expect.stringContaining('(rows: 2)') }]);
    expect(warnings[0]!.message).toContain('would otherwise have been marked left: 1.');
    const ambiguous = await planImport([HEADER, ['1', 'Anna', '', 'Skolan', '']], input(people, 'full'));
    expect(ambiguous.plan.markLeft).toEqual([]);
    expect(ambiguous.warnings.map((w) => w.code)).toEqual(['mark_left_withheld']);
    expect((await planImport([HEADER, ['1', 'Anna', '', 'Hemtjänst Norr', '']], input(people, 'partial'))).warnings).toEqual([]);
  });

  it('brings back a person who had left when they are in the file again; full mode marks the missing left', async () => {
    const people = [person({ id: 'p1', name: 'Anna', external_id: '1', status: 'left' }), person({ id: 'p2', name: 'Bo', external_id: '2' }), person({ id: 'p3', name: 'Manual' })];
    const { plan, rows } = await planImport([HEADER, ['1', 'Anna', '', '', '']], input(people, 'full'));
    expect(rows[0]).toMatchObject({ action: 'update', changes: ['status'] });
    expect(plan.markLeft.map((m) => m.id)).toEqual(['p2']);
  });
});

describe('reading files', () => {
  it('reads Windows-1252 CSV and semicolons', async () => {
    const latin1 = Buffer.from('Anst.nr;Namn\r\n1;\xc5sa \xd6berg\r\n', 'latin1');
    expect(await readTable(latin1)).toEqual([['Anst.nr', 'Namn'], ['1', 'Åsa Öberg']]);
  });

  it('reads comma-separated CSV with quoted fields', async () => {
    const text = Buffer.from('Employee ID,Name,Title\n1,"Ek, Bo",Chef; IT\n');
    expect(await readTable(text)).toEqual([['Employee ID', 'Name', 'Title'], ['1', 'Ek, Bo', 'Chef; IT']]);
  });

  it('refuses old .xls files with a hint', async () => {
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
