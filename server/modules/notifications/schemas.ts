import { z } from 'zod';
import { REMINDER_FREQUENCIES } from '../../policy/follow-up.ts';
import type { NotificationKind } from '../../platform/db/tables/follow-up.ts';
import { emailInput, idInput, isoTimestamp, optionalFilter, optionalFlag, pageQuery, secretInput } from '../../platform/http/schemas.ts';

/** Request and response schemas of notifications, reminders, the calendar feed and the send log (docs/FOLLOW-UP.md). */

export const NOTIFICATION_KINDS = [
  'assigned', 'due_soon', 'overdue', 'risk_to_approve', 'risk_approved', 'risk_rejected', 'risk_expired', 'reopened',
  'access_review_reminder', 'access_review_escalated',
] as const satisfies readonly NotificationKind[];
export const EMAIL_STATES = ['pending', 'sent', 'failed'] as const;
export const EMAIL_KINDS = ['digest', 'test'] as const;

// ——— Notifications ———

export const notificationsQuery = z.object({
  unread: optionalFlag.describe('true: only unread notifications'),
  ...pageQuery,
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    text: z.string().describe('In the caller’s language: what happened, and the finding’s text'),
    findingId: z.string().nullable(),
    systemId: z.string().nullable(),
    path: z.string().nullable().describe('Where in Ansvar the notification leads (a finding, a review’s inbox, a system’s access tab)'),
    createdAt: isoTimestamp,
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });

export const notificationsPage = z
  .object({
    items: z.array(notificationSchema),
    total: z.number().int().nullable().describe('Notifications the filter lets through, on the first page (no cursor); null on later pages'),
    unread: z.number().int().describe('The caller’s unread notifications (the bell’s number)'),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationsPage' });

export const markReadBody = z
  .object({
    ids: z.array(idInput).max(500).optional().describe('These notifications (the caller’s own; others are left alone)'),
    all: z.boolean().optional().describe('true: all the caller’s notifications'),
  })
  .strict();
export type MarkReadInput = z.infer<typeof markReadBody>;

export const markReadResult = z
  .object({
    marked: z.number().int().describe('How many were unread and are now read'),
    unread: z.number().int().describe('The caller’s unread notifications now'),
  })
  .meta({ id: 'NotificationsMarked' });

// ——— Reminders and the calendar ———

export const remindersSchema = z
  .object({
    frequency: z.enum(REMINDER_FREQUENCIES).nullable().describe('How often the caller gets the digest e-mail; null: the kommun’s default'),
    kommunDefault: z.enum(REMINDER_FREQUENCIES).describe('The policy’s reminderFrequency'),
    emailEnabled: z.boolean().describe('false: the server sends no e-mail (SMTP_URL is not set)'),
    calendar: z.object({
      active: z.boolean().describe('Does the caller have a calendar feed URL?'),
      createdAt: isoTimestamp.nullable(),
    }),
  })
  .meta({ id: 'Reminders' });

export const putRemindersBody = z
  .object({ frequency: z.enum(REMINDER_FREQUENCIES).nullable().describe('daily, weekly, off, or null for the kommun’s default') })
  .strict();

export const calendarCreated = z
  .object({ url: z.string().describe('The secret feed URL; shown once (only its hash is kept), replaces any earlier one') })
  .meta({ id: 'CalendarFeed' });

/** In the path: a token the schema refuses is a 404, like one that does not exist. */
export const calendarParams = z.object({ token: secretInput(100).min(20).regex(/^[A-Za-z0-9_-]+$/) });

// ——— E-mail (administration) ———

export const testEmailBody = z.object({ to: emailInput.describe('Where to send the test e-mail') }).strict();

export const emailLogEntry = z
  .object({
    id: z.string(),
    kind: z.enum(EMAIL_KINDS),
    to: z.string(),
    subject: z.string(),
    state: z.enum(EMAIL_STATES).describe('pending: queued or to be retried; sent; failed: given up after the last attempt'),
    attempts: z.number().int(),
    lastError: z.string().nullable().describe('Why the last attempt failed'),
    createdAt: isoTimestamp,
    sentAt: isoTimestamp.nullable(),
  })
  .meta({ id: 'EmailLogEntry' });

export const emailLogQuery = z.object({
  state: optionalFilter(z.enum(EMAIL_STATES)).describe('Only e-mails in this state'),
  ...pageQuery,
});
export type EmailLogQuery = z.infer<typeof emailLogQuery>;

export const emailLogPage = z
  .object({
    items: z.array(emailLogEntry),
    total: z.number().int().nullable().describe('On the first page (no cursor); null on later pages'),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'EmailLogPage' });
