import type { FieldMessages } from '../../components/forms.ts';
import { CLAUSES, type Agreement, type AgreementFactsInput, type AgreementKind, type Clause } from '../../api/agreements.ts';

/** The agreement form's values as the inputs hold them (text), and their conversion to the API's shape. */

export const AGREEMENT_FIELDS = [
  'kind', 'title', 'supplierId', 'reference', 'startDate', 'endDate', 'noticeMonths', 'autoRenewal', 'documentUrl',
  'responsiblePersonId', 'logging', 'backup', 'destruction', 'dpa', 'note',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface AgreementValues {
  kind: AgreementKind | '';
  title: string;
  supplierId: string;
  reference: string;
  startDate: string;
  endDate: string;
  noticeMonths: string;
  autoRenewal: boolean;
  documentUrl: string;
  responsiblePersonId: string;
  clauses: Record<Clause, '' | 'true' | 'false'>;
  note: string;
}

export const emptyAgreement = (supplierId = ''): AgreementValues => ({
  kind: '',
  title: '',
  supplierId,
  reference: '',
  startDate: '',
  endDate: '',
  noticeMonths: '',
  autoRenewal: false,
  documentUrl: '',
  responsiblePersonId: '',
  clauses: { logging: '', backup: '', destruction: '', dpa: '' },
  note: '',
});

const clauseText = (v: boolean | null): '' | 'true' | 'false' => (v === null ? '' : v ? 'true' : 'false');
const clauseValue = (v: '' | 'true' | 'false'): boolean | null => (v === '' ? null : v === 'true');

export const agreementValuesOf = (a: Agreement): AgreementValues => ({
  kind: a.kind,
  title: a.title,
  supplierId: a.supplier?.id ?? '',
  reference: a.reference ?? '',
  startDate: a.startDate ?? '',
  endDate: a.endDate ?? '',
  noticeMonths: a.noticeMonths === null ? '' : String(a.noticeMonths),
  autoRenewal: a.autoRenewal,
  documentUrl: a.documentUrl ?? '',
  responsiblePersonId: a.responsible?.id ?? '',
  clauses: { logging: clauseText(a.clauses.logging), backup: clauseText(a.clauses.backup), destruction: clauseText(a.clauses.destruction), dpa: clauseText(a.clauses.dpa) },
  note: a.note ?? '',
});

export const agreementInputOf = (v: AgreementValues): AgreementFactsInput => ({
  kind: v.kind as AgreementKind,
  title: v.title.trim(),
  supplierId: v.supplierId || null,
  reference: v.reference.trim() || null,
  startDate: v.startDate || null,
  endDate: v.endDate || null,
  noticeMonths: v.noticeMonths.trim() === '' ? null : Number(v.noticeMonths),
  autoRenewal: v.autoRenewal,
  documentUrl: v.documentUrl.trim() || null,
  responsiblePersonId: v.responsiblePersonId || null,
  clauses: Object.fromEntries(CLAUSES.map((c) => [c, clauseValue(v.clauses[c])])) as AgreementFactsInput['clauses'],
  note: v.note.trim() || null,
});

/** Checks in the browser what needs no server; the server validates everything again. */
export function validateAgreement(v: AgreementValues, t: (key: string) => string): FieldMessages<AgreementField> {
  const found: FieldMessages<AgreementField> = {};
  if (!v.kind) found.kind = t('agreements.validation.kindRequired');
  if (!v.title.trim()) found.title = t('agreements.validation.titleRequired');
  if (v.startDate && v.endDate && v.endDate < v.startDate) found.endDate = t('agreements.validation.endBeforeStart');
  const months = v.noticeMonths.trim();
  if (months && !(/^\d{1,2}$/.test(months) && Number(months) <= 60)) found.noticeMonths = t('agreements.validation.noticeMonths');
  if (v.documentUrl.trim() && !/^https?:\/\/\S+$/i.test(v.documentUrl.trim())) found.documentUrl = t('agreements.validation.documentUrl');
  return found;
}
