import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { RoleHolding } from '../org/api.ts';

export const PERSON_STATUSES = ['active', 'disabled', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export interface Person {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  homeUnit: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  status: PersonStatus;
  externalId: string | null;
  leftAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDetail extends Person {
  roles: RoleHolding[];
}

export interface PersonInput {
  name: string;
  email?: string;
  title?: string;
  homeUnitId: string;
  managerId?: string;
  externalId?: string;
}

export interface PersonPatch {
  version: number;
  name?: string;
  email?: string | null;
  title?: string | null;
  homeUnitId?: string;
  managerId?: string | null;
  status?: PersonStatus;
  externalId?: string | null;
}

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  status?: PersonStatus;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: PeopleFilter) => ['people', 'list', filter] as const,
  person: (id: string) => ['people', 'person', id] as const,
};

export const PAGE_SIZE = 50;

export function usePeople(filter: PeopleFilter, options: { limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...peopleKeys.list(filter), options.limit ?? PAGE_SIZE],
    queryFn: ({ pageParam }) =>
      api.get<Page<Person>>(
        `/api/people${query({
          q: filter.q,
          unitId: filter.unitId,
          includeSubunits: filter.unitId && filter.includeSubunits ? 'true' : undefined,
          status: filter.status,
          limit: options.limit ?? PAGE_SIZE,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: peopleKeys.person(id), queryFn: () => getPerson(id) });
}

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const getPerson = (id: string) => api.get<PersonDetail>(personPath(id));
export const createPerson = (input: PersonInput) => api.post<Person>('/api/people', input);
export const updatePerson = (id: string, patch: PersonPatch) => api.patch<Person>(personPath(id), patch);

export interface ImportRow {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  externalId: string | null;
  name: string | null;
  changes?: string[];
  errors?: { column: string; message: string }[];
}

export interface ImportPreview {
  id: string;
  expiresAt: string;
  mode: 'full' | 'partial';
  counts: { create: number; update: number; unchanged: number; error: number; markLeft: number };
  rows: ImportRow[];
  markLeft: { id: string; name: string }[];
  /** About the plan as a whole, in the caller's language (mark_left_withheld: a full import that marks no one left). */
  warnings: { code: string; message: string }[];
}

/** What an applied import wrote (rows with errors were skipped). */
export interface ImportResult {
  id: string;
  mode: 'full' | 'partial';
  appliedAt: string;
  counts: ImportPreview['counts'];
}

export function uploadImport(file: File, mode: 'full' | 'partial') {
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  form.append('mode', mode);
  form.append('file', file, file.name);
  return api.postForm<ImportPreview>('/api/people/import', form);
}

export const applyImport = (id: string) => api.post<ImportResult>(`/api/people/import/${encodeURIComponent(id)}/apply`, {});
