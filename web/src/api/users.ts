import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

export type UserSummary = Schema<'UserSummary'>;
export type CreatedInvite = ResponseOf<'/api/invites', 'post'>;
/** A one-time link for a user to choose a new password (24 hours; replaces their earlier links). */
export type CreatedResetLink = ResponseOf<'/api/users/{id}/password-reset', 'post'>;
export type InviteInput = BodyOf<'/api/invites'>;

export const PAGE_SIZE = 50;
export const usersQueryKey = ['users'] as const;

export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersQueryKey,
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/users'>>(`/api/users${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const createInvite = (input: InviteInput) => api.post<CreatedInvite>('/api/invites', input);

export const endSessions = (userId: string) => api.delete<void>(`/api/users/${encodeURIComponent(userId)}/sessions`);

export const createPasswordReset = (userId: string) => api.post<CreatedResetLink>(`/api/users/${encodeURIComponent(userId)}/password-reset`);
