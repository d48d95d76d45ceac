import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

/** Information classification as the API shows it (docs/CLASSIFICATION.md). */
export {
  ASPECTS,
  CLASSIFICATION_FLAGS,
  CLASSIFICATION_METHODS,
  CLASSIFICATION_STATUSES,
  QUESTION_SUBJECTS,
  REQUIREMENT_STATUSES,
  SECURITY_PROTECTION,
  type Aspect,
  type ClassificationStatus,
  type QuestionSubject,
  type RequirementStatus,
} from '../../../shared/classification.ts';

export type Classification = Schema<'Classification'>;
export type SystemClassifications = Schema<'SystemClassifications'>;
export type ClassificationScales = Schema<'ClassificationScales'>;
export type Scale = ClassificationScales['scales'][number];
export type SystemRequirements = Schema<'SystemRequirements'>;
export type SystemRequirement = Schema<'SystemRequirement'>;
export type ClassificationOverview = Schema<'ClassificationOverview'>;
export type OverviewSystem = Schema<'ClassificationSystemsPage'>['items'][number];
export type PackText = Schema<'PackText'>;
export type ClassificationPatch = BodyOf<'/api/classifications/{id}', 'patch'>;
export type OverviewState = 'approved' | 'missing' | 'in_progress' | 'review_due';

export interface OverviewFilter {
  unitId?: string;
  state?: OverviewState;
  aspect?: string;
  level?: number;
}

export const classificationKeys = {
  all: ['classifications'] as const,
  scales: ['classifications', 'scales'] as const,
  ofSystem: (systemId: string) => ['classifications', 'system', systemId] as const,
  requirements: (systemId: string) => ['classifications', 'requirements', systemId] as const,
  overview: (unitId: string) => ['classifications', 'overview', unitId] as const,
  systems: (filter: OverviewFilter) => ['classifications', 'systems', filter] as const,
};

const enc = encodeURIComponent;

export const useScales = () =>
  useQuery({ queryKey: classificationKeys.scales, queryFn: () => api.get<ResponseOf<'/api/classification-scales'>>('/api/classification-scales'), staleTime: 5 * 60_000 });

export const useSystemClassifications = (systemId: string) =>
  useQuery({
    queryKey: classificationKeys.ofSystem(systemId),
    queryFn: () => api.get<SystemClassifications>(`/api/systems/${enc(systemId)}/classifications`),
  });

export const useRequirements = (systemId: string) =>
  useQuery({ queryKey: classificationKeys.requirements(systemId), queryFn: () => api.get<SystemRequirements>(`/api/systems/${enc(systemId)}/requirements`) });

export const createClassification = (systemId: string, body: BodyOf<'/api/systems/{id}/classifications'> = {}) =>
  api.post<Classification>(`/api/systems/${enc(systemId)}/classifications`, body);
export const updateClassification = (id: string, patch: ClassificationPatch) => api.patch<Classification>(`/api/classifications/${enc(id)}`, patch);
export const submitClassification = (id: string, rowVersion: number) => api.post<Classification>(`/api/classifications/${enc(id)}/submit`, { rowVersion });
export const approveClassification = (id: string, rowVersion: number) => api.post<Classification>(`/api/classifications/${enc(id)}/approve`, { rowVersion });
export const rejectClassification = (id: string, rowVersion: number, reason: string) =>
  api.post<Classification>(`/api/classifications/${enc(id)}/reject`, { rowVersion, reason });
export const requestSupport = (id: string) => api.post<Classification>(`/api/classifications/${enc(id)}/support`, {});
export const updateRequirement = (systemId: string, key: string, body: BodyOf<'/api/systems/{id}/requirements/{key}', 'patch'>) =>
  api.patch<SystemRequirement>(`/api/systems/${enc(systemId)}/requirements/${enc(key)}`, body);

export const useOverview = (unitId: string) =>
  useQuery({
    queryKey: classificationKeys.overview(unitId),
    queryFn: () => api.get<ClassificationOverview>(`/api/classifications/overview${query({ unitId })}`),
  });

export const OVERVIEW_PAGE_SIZE = 50;

export const useOverviewSystems = (filter: OverviewFilter) =>
  useInfiniteQuery({
    queryKey: classificationKeys.systems(filter),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/classifications/systems'>>(
        `/api/classifications/systems${query({ ...filter, limit: OVERVIEW_PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The address of the overview's XLSX (same filters; a plain link downloads it). */
export const overviewExportUrl = (filter: Omit<OverviewFilter, 'level'> & { level?: number }) =>
  `/api/classifications/export.xlsx${query({ ...filter })}`;

/** A pack text in the user's language (English falls back to Swedish). */
export const packText = (text: PackText | null | undefined, language: string): string => (!text ? '' : language === 'en' ? (text.en ?? text.sv) : text.sv);
