import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { api, ApiError, query, type FieldErrors } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

export {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  GRANT_END_REASONS,
  GRANT_ORIGINS,
  type AccountStatus,
  type AccountType,
  type GrantEndReason,
  type GrantOrigin,
} from '../../../shared/access.ts';

/** A system's access role (behörighet), with its current grant count (server/modules/access/schemas.ts). */
export type AccessRole = Schema<'AccessRole'>;
export type AccessRoleStatus = AccessRole['status'];
export type AccessRoles = Schema<'AccessRoles'>;
export type AccessAccount = Schema<'AccessAccount'>;
export type AccessGrant = Schema<'AccessGrant'>;
export type PersonAccess = Schema<'PersonAccess'>;
/** One of a person's grants, with its system. */
export type PersonGrant = PersonAccess['items'][number];
/** A user-list dry-run: per row what applying does, the new access roles, the accounts and grants a full import ends. */
export type AccessImportPreview = Schema<'AccessImportPreview'>;
export type AccessImportRow = AccessImportPreview['rows'][number];
export type AccessImportResult = Schema<'AccessImportResult'>;
export type AccessImportMode = AccessImportPreview['mode'];
export type AccessRoleInput = BodyOf<'/api/systems/{id}/access-roles'>;
export type AccessRolePatch = BodyOf<'/api/systems/{id}/access-roles/{roleId}', 'patch'>;

export interface AccountsFilter {
  q?: string;
  unmatched?: boolean;
}

export interface GrantsFilter {
  q?: string;
  accessRoleId?: string;
  privileged?: boolean;
  /** true: the ended grants (history) instead of the current ones. */
  ended?: boolean;
}

export const PAGE_SIZE = 50;

export const accessKeys = {
  all: ['access'] as const,
  roles: (systemId: string) => ['access', 'roles', systemId] as const,
  accounts: (systemId: string) => ['access', 'accounts', systemId] as const,
  grants: (systemId: string) => ['access', 'grants', systemId] as const,
  person: (personId: string) => ['access', 'person', personId] as const,
};

const enc = encodeURIComponent;
const systemPath = (systemId: string) => `/api/systems/${enc(systemId)}`;
const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

export function useAccessRoles(systemId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: accessKeys.roles(systemId),
    queryFn: () => api.get<AccessRoles>(`${systemPath(systemId)}/access-roles`),
  });
}

export function useAccounts(systemId: string, filter: AccountsFilter, options: { limit?: number } = {}) {
  const limit = options.limit ?? PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: [...accessKeys.accounts(systemId), filter, limit],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/systems/{id}/accounts'>>(
        `${systemPath(systemId)}/accounts${query({ q: filter.q, unmatched: filter.unmatched ? 'true' : undefined, limit, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useGrants(systemId: string, filter: GrantsFilter, options: { limit?: number } = {}) {
  const limit = options.limit ?? PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: [...accessKeys.grants(systemId), filter, limit],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/systems/{id}/grants'>>(
        `${systemPath(systemId)}/grants${query({
          q: filter.q,
          accessRoleId: filter.accessRoleId,
          privileged: flag(filter.privileged),
          ended: filter.ended ? 'true' : undefined,
          limit,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A person's grants everywhere (current and ended), and how many are on systems the caller may not see. */
export function usePersonAccess(personId: string) {
  return useQuery({
    queryKey: accessKeys.person(personId),
    queryFn: () => api.get<PersonAccess>(`/api/people/${enc(personId)}/access`),
  });
}

export const createAccessRole = (systemId: string, input: AccessRoleInput) =>
  api.post<AccessRole>(`${systemPath(systemId)}/access-roles`, input);

export const updateAccessRole = (systemId: string, roleId: string, patch: AccessRolePatch) =>
  api.patch<AccessRole>(`${systemPath(systemId)}/access-roles/${enc(roleId)}`, patch);

function errorOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; fields?: FieldErrors } };
    if (body.error?.code) {
      return new ApiError({
        status,
        code: body.error.code,
        message: body.error.message || i18next.t('errors.unexpected'),
        fields: body.error.fields,
      });
    }
  } catch {
    // not JSON (a proxy's error page)
  }
  return new ApiError({ status, code: `http_${status}`, message: i18next.t('errors.unexpected') });
}

/**
 * Uploads the system's user list for a dry-run with XMLHttpRequest, which reports upload progress (fetch does not):
 * onProgress gets the share sent (0–1), then null while the server reads the file.
 */
export async function uploadAccessImport(
  systemId: string,
  file: File,
  mode: AccessImportMode,
  onProgress: (sent: number | null) => void,
): Promise<AccessImportPreview> {
  const { token } = await api.get<ResponseOf<'/api/auth/csrf'>>('/api/auth/csrf');
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  form.append('mode', mode);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${systemPath(systemId)}/access/import`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18next.resolvedLanguage ?? i18next.language ?? 'sv');
    xhr.setRequestHeader('x-ansvar-origin', 'ui');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', message: i18next.t('errors.network') }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as AccessImportPreview);
        } catch {
          reject(errorOf(xhr.status, ''));
        }
      } else reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.send(form);
  });
}

export const applyAccessImport = (id: string) => api.post<AccessImportResult>(`/api/access/imports/${enc(id)}/apply`, {});
