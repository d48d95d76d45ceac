import { describe, expect, it } from 'vitest';
import { meansTheItUnit, meansTheSupplier, readsAsOrganisation, readsAsPersonName } from './holder-names.ts';

describe('how a holder name reads', () => {
  it.each(['Anna Svensson', 'Anna-Karin Öberg', 'Per de Geer', "Lars O'Neill", 'Åsa Ek', 'Lars E. Holm'])('%s reads as a person', (n) => {
    expect(readsAsPersonName(n)).toBe(true);
    expect(readsAsOrganisation(n)).toBe(false);
  });

  it.each([
    'IT-enheten',
    'IT-avdelningen',
    'IT',
    'Leverantör',
    'Leverantören',
    'Extern leverantör',
    'CGI Sverige AB',
    'Tieto Evry AB',
    'Region Västra Götaland',
    'Borås kommun',
    'Socialförvaltningen',
    'Kommunstyrelsen',
    'Skatteverket',
    'Inera',
    'Lönecenter',
    'Servicekontoret',
    'Atea Sverige',
  ])('%s reads as an organisation, never as a person', (n) => {
    expect(readsAsOrganisation(n)).toBe(true);
    expect(readsAsPersonName(n)).toBe(false);
  });

  it.each(['Telia', 'CGI', 'Kalle', 'ANNA SVENSSON', 'Anna 2', 'x y', ''])('%s reads as neither a person nor for sure an organisation', (n) => {
    expect(readsAsPersonName(n)).toBe(false);
  });

  it('knows the words for the row supplier and the IT unit', () => {
    expect(meansTheSupplier('  extern   Leverantör ')).toBe(true);
    expect(meansTheSupplier('Leverantörsservice')).toBe(false);
    expect(meansTheItUnit('it-enheten')).toBe(true);
    expect(meansTheItUnit('IT-strateg Anna')).toBe(false);
  });
});
