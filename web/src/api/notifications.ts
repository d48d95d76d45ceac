import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';

/** Notifications, reminder settings, the calendar feed and the send log (docs/FOLLOW-UP.md). */
export type Notification = Schema<'Notification'>;
export type Reminders = Schema<'Reminders'>;
export type ReminderFrequency = Reminders['kommunDefault'];
export type EmailLogEntry = Schema<'EmailLogEntry'>;
export type EmailState = EmailLogEntry['state'];

export const REMINDER_FREQUENCIES = ['daily', 'weekly', 'off'] as const satisfies readonly ReminderFrequency[];
export const EMAIL_STATES = ['pending', 'sent', 'failed'] as const satisfies readonly EmailState[];

export const NOTIFICATIONS_PAGE_SIZE = 50;
export const EMAIL_LOG_PAGE_SIZE = 50;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  reminders: ['reminders'] as const,
  emailLog: (state: EmailState | undefined) => ['email-log', state ?? 'all'] as const,
};

/** The bell's number: the caller's unread notifications (read again every minute and after each change). */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () =>
      (await api.get<ResponseOf<'/api/me/notifications'>>(`/api/me/notifications${query({ unread: 'true', limit: 1 })}`)).unread,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });

export const useNotifications = (unreadOnly: boolean) =>
  useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/me/notifications'>>(
        `/api/me/notifications${query({ unread: unreadOnly ? 'true' : undefined, limit: NOTIFICATIONS_PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const markNotificationsRead = (body: { ids: string[] } | { all: true }) =>
  api.post<ResponseOf<'/api/me/notifications/read', 'post'>>('/api/me/notifications/read', body);

export const useReminders = () =>
  useQuery({ queryKey: notificationKeys.reminders, queryFn: () => api.get<Reminders>('/api/me/reminders') });
export const putReminders = (frequency: ReminderFrequency | null) => api.put<Reminders>('/api/me/reminders', { frequency });
export const createCalendarFeed = () => api.post<ResponseOf<'/api/me/calendar', 'post'>>('/api/me/calendar', {});
export const revokeCalendarFeed = () => api.delete<void>('/api/me/calendar');

export const sendTestEmail = (to: string) => api.post<EmailLogEntry>('/api/admin/test-email', { to });

export const useEmailLog = (state: EmailState | undefined) =>
  useInfiniteQuery({
    queryKey: notificationKeys.emailLog(state),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/admin/email-log'>>(`/api/admin/email-log${query({ state, limit: EMAIL_LOG_PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
