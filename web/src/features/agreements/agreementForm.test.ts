import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../api/agreements.ts';
import { agreementInputOf, agreementValuesOf, emptyAgreement, validateAgreement } from './agreementForm.ts';

const agreement = {
  id: 'a1',
  kind: 'saas',
  title: 'Molntjänst',
  reference: 'AV-12',
  supplier: { id: 'sup1', name: 'Leverantör AB' },
  startDate: '2025-01-01',
  endDate: null,
  noticeMonths: 3,
  autoRenewal: true,
  documentUrl: null,
  responsible: { id: 'p1', name: 'Anna', status: 'active' },
  clauses: { logging: true, backup: false, destruction: null, dpa: true },
  note: null,
} as unknown as Agreement;

describe('the agreement form', () => {
  it('maps an agreement to the form and back to the same facts', () => {
    expect(agreementInputOf(agreementValuesOf(agreement))).toEqual({
      kind: 'saas',
      title: 'Molntjänst',
      supplierId: 'sup1',
      reference: 'AV-12',
      startDate: '2025-01-01',
      endDate: null,
      noticeMonths: 3,
      autoRenewal: true,
      documentUrl: null,
      responsiblePersonId: 'p1',
      clauses: { logging: true, backup: false, destruction: null, dpa: true },
      note: null,
    });
  });

  it('starts empty (with the supplier it was opened from) and sends empty fields as null', () => {
    const values = emptyAgreement('sup9');
    expect(values.supplierId).toBe('sup9');
    expect(agreementInputOf({ ...values, kind: 'dpa', title: '  PUB-avtal ' })).toMatchObject({
      kind: 'dpa',
      title: 'PUB-avtal',
      supplierId: 'sup9',
      reference: null,
      noticeMonths: null,
      clauses: { logging: null, backup: null, destruction: null, dpa: null },
    });
  });

  it('checks what needs no server', () => {
    const t = (key: string) => key;
    expect(validateAgreement(emptyAgreement(), t)).toEqual({
      kind: 'agreements.validation.kindRequired',
      title: 'agreements.validation.titleRequired',
    });
    const values = {
      ...agreementValuesOf(agreement),
      startDate: '2025-02-01',
      endDate: '2025-01-31',
      noticeMonths: '61',
      documentUrl: 'ftp://x',
    };
    expect(validateAgreement(values, t)).toEqual({
      endDate: 'agreements.validation.endBeforeStart',
      noticeMonths: 'agreements.validation.noticeMonths',
      documentUrl: 'agreements.validation.documentUrl',
    });
  });
});
