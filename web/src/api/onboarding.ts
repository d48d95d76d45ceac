import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';

/** GET /api/onboarding: the getting-started steps and the numbers of today (server/modules/onboarding). */
export type Onboarding = Schema<'Onboarding'>;
export type OnboardingStep = Schema<'OnboardingStep'>;
export type KommunCreated = ResponseOf<'/api/onboarding/kommun', 'post'>;

export const onboardingQueryKey = ['onboarding'] as const;

export function useOnboarding() {
  return useQuery({ queryKey: onboardingQueryKey, queryFn: () => api.get<Onboarding>('/api/onboarding') });
}

/** Creates the kommun with its kommunstyrelse (when setup did not); every page that reads units reloads. */
export function useCreateKommun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<KommunCreated>('/api/onboarding/kommun', { name }),
    onSuccess: async () => {
      await client.invalidateQueries();
    },
  });
}
