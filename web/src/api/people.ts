import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';
import type { ImportMode, PersonStatus } from '../../../shared/org.ts';

export { IMPORT_MODES, PERSON_STATUSES, type ImportMode, type PersonStatus } from '../../../shared/org.ts';

export type Person = Schema<'Person'>;
export type PersonDetail = Schema<'PersonDetail'>;
export type PersonInput = BodyOf<'/api/people'>;
export type PersonPatch = BodyOf<'/api/people/{id}', 'patch'>;

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
      api.get<ResponseOf<'/api/people'>>(
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

export type ImportPreview = Schema<'PeopleImportPreview'>;
export type ImportRow = ImportPreview['rows'][number];
/** What an applied import wrote (rows with errors were skipped). */
export type ImportResult = Schema<'PeopleImportResult'>;

export function uploadImport(file: File, mode: ImportMode) {
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  form.append('mode', mode);
  form.append('file', file, file.name);
  return api.postForm<ImportPreview>('/api/people/import', form);
}

export const applyImport = (id: string) => api.post<ImportResult>(`/api/people/import/${encodeURIComponent(id)}/apply`, {});
