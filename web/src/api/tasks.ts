import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';

/** Mitt ansvar (docs/FOLLOW-UP.md): the signed-in person's tasks and the summary the start page shows. */
export type Task = Schema<'Task'>;
export type MySummary = Schema<'MySummary'>;
export type TaskKind = Task['kind'];
export type TaskState = Task['state'];

export const TASK_KINDS = ['finding', 'risk_approval', 'classification_approval'] as const satisfies readonly TaskKind[];
export const TASK_STATES = ['overdue', 'due_soon', 'later'] as const satisfies readonly TaskState[];

export interface TasksFilter {
  kind?: TaskKind;
  state?: TaskState;
}

export const TASKS_PAGE_SIZE = 50;

export const taskKeys = {
  all: ['tasks'] as const,
  summary: ['tasks', 'summary'] as const,
  list: (filter: TasksFilter) => ['tasks', 'list', filter] as const,
};

/**
 * The summary (GET /api/me/summary). Reading it records a visit to Mitt ansvar on the server, so it is read by the
 * start page and kept a while; other pages that need the person's id share this cache.
 */
export const useMySummary = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: taskKeys.summary,
    queryFn: () => api.get<MySummary>('/api/me/summary'),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });

export const useMyTasks = (filter: TasksFilter, options: { enabled?: boolean } = {}) =>
  useInfiniteQuery({
    queryKey: taskKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/me/tasks'>>(`/api/me/tasks${query({ ...filter, limit: TASKS_PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
  });

/** Where a task is done: a finding's page, or the system's classification. */
export const taskHref = (task: Task): string =>
  task.kind === 'classification_approval' && task.system
    ? `/systems/${encodeURIComponent(task.system.id)}?tab=classification`
    : `/findings/${encodeURIComponent(task.id)}`;
