import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { paths } from './schema.gen.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

export {
  REVIEW_DECISIONS,
  REVIEW_SCOPES,
  REVIEW_STATES,
  type ReviewDecision,
  type ReviewScope,
  type ReviewState,
} from '../../../shared/access.ts';

/** A campaign (behörighetskontroll) in the list, with its progress (server/modules/access-reviews/schemas.ts). */
export type ReviewSummary = Schema<'AccessReviewSummary'>;
/** One campaign with its progress per reviewer, the caller's own items and what the caller may do. */
export type Review = Schema<'AccessReview'>;
export type ReviewerProgress = Review['reviewers'][number];
/** One grant under review, with its decision. */
export type ReviewItem = Schema<'AccessReviewItem'>;
export type ReviewInput = BodyOf<'/api/access-reviews'>;
export type DecisionsInput = BodyOf<'/api/access-reviews/{id}/decisions'>;
export type DecisionInput = DecisionsInput['decisions'][number];

type ItemsQuery = NonNullable<paths['/api/access-reviews/{id}/items']['get']['parameters']['query']>;
/** How the inbox is grouped: by system or by person (the grantee). */
export type ItemGroup = NonNullable<ItemsQuery['group']>;

export interface ItemsFilter {
  group: ItemGroup;
  /** true: only the caller's items (the inbox). */
  mine: boolean;
  /** false: only undecided; true: only decided; undefined: all. */
  decided?: boolean;
  systemId?: string;
  personId?: string;
}

export const PAGE_SIZE = 50;
/** The inbox reads more at a time: a reviewer decides many rows in one go. */
export const ITEMS_PAGE_SIZE = 100;

export const reviewKeys = {
  all: ['access-reviews'] as const,
  list: (state: string) => ['access-reviews', 'list', state] as const,
  one: (id: string) => ['access-reviews', 'one', id] as const,
  items: (id: string) => ['access-reviews', 'items', id] as const,
};

const enc = encodeURIComponent;
const reviewPath = (id: string) => `/api/access-reviews/${enc(id)}`;

/** The campaigns the caller sees; state '' is both. */
export function useReviews(state: ReviewSummary['state'] | '') {
  return useInfiniteQuery({
    queryKey: reviewKeys.list(state),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/access-reviews'>>(`/api/access-reviews${query({ state, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export const getReview = (id: string) => api.get<Review>(reviewPath(id));

export const useReview = (id: string) => useQuery({ queryKey: reviewKeys.one(id), queryFn: () => getReview(id) });

export function useReviewItems(id: string, filter: ItemsFilter) {
  const { mine, decided, ...rest } = filter;
  return useInfiniteQuery({
    queryKey: [...reviewKeys.items(id), filter],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/access-reviews/{id}/items'>>(
        `${reviewPath(id)}/items${query({
          ...rest,
          reviewer: mine ? 'me' : undefined,
          decided: decided === undefined ? undefined : String(decided),
          limit: ITEMS_PAGE_SIZE,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export const createReview = (input: ReviewInput) => api.post<Review>('/api/access-reviews', input);

/** Decisions on up to 500 items, all or none (a stale version is a 409 and nothing is written). */
export const decide = (id: string, decisions: DecisionInput[]) =>
  api.post<ResponseOf<'/api/access-reviews/{id}/decisions', 'post'>>(`${reviewPath(id)}/decisions`, { decisions });

export const closeReview = (id: string, version: number) => api.post<Review>(`${reviewPath(id)}/close`, { version });

/** The evidence as a file (a plain link downloads it). */
export const evidenceUrl = (id: string, format: 'xlsx' | 'pdf') => `${reviewPath(id)}/evidence.${format}`;
