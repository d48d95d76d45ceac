import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { AppRole, Page, RoleAssignment } from '../../api/types.ts';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  roles: RoleAssignment[];
  createdAt: string;
  lastSeenAt: string | null;
}

export interface CreatedInvite {
  id: string;
  url: string;
  expiresAt: string;
}

/** A one-time link for a user to choose a new password (24 hours; replaces their earlier links). */
export type CreatedResetLink = CreatedInvite;

export interface InviteInput {
  email: string;
  name: string;
  role: AppRole;
}

export const PAGE_SIZE = 50;
export const usersQueryKey = ['users'] as const;

export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersQueryKey,
    queryFn: ({ pageParam }) => api.get<Page<UserSummary>>(`/api/users${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const createInvite = (input: InviteInput) => api.post<CreatedInvite>('/api/invites', input);

export const endSessions = (userId: string) => api.delete<void>(`/api/users/${encodeURIComponent(userId)}/sessions`);

export const createPasswordReset = (userId: string) => api.post<CreatedResetLink>(`/api/users/${encodeURIComponent(userId)}/password-reset`);
