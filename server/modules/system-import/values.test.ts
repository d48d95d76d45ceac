import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../platform/spreadsheet/index.ts';
import { columnsOf, findHeader, recognise, sheetNamesUnit } from './fields.ts';
import { nameFromEmail, personMatcher, unitMatcher } from './resolve.ts';
import { countOf, dateOf, hostingOf, isVacant, lifecycleOf, peopleListOf, personalData, yesNo } from './values.ts';

const value = <T>(r: { value: T } | { error: string }) => ('value' in r ? r.value : `error:${r.error.split('.').at(-1)}`);

describe('reading cells', () => {
  it.each([
    ['Ja', true], ['J', true], ['x', true], ['YES', true], ['ja, delvis', true], ['Nej', false], ['n', false], ['No', false], ['0', false],
    ['kanske', 'error:yes_no'],
  ])('yes/no %s → %s', (text, want) => expect(value(yesNo(text))).toBe(want));

  it.each([
    ['Ja', 'personal'], ['Ja, känsliga', 'sensitive'], ['ja – känsliga personuppgifter', 'sensitive'], ['Känsliga', 'sensitive'],
    ['Ja, inte känsliga', 'personal'], ['Nej', 'none'], ['Yes, sensitive', 'sensitive'], ['vet ej', 'error:personal_data'],
  ])('personuppgifter %s → %s', (text, want) => expect(value(personalData(text))).toBe(want));

  it.each([
    ['2026-12-31', '2026-12-31'], ['2026-12-31 00:00:00', '2026-12-31'], ['31/12 2026', '2026-12-31'], ['31/12/2026', '2026-12-31'],
    ['31.12.2026', '2026-12-31'], ['1-2-2027', '2027-02-01'], ['20261231', '2026-12-31'], ['31 dec 2026', '2026-12-31'],
    ['1 mars 2027', '2027-03-01'], ['45658', '2025-01-01'], ['31/02 2026', 'error:date'], ['snart', 'error:date'],
  ])('date %s → %s', (text, want) => expect(value(dateOf(text))).toBe(want));

  it.each([
    ['Intern', 'internal_it'], ['IT-enheten', 'internal_it'], ['lokalt', 'internal_it'], ['Hos leverantör', 'supplier_hosted'],
    ['Extern', 'supplier_hosted'], ['SaaS', 'saas'], ['Molntjänst', 'saas'], ['Azure', 'cloud_tenant'], ['M365-tenant', 'cloud_tenant'],
    ['Leverantör (SaaS)', 'saas'], ['Intern leverantör', 'internal_supplier'], ['Inera', 'public_body'], ['på månen', 'error:hosting'],
  ])('hosting %s → %s', (text, want) => expect(value(hostingOf(text))).toBe(want));

  it.each([
    ['Planerad', 'planned'], ['under införande', 'implementing'], ['I DRIFT', 'in_operation'], ['Under avveckling', 'retiring'],
    ['Avvecklad', 'retired'], ['in use', 'in_operation'], ['pausad', 'error:lifecycle'],
  ])('lifecycle %s → %s', (text, want) => expect(value(lifecycleOf(text))).toBe(want));

  it.each([['250', 250], ['1 200', 1200], ['ca 300', 300], ['~50', 50], ['200+', 200], ['50–100', 100], ['många', 'error:count']])(
    'count %s → %s',
    (text, want) => expect(value(countOf(text))).toBe(want),
  );

  it('knows vacant roles and lists of people', () => {
    expect(['Vakant', 'VAKANT', '-', 'saknas', 'Ej utsedd'].map(isVacant)).toEqual([true, true, true, true, true]);
    expect(isVacant('Anna Berg')).toBe(false);
    expect(peopleListOf('Anna Berg; Bo Ek\nCecilia Dahl och Dan Drift')).toEqual(['Anna Berg', 'Bo Ek', 'Cecilia Dahl', 'Dan Drift']);
    expect(peopleListOf('Berg, Anna')).toEqual(['Berg, Anna']);
  });
});

