import type { z } from 'zod';
import type { AgreementsTable, SupplierContactsTable, SuppliersTable } from '../../platform/db/tables/systems.ts';
import type { AgreementRow } from './agreement-repository.ts';
import type { agreementSchema, agreementSummarySchema } from './agreement-schemas.ts';
import { agreementStatus, noticeStart } from '../../policy/dates.ts';
import { bool, flag, type AgreementKind } from './model.ts';
import type { contactSchema, supplierDetailSchema, supplierSchema } from './supplier-schemas.ts';

export type Supplier = z.infer<typeof supplierSchema>;
export type SupplierDetail = z.infer<typeof supplierDetailSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
export type Agreement = z.infer<typeof agreementSchema>;

export const presentSupplier = (r: SuppliersTable): Supplier => ({
  id: r.id,
  name: r.name,
  orgNumber: r.org_number,
  website: r.website,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export const presentContact = (r: SupplierContactsTable): Contact => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  role: r.role_text,
  createdAt: r.created_at,
});

/** An agreement as lists show it, its status computed for `today` (YYYY-MM-DD, Swedish time). */
export function presentAgreementSummary(r: AgreementRow, today: string): AgreementSummary {
  const dates = { startDate: r.start_date, endDate: r.end_date, noticeMonths: r.notice_months };
  const autoRenewal = r.auto_renewal === 1;
  return {
    id: r.id,
    kind: r.kind as AgreementKind,
    title: r.title,
    reference: r.reference,
    supplier: r.supplier_id ? { id: r.supplier_id, name: r.supplier_name ?? '' } : null,
    ...dates,
    noticeFrom: noticeStart(dates),
    autoRenewal,
    status: agreementStatus({ ...dates, autoRenewal }, today),
    clauses: { logging: bool(r.clause_logging), backup: bool(r.clause_backup), destruction: bool(r.clause_destruction), dpa: bool(r.clause_dpa) },
    responsible: r.responsible_person_id
      ? { id: r.responsible_person_id, name: r.responsible_name ?? '', status: r.responsible_status ?? 'active' }
      : null,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The facts of a supplier as the audit trail records them. */
export interface SupplierFacts {
  name: string;
  orgNumber: string | null;
  website: string | null;
  note: string | null;
}

export const supplierFactsOf = (r: Pick<SuppliersTable, 'name' | 'org_number' | 'website' | 'note'>): SupplierFacts => ({
  name: r.name,
  orgNumber: r.org_number,
  website: r.website,
  note: r.note,
});

export interface ContactFacts {
  contactId: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export const contactFactsOf = (r: SupplierContactsTable): ContactFacts => ({
  contactId: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  role: r.role_text,
});

/** The facts of an agreement as the audit trail records them and a patch changes them. */
export interface AgreementFacts {
  kind: AgreementKind;
  title: string;
  supplierId: string | null;
  reference: string | null;
  startDate: string | null;
  endDate: string | null;
  noticeMonths: number | null;
  autoRenewal: boolean;
  documentUrl: string | null;
  responsiblePersonId: string | null;
  clauses: { logging: boolean | null; backup: boolean | null; destruction: boolean | null; dpa: boolean | null };
  note: string | null;
}

export const agreementFactsOf = (r: AgreementRow): AgreementFacts => ({
  kind: r.kind as AgreementKind,
  title: r.title,
  supplierId: r.supplier_id,
  reference: r.reference,
  startDate: r.start_date,
  endDate: r.end_date,
  noticeMonths: r.notice_months,
  autoRenewal: r.auto_renewal === 1,
  documentUrl: r.document_url,
  responsiblePersonId: r.responsible_person_id,
  clauses: { logging: bool(r.clause_logging), backup: bool(r.clause_backup), destruction: bool(r.clause_destruction), dpa: bool(r.clause_dpa) },
  note: r.note,
});

/** The columns that hold an agreement's facts. */
export const columnsOf = (f: AgreementFacts): Omit<AgreementsTable, 'id' | 'created_at' | 'updated_at' | 'version'> => ({
  supplier_id: f.supplierId,
  kind: f.kind,
  title: f.title,
  reference: f.reference,
  start_date: f.startDate,
  end_date: f.endDate,
  notice_months: f.noticeMonths,
  auto_renewal: f.autoRenewal ? 1 : 0,
  document_url: f.documentUrl,
  responsible_person_id: f.responsiblePersonId,
  clause_logging: flag(f.clauses.logging),
  clause_backup: flag(f.clauses.backup),
  clause_destruction: flag(f.clauses.destruction),
  clause_dpa: flag(f.clauses.dpa),
  note: f.note,
});

/** Only the fields that changed, before and after, for the audit trail; empty when nothing changed. */
export function diffFacts<T extends object>(before: T, after: T) {
  const fields = (Object.keys(after) as Array<keyof T>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const pick = (f: T) => Object.fromEntries(fields.map((k) => [k, f[k]])) as Partial<T>;
  return { fields, before: pick(before), after: pick(after) };
}
