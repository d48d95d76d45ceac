import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf } from './types.ts';

/** GET /api/systems/responsibilities (server/modules/systems/matrix.ts). */
export type MatrixPage = ResponseOf<'/api/systems/responsibilities'>;

export interface MatrixFilter {
  unitId?: string;
  q?: string;
}

export const MATRIX_PAGE = 25;

export function useMatrix(filter: MatrixFilter) {
  return useInfiniteQuery({
    queryKey: ['responsibility-matrix', filter],
    queryFn: ({ pageParam }) =>
      api.get<MatrixPage>(`/api/systems/responsibilities${query({ ...filter, limit: MATRIX_PAGE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
