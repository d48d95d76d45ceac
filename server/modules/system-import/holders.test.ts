import { describe, expect, it } from 'vitest';
import { holderReader, itUnitOf, type HolderMapping } from './holders.ts';
import type { PersonRef, UnitRef } from './plan-types.ts';
import { personMatcher } from './resolve.ts';

const unit = (id: string, name: string, parent: string | null, extra: Partial<UnitRef> = {}): UnitRef => ({
  id, name, code: null, external_id: null, parent_id: parent, kind: 'enhet', function: null, ...extra,
});
const units = [
  unit('k', 'Exempelby kommun', null, { kind: 'kommun' }),
  unit('klf', 'Kommunledningsförvaltningen', 'k', { code: 'KLF' }),
  unit('it', 'Digitaliseringsenheten', 'klf', { function: 'it_unit' }),
  unit('soc', 'Socialförvaltningen', 'k'),
];
const people: PersonRef[] = [
  { id: 'p-anna', name: 'Anna Berg', name_search: 'anna berg', email: 'anna.berg@kommun.test', status: 'active' },
  { id: 'p-lars', name: 'Lars Lämnat', name_search: 'lars lämnat', email: null, status: 'left' },
];
const reader = (mappings: HolderMapping[] = [], itUnit = itUnitOf(units, 'k')) =>
  holderReader({ units, people, suppliers: [{ id: 's-cgi', name: 'CGI Sverige AB' }], fileSuppliers: new Set(['tieto']), personNames: new Set(['name:greta nyström']), itUnit, mappings }, personMatcher(people));

describe('reading a name in a role cell', () => {
  const read = reader();
  const row = { supplier: 'Visma' };
  it('a unit by name or code, the IT unit by "IT-enheten", "IT-avdelningen", "IT"', () => {
    expect(read('Socialförvaltningen', row)).toMatchObject({ became: 'unit', id: 'soc', reason: 'unit_name' });
    expect(read('klf', row)).toMatchObject({ became: 'unit', id: 'klf' });
    for (const t of ['IT-enheten', 'it-avdelningen', 'IT']) expect(read(t, row)).toMatchObject({ became: 'unit', id: 'it', reason: 'it_unit' });
    expect(reader([], null)('IT-enheten', row)).toEqual({ became: 'vacant', reason: 'no_it_unit' });
  });
  it('a supplier: "Leverantör" is the row\'s, a known one or one the file names by name', () => {
    for (const t of ['Leverantör', 'Leverantören', 'Extern leverantör', 'visma']) expect(read(t, row)).toMatchObject({ became: 'supplier', supplierName: 'Visma', reason: 'row_supplier' });
    expect(read('Leverantör', { supplier: null })).toEqual({ became: 'vacant', reason: 'no_supplier' });
    expect(read('CGI Sverige AB', row)).toMatchObject({ became: 'supplier', id: 's-cgi', reason: 'supplier_name' });
    expect(read('Tieto', row)).toMatchObject({ became: 'supplier', supplierName: 'Tieto' });
  });
  it('a person by name or e-mail; a new person only from what reads as a person\'s name', () => {
    expect(read('Berg, Anna', row)).toMatchObject({ became: 'person', id: 'p-anna', left: false });
    expect(read('Lars Lämnat', row)).toMatchObject({ became: 'person', left: true });
    expect(read('Greta Nyström', row)).toMatchObject({ became: 'new_person', name: 'Greta Nyström' });
    // In lower case only when the file writes the name as a person's elsewhere.
    expect(read('greta nyström', row)).toMatchObject({ became: 'new_person' });
    expect(read('bo nilsson', row)).toEqual({ became: 'vacant', reason: 'unclear' });
    expect(read('ny.person@kommun.test', row)).toMatchObject({ became: 'new_person', email: 'ny.person@kommun.test' });
    for (const t of ['Atea Sverige AB', 'Region Exempel', 'Skatteverket', 'Inera', 'Servicekontoret', 'support@leverantor.test']) {
      expect(read(t, row), t).toEqual({ became: 'vacant', reason: 'organisation' });
    }
    for (const t of ['Kalle', 'Telia', 'CGI']) expect(read(t, row), t).toEqual({ became: 'vacant', reason: 'unclear' });
  });
  it('the caller\'s mapping wins; a new person never takes a unit\'s or a supplier\'s name', () => {
    const mapped = reader([
      { text: 'Telia', as: { kind: 'supplier', id: 's-cgi' } },
      { text: 'Kalle', as: 'new_person' },
      { text: 'Anna Berg', as: 'vacant' },
      { text: 'Drift', as: { kind: 'unit', id: 'gone' } },
      { text: 'Tieto', as: 'new_person' },
    ]);
    expect(mapped('telia', row)).toMatchObject({ became: 'supplier', id: 's-cgi', reason: 'mapped' });
    expect(mapped('Kalle', row)).toMatchObject({ became: 'new_person', name: 'Kalle', mapped: true });
    expect(mapped('Anna Berg', row)).toEqual({ became: 'vacant', reason: 'mapped_vacant' });
    expect(mapped('Drift', row)).toEqual({ became: 'vacant', reason: 'mapped_missing' });
    expect(mapped('Tieto', row)).toEqual({ became: 'vacant', reason: 'name_taken' });
  });
});
