import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** A policy text: Swedish always, English where the pack has it. */
export interface PolicyText {
  sv: string;
  en?: string;
}

export type Capacity = 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
export type Severity = 'high' | 'medium' | 'low';

export interface PolicyCondition {
  fact?: string;
  equals?: string | number | boolean;
  in?: (string | number | boolean)[];
  all?: PolicyCondition[];
  any?: PolicyCondition[];
  not?: PolicyCondition;
}

export interface PolicyDocument {
  format: string;
  id: string;
  version: string;
  title: PolicyText;
  language: 'sv' | 'en';
  adoption: { body?: string; date?: string; reference?: string };
  goals: { key: string; text: PolicyText }[];
  roles: { key: string; name: PolicyText; description: PolicyText; subjectKinds: string[] }[];
  areas: { key: string; kind: 'priority' | 'general'; title: PolicyText; text: PolicyText }[];
  rules: { id: string; area: string; capacity: Capacity; source: string; explanation: PolicyText }[];
  unexpressed: { source: string; reason: PolicyText }[];
}

export interface ActivePolicy {
  source: 'default' | 'uploaded';
  versionId: string | null;
  uploadedAt: string | null;
  uploadedBy: { id: string; name: string } | null;
  document: PolicyDocument;
}

export type ResponsibleParty =
  | { type: 'unit'; id: string; name: string; kind: string }
  | { type: 'person'; id: string; name: string; roleKey: string; subjectId: string }
  | { type: 'collective'; key: 'employees' | 'role_holders'; roleKey: string | null; count: number | null };

export interface Responsibility {
  ruleId: string;
  capacity: Capacity;
  conditional: boolean;
  when: PolicyCondition | null;
  resolution: 'resolved' | 'per_system' | 'unresolved';
  parties: ResponsibleParty[];
  through: { agreement?: string; role?: string } | null;
  explanation: PolicyText;
}

export interface Finding {
  key: string;
  severity: Severity;
  subject: { kind: 'installation' | 'unit' | 'system' | 'person'; id: string | null; name: string | null };
  ruleIds: string[];
  params: Record<string, string | number>;
  text: { sv: string; en: string };
}

export interface OrganisationResponsibilities {
  kommun: { id: string; name: string };
  areas: { area: string; title: PolicyText; responsibilities: Responsibility[] }[];
  findings: Finding[];
}

export interface Responsibilities {
  pack: { id: string; version: string };
  organisations: OrganisationResponsibilities[];
  findings: Finding[];
}

export interface PolicyVersion {
  id: string;
  packId: string;
  version: string;
  title: string;
  status: 'active' | 'superseded';
  documentSha256: string;
  uploadedAt: string;
  uploadedBy: { id: string; name: string } | null;
  activatedAt: string | null;
}

export const policyKeys = {
  all: ['policy'] as const,
  active: ['policy', 'active'] as const,
  responsibilities: ['policy', 'responsibilities'] as const,
  versions: ['policy', 'versions'] as const,
};

export function useActivePolicy() {
  return useQuery({ queryKey: policyKeys.active, queryFn: () => api.get<ActivePolicy>('/api/policy') });
}

export function useResponsibilities(enabled: boolean) {
  return useQuery({
    queryKey: policyKeys.responsibilities,
    queryFn: () => api.get<Responsibilities>('/api/policy/responsibilities'),
    enabled,
  });
}

export function usePolicyVersions() {
  return useInfiniteQuery({
    queryKey: policyKeys.versions,
    queryFn: ({ pageParam }) => api.get<Page<PolicyVersion>>(`/api/policy/versions${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const uploadPolicy = (body: { yaml: string; message?: string } | { document: unknown; message?: string }) =>
  api.post<PolicyVersion>('/api/policy/versions', body);

export const DEFAULT_PACK_URL = '/api/policy/default.yaml';
