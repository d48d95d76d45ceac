import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { meQueryKey } from './me.ts';

function onError(error: unknown, queryKey?: readonly unknown[]) {
  // A session that ended elsewhere: make the frame re-check /api/me, which sends the
  // user to the sign-in page.
  if (error instanceof ApiError && error.status === 401 && queryKey?.[0] !== meQueryKey[0]) {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not go away by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
