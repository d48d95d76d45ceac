import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { PolicyText, Responsibility } from '../policy/api.ts';

/** GET /api/systems/responsibilities (server/modules/systems/matrix.ts). */
export interface MatrixPage {
  pack: { id: string; version: string };
  areas: Array<{ key: string; title: PolicyText }>;
  items: Array<{
    system: { id: string; registerNo: string; name: string; owningUnit: { id: string; name: string } };
    cells: Array<{ area: string; responsibilities: Responsibility[] }>;
    findings: number;
  }>;
  nextCursor: string | null;
}

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
