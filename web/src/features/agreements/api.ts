import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Suppliers and agreements as the API shows them (docs/AGREEMENTS.md). */

export const AGREEMENT_PERMISSIONS = { read: 'systems:read', write: 'systems:write' } as const;

export const AGREEMENT_KINDS = ['service_agreement', 'supplier_agreement', 'license', 'saas', 'support', 'dpa', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = ['active', 'in_notice_period', 'ended', 'not_started'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const CLAUSES = ['logging', 'backup', 'destruction', 'dpa'] as const;
export type Clause = (typeof CLAUSES)[number];
export type Clauses = Record<Clause, boolean | null>;

export interface Ref {
  id: string;
  name: string;
}

export interface Supplier {
  id: string;
  name: string;
  orgNumber: string | null;
  website: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  createdAt: string;
}

export interface AgreementSummary {
  id: string;
  kind: AgreementKind;
  title: string;
  reference: string | null;
  supplier: Ref | null;
  startDate: string | null;
  endDate: string | null;
  noticeMonths: number | null;
  noticeFrom: string | null;
  autoRenewal: boolean;
  status: AgreementStatus;
  clauses: Clauses;
  responsible: (Ref & { status: 'active' | 'disabled' | 'left' }) | null;
  updatedAt: string;
  version: number;
}

export interface SupplierDetail extends Supplier {
  contacts: Contact[];
  agreements: AgreementSummary[];
  can: { edit: boolean };
}

export interface LinkedSystem {
  id: string;
  registerNo: string;
  name: string;
  lifecycle: string;
  canUnlink: boolean;
}

export interface Agreement extends AgreementSummary {
  documentUrl: string | null;
  note: string | null;
  systems: LinkedSystem[];
  hiddenSystemCount: number;
  createdAt: string;
  can: { edit: boolean };
}

export interface SupplierInput {
  name: string;
  orgNumber: string | null;
  website: string | null;
  note: string | null;
}

export interface ContactInput {
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export interface AgreementFactsInput {
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
  clauses: Clauses;
  note: string | null;
}

export interface AgreementsFilter {
  q?: string;
  supplierId?: string;
  systemId?: string;
  endingBefore?: string;
}

export const agreementKeys = {
  suppliers: ['suppliers'] as const,
  supplierList: (q: string) => ['suppliers', 'list', q] as const,
  supplier: (id: string) => ['suppliers', 'one', id] as const,
  agreements: ['agreements'] as const,
  agreementList: (filter: AgreementsFilter) => ['agreements', 'list', filter] as const,
  agreement: (id: string) => ['agreements', 'one', id] as const,
  ofSystem: (systemId: string) => ['agreements', 'system', systemId] as const,
};

export const PAGE_SIZE = 50;

export function useSuppliers(q: string, options: { limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: [...agreementKeys.supplierList(q), options.limit ?? PAGE_SIZE],
    queryFn: ({ pageParam }) => api.get<Page<Supplier>>(`/api/suppliers${query({ q, limit: options.limit ?? PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAgreements(filter: AgreementsFilter, options: { limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...agreementKeys.agreementList(filter), options.limit ?? PAGE_SIZE],
    queryFn: ({ pageParam }) =>
      api.get<Page<AgreementSummary>>(`/api/agreements${query({ ...filter, limit: options.limit ?? PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
  });
}

const supplierPath = (id: string) => `/api/suppliers/${encodeURIComponent(id)}`;
const contactPath = (id: string, contactId: string) => `${supplierPath(id)}/contacts/${encodeURIComponent(contactId)}`;
const agreementPath = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;

export const getSupplier = (id: string) => api.get<SupplierDetail>(supplierPath(id));
export const useSupplier = (id: string) => useQuery({ queryKey: agreementKeys.supplier(id), queryFn: () => getSupplier(id), enabled: id !== '' });
export const createSupplier = (input: SupplierInput) => api.post<SupplierDetail>('/api/suppliers', input);
export const updateSupplier = (id: string, patch: Partial<SupplierInput> & { version: number }) => api.patch<SupplierDetail>(supplierPath(id), patch);
export const addContact = (id: string, input: ContactInput) => api.post<SupplierDetail>(`${supplierPath(id)}/contacts`, input);
export const updateContact = (id: string, contactId: string, input: ContactInput) => api.patch<SupplierDetail>(contactPath(id, contactId), input);
export const removeContact = (id: string, contactId: string) => api.delete<SupplierDetail>(contactPath(id, contactId));

export const getAgreement = (id: string) => api.get<Agreement>(agreementPath(id));
export const useAgreement = (id: string) => useQuery({ queryKey: agreementKeys.agreement(id), queryFn: () => getAgreement(id) });
export const createAgreement = (input: AgreementFactsInput & { systemIds: string[] }) => api.post<Agreement>('/api/agreements', input);
export const updateAgreement = (id: string, patch: Partial<AgreementFactsInput> & { version: number }) => api.patch<Agreement>(agreementPath(id), patch);
export const linkSystem = (id: string, systemId: string) => api.post<Agreement>(`${agreementPath(id)}/systems`, { systemId });
export const unlinkSystem = (id: string, systemId: string) => api.delete<void>(`${agreementPath(id)}/systems/${encodeURIComponent(systemId)}`);

export function useSystemAgreements(systemId: string) {
  return useQuery({
    queryKey: agreementKeys.ofSystem(systemId),
    queryFn: () => api.get<{ items: AgreementSummary[] }>(`/api/systems/${encodeURIComponent(systemId)}/agreements`),
  });
}