describe('recognising columns', () => {
  it('reads Swedish and English headers in any case, with variants and extra words', () => {
    const header = ['SYSTEMNAMN', 'Ägande förvaltning', 'System owner', 'Systemförvaltare (namn)', 'Driftform (intern/extern)', 'K', 'R', 'T', 'Samhällsviktig J/N', 'Avtalets slutdatum', 'Okänd kolumn'];
    const cols = columnsOf(header, {});
    expect(Object.fromEntries(Object.entries(cols).map(([f, c]) => [f, c.index]))).toEqual({
      name: 0, unit: 1, owner: 2, manager: 3, hosting: 4, confidentiality: 5, integrity: 6, availability: 7, samhallsviktig: 8, agreementEnd: 9,
    });
    expect(recognise('K/R/T')?.field).toBe('classification');
    expect(recognise('K/R/T/S')?.field).toBe('classification');
    expect(['S', 'Spårbarhet', 'Traceability'].map((h) => recognise(h)?.field)).toEqual(['traceability', 'traceability', 'traceability']);
    // The single letter S is spårbarhet and nothing else: a header part "(S)" does not win over the rest of the header.
    expect(recognise('Samhällsviktig (S)')?.field).toBe('samhallsviktig');
    expect(recognise('Hosting/driftform')?.field).toBe('hosting');
  });

  it('lets the caller correct the mapping and finds a header below title rows', () => {
    expect(columnsOf(['Namn', 'Ansvarig'], { Ansvarig: 'owner', namn: null })).toEqual({ owner: { index: 1, label: 'Ansvarig' } });
    expect(findHeader([['Systemförteckning 2026'], [], ['Namn', 'Förvaltning']], {})?.index).toBe(2);
    expect(findHeader([['Bara', 'text']], {})).toBeNull();
  });

  it('names cells and tells sheet names that name a förvaltning', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
    expect(['Blad1', 'Sheet 2', 'System', 'Socialförvaltningen', null].map(sheetNamesUnit)).toEqual([false, false, false, true, false]);
  });
});

describe('matching', () => {
  const units = [
    { id: 'soc', name: 'Socialförvaltningen', code: 'SOC', external_id: null, parent_id: 'k', kind: 'forvaltning', function: null },
    { id: 'sn', name: 'Socialnämnden', code: null, external_id: null, parent_id: 'k', kind: 'namnd', function: null },
    { id: 'sbf', name: 'Samhällsbyggnadsförvaltningen i Exempelby', code: null, external_id: 'U-9', parent_id: 'k', kind: 'forvaltning', function: null },
  ];
  it('finds units by name, code, external id or a unique start of the name', () => {
    const find = unitMatcher(units);
    expect(find('socialförvaltningen')).toEqual({ found: units[0] });
    expect(find('Social-förvaltningen')).toEqual({ found: units[0] });
    expect(find('soc')).toEqual({ found: units[0] });
    expect(find('U-9')).toEqual({ found: units[2] });
    expect(find('Samhällsbyggnadsförvaltningen i')).toEqual({ found: units[2] });
    expect(find('Social')).toEqual({ ambiguous: true });
    expect(find('Miljöförvaltningen')).toEqual({ unknown: { key: 'miljöförvaltningen', name: 'Miljöförvaltningen' } });
  });

  it('finds people by e-mail or name in the forms people write them', () => {
    const people = [{ id: 'a', name: 'Anna Berg', name_search: 'anna berg', email: 'anna.berg@kommun.test', status: 'active' as const }];
    const find = personMatcher(people);
    for (const text of ['Anna Berg', 'ANNA  BERG', 'Berg, Anna', 'anna.berg@kommun.test', 'Anna Berg <anna.berg@kommun.test>', 'Anna Berg (IT)']) {
      expect(find(text), text).toEqual({ found: people[0] });
    }
    expect(find('per.persson@kommun.test')).toEqual({ unknown: { key: 'per.persson@kommun.test', name: 'Per Persson', email: 'per.persson@kommun.test' } });
    expect(nameFromEmail('karl-johan.ek@x.se')).toBe('Karl Johan Ek');
  });
});
