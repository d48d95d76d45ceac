import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

export type { Capacity, Severity } from '../../../shared/policy.ts';

/** A policy text: Swedish always, English where the pack has it. */
export type PolicyText = Schema<'PolicyText'>;
export type PolicyCondition = Schema<'PolicyCondition'>;
export type PolicyDocument = Schema<'PolicyPack'>;
export type ActivePolicy = ResponseOf<'/api/policy'>;
export type ResponsibleParty = Schema<'ResponsibleParty'>;
export type Responsibility = Schema<'SubjectResponsibilities'>['areas'][number]['responsibilities'][number];
export type Finding = Schema<'PolicyFinding'>;
export type Responsibilities = ResponseOf<'/api/policy/responsibilities'>;
export type OrganisationResponsibilities = Responsibilities['organisations'][number];
export type PolicyVersion = Schema<'PolicyVersion'>;

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
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/policy/versions'>>(`/api/policy/versions${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const uploadPolicy = (body: BodyOf<'/api/policy/versions'>) => api.post<PolicyVersion>('/api/policy/versions', body);

export const DEFAULT_PACK_URL = '/api/policy/default.yaml';
