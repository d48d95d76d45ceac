import { describe, expect, it } from 'vitest';
import { agreementStatus, noticeStart } from './dates.ts';
import { checkRegister, type AgreementFact, type SystemRecordFact } from './register-checks.ts';

const TODAY = '2026-11-28';

const record = (over: Partial<SystemRecordFact> = {}): SystemRecordFact => ({
  system: { id: 's1', name: 'Procapita', owningUnitId: 'soc', insideNetwork: false, kommungemensamt: false, samhallsviktig: false },
  lifecycle: 'in_operation',
  hosting: 'saas',
  personalData: 'none',
  thirdCountryTransfer: false,
  dataLocation: 'sweden',
  thirdCountryBasis: null,
  confirmationDue: '2027-06-01',
  dependencies: [],
  agreements: [],
  ...over,
});

const agreement = (over: Partial<AgreementFact> = {}): AgreementFact => ({
  id: 'a1',
  title: 'Avtal 2024',
  kind: 'supplier_agreement',
  startDate: '2024-01-01',
  endDate: '2027-12-31',
  noticeMonths: 6,
  autoRenewal: false,
  dpa: false,
  ...over,
});

const keys = (r: SystemRecordFact, today = TODAY) => checkRegister(r, today).map((f) => f.key).sort();

describe('agreement status', () => {
  it.each([
    ['before its start', { startDate: '2026-12-01' }, 'not_started'],
    ['running', {}, 'active'],
    ['on the first day of its notice period', { endDate: '2027-05-28' }, 'in_notice_period'],
    ['the day before its notice period', { endDate: '2027-05-29' }, 'active'],
    ['on its last day', { endDate: TODAY }, 'in_notice_period'],
    ['the day after its end', { endDate: '2026-11-27' }, 'ended'],
    ['renewing itself', { endDate: '2026-01-01', autoRenewal: true }, 'active'],
    ['without an end date', { endDate: null }, 'active'],
  ] as const)('%s', (_label, over, status) => {
    expect(agreementStatus(agreement(over), TODAY)).toBe(status);
  });

  it('counts the notice period back from the end, keeping the day or the month’s last day', () => {
    expect(noticeStart({ endDate: '2027-08-31', noticeMonths: 6 })).toBe('2027-02-28');
    expect(noticeStart({ endDate: '2027-12-31', noticeMonths: 0 })).toBe('2027-12-31');
    expect(noticeStart({ endDate: null, noticeMonths: 3 })).toBeNull();
  });
});

describe('register checks', () => {
  it.each<[string, Partial<SystemRecordFact>, string[]]>([
    ['an external system in operation without an agreement', {}, ['agreement_missing']],
    ['run by the IT unit: no agreement needed', { hosting: 'internal_it' }, []],
    ['hosting unknown: no agreement check (the engine reports the unknown fact)', { hosting: null }, []],
    ['planned: not yet', { lifecycle: 'planned' }, []],
    ['with an agreement in force', { agreements: [agreement()] }, []],
    ['with only an ended agreement', { agreements: [agreement({ endDate: '2025-12-31' })] }, ['agreement_ended']],
    ['with its only agreement in the notice period', { agreements: [agreement({ endDate: '2027-03-31' })] }, ['agreement_in_notice']],
    ['one in notice and one running', { agreements: [agreement({ endDate: '2027-03-31' }), agreement({ id: 'a2', endDate: '2029-12-31' })] }, []],
    ['personal data with a supplier and no DPA', { personalData: 'personal', agreements: [agreement()] }, ['dpa_missing']],
    ['sensitive personal data with a DPA', { personalData: 'sensitive', agreements: [agreement({ dpa: true })] }, []],
    ['a DPA that has ended does not count', { personalData: 'personal', agreements: [agreement(), agreement({ id: 'd', dpa: true, endDate: '2025-01-01' })] }, ['dpa_missing']],
    ['third-country transfer without a basis', { hosting: 'internal_it', thirdCountryTransfer: true }, ['third_country_basis_missing']],
    ['third-country transfer with a basis', { hosting: 'internal_it', thirdCountryTransfer: true, thirdCountryBasis: 'SCC' }, []],
    ['data stored in a third country', { hosting: 'internal_it', dataLocation: 'third_country', personalData: 'personal' }, ['third_country_basis_missing']],
    ['a dependency on an avvecklat system', { hosting: 'internal_it', dependencies: [{ id: 'x', name: 'Gamla', lifecycle: 'retired' }] }, ['dependency_retired']],
    ['a dependency on a live system', { hosting: 'internal_it', dependencies: [{ id: 'x', name: 'Nya', lifecycle: 'in_operation' }] }, []],
    ['confirmation overdue', { hosting: 'internal_it', confirmationDue: '2026-11-27' }, ['confirmation_overdue']],
    ['confirmation due today is not overdue', { hosting: 'internal_it', confirmationDue: TODAY }, []],
    ['an avvecklat system has no findings', { lifecycle: 'retired', thirdCountryTransfer: true, confirmationDue: '2020-01-01' }, []],
  ])('%s', (_label, over, expected) => {
    expect(keys(record(over))).toEqual(expected);
  });

  it('dates the gap and names the agreement; severity follows the lifecycle and samhällsviktig', () => {
    const [ended] = checkRegister(record({ agreements: [agreement({ endDate: '2025-12-31' })] }), TODAY);
    expect(ended).toMatchObject({ key: 'agreement_ended', severity: 'high', since: '2025-12-31', detailId: 'a1' });
    expect(ended!.text.sv).toBe('Avtalet Avtal 2024 för systemet Procapita upphörde 2025-12-31, och inget annat avtal gäller.');
    expect(ended!.text.en).toMatch(/^The agreement Avtal 2024 for the system Procapita ended on 2025-12-31/);
    expect(checkRegister(record({ lifecycle: 'implementing' }), TODAY)[0]!.severity).toBe('medium');
    const overdue = (samhallsviktig: boolean) =>
      checkRegister(record({ hosting: 'internal_it', confirmationDue: '2026-01-01', system: { ...record().system, samhallsviktig } }), TODAY)[0]!;
    expect(overdue(true)).toMatchObject({ severity: 'high', since: '2026-01-01' });
    expect(overdue(false).severity).toBe('medium');
    expect(checkRegister(record({ agreements: [] }), TODAY)[0]!.text.en).toMatch(/\(SaaS\)/);
  });
});
