import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Me, Permission } from './types.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in user; fails with ApiError status 401 when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => api.get<Me>('/api/me'),
    retry: false,
    staleTime: 60_000,
  });
}

export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}
