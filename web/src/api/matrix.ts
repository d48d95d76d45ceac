import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf } from './types.ts';

/** GET /api/systems/responsibilities (server/modules/systems/matrix.ts). */
export type MatrixPage = ResponseOf<'/api/systems/responsibilities'>;
export type MatrixItem = MatrixPage['items'][number];
export type MatrixCell = MatrixItem['cells'][number];
export type MatrixArea = MatrixPage['areas'][number];

export interface MatrixFilter {
  unitId?: string;
  q?: string;
  /** One area key (the API takes several, comma-separated). */
  area?: string;
  /** Only systems with a vacant or missing cell. */
  gaps?: boolean;
}

/** Systems a page: each is evaluated by the policy engine on the server (at most 100). */
export const MATRIX_PAGE = 50;

export function useMatrix(filter: MatrixFilter) {
  return useInfiniteQuery({
    queryKey: ['responsibility-matrix', filter],
    queryFn: ({ pageParam }) =>
      api.get<MatrixPage>(
        `/api/systems/responsibilities${query({ unitId: filter.unitId, q: filter.q, area: filter.area, gaps: filter.gaps ? 'true' : undefined, limit: MATRIX_PAGE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
