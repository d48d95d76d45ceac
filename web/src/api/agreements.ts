import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

/** Suppliers and agreements as the API shows them (docs/AGREEMENTS.md). */
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CLAUSES,
  type AgreementKind,
  type AgreementStatus,
  type Clause,
} from '../../../shared/systems.ts';

export interface Ref {
  id: string;
  name: string;
}

export type Supplier = Schema<'Supplier'>;
export type Contact = Schema<'SupplierContact'>;
export type AgreementSummary = Schema<'AgreementSummary'>;
export type SupplierDetail = Schema<'SupplierDetail'>;
export type Agreement = Schema<'Agreement'>;
export type LinkedSystem = Agreement['systems'][number];
export type SupplierInput = BodyOf<'/api/suppliers'>;
export type ContactInput = BodyOf<'/api/suppliers/{id}/contacts'>;
/** The editable facts of an agreement, all of them (what the form sends). */
export type AgreementFactsInput = Required<Omit<BodyOf<'/api/agreements'>, 'systemIds'>>;

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
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/suppliers'>>(`/api/suppliers${query({ q, limit: options.limit ?? PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAgreements(filter: AgreementsFilter, options: { limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...agreementKeys.agreementList(filter), options.limit ?? PAGE_SIZE],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/agreements'>>(`/api/agreements${query({ ...filter, limit: options.limit ?? PAGE_SIZE, cursor: pageParam })}`),
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
    queryFn: () => api.get<ResponseOf<'/api/systems/{id}/agreements'>>(`/api/systems/${encodeURIComponent(systemId)}/agreements`),
  });
}
