import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { listEmailLog, sendTestEmail } from './email-admin.ts';
import { listMyNotifications, markMyNotificationsRead } from './my-notifications.ts';
import { calendarFeed, createCalendar, getReminders, putReminders, revokeCalendar } from './reminders.ts';
import {
  calendarCreated, calendarParams, emailLogEntry, emailLogPage, emailLogQuery, markReadBody, markReadResult, notificationsPage, notificationsQuery,
  putRemindersBody, remindersSchema, testEmailBody,
} from './schemas.ts';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** Notifications, reminder settings, the calendar feed, the test e-mail and the send log (docs/FOLLOW-UP.md). */
export function notificationRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/me/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'The caller’s notifications, newest first, with the unread count',
      querystring: notificationsQuery,
      response: { 200: notificationsPage, ...errors(400, 401) },
    },
    handler: async (req) => listMyNotifications(ctxOf(req, services), authOf(req), req.query),
  });

  r.post('/api/me/notifications/read', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Mark the caller’s notifications read: the given ids (at most 500), or all',
      body: markReadBody,
      response: { 200: markReadResult, ...errors(400, 401) },
    },
    handler: async (req) => markMyNotificationsRead(ctxOf(req, services), authOf(req), req.body),
  });

  r.get('/api/me/reminders', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'How often the caller gets reminder e-mails, the kommun’s default, and their calendar feed', response: { 200: remindersSchema, ...errors(401) } },
    handler: async (req) => getReminders(ctxOf(req, services), authOf(req)),
  });

  r.put('/api/me/reminders', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Choose how often reminder e-mails come (null: the kommun’s default)', body: putRemindersBody, response: { 200: remindersSchema, ...errors(400, 401) } },
    handler: async (req) => putReminders(ctxOf(req, services), authOf(req), req.body.frequency),
  });

  r.post('/api/me/calendar', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Make a secret calendar feed URL of the caller’s due dates (shown once; replaces any earlier one)',
      response: { 201: calendarCreated, ...errors(401) },
    },
    handler: async (req, reply) => reply.status(201).send(await createCalendar(ctxOf(req, services), authOf(req))),
  });

  r.delete('/api/me/calendar', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Revoke the caller’s calendar feed URL', response: { 204: z.null().describe('Revoked (or there was none)'), ...errors(401) } },
    handler: async (req, reply) => {
      await revokeCalendar(ctxOf(req, services), authOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/calendar/:token.ics', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A calendar feed (iCalendar): its owner’s open findings with due dates as all-day events; the token is the key',
      security: [],
      params: calendarParams,
      response: {
        200: { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: z.string().meta({ description: 'iCalendar (RFC 5545)' }) } } },
        ...errors(404),
      },
    },
    handler: async (req, reply) => reply.type(ICS_TYPE).header('content-disposition', 'inline; filename="ansvar.ics"').send(await calendarFeed(services, req.params.token)),
  });

  r.post('/api/admin/test-email', {
    config: { access: 'users:manage' },
    schema: {
      tags,
      summary: 'Send a test e-mail now; answers with its send log entry (sent, or pending with the reason). 409 without SMTP_URL',
      body: testEmailBody,
      response: { 200: emailLogEntry, ...errors(400, 401, 403, 409) },
    },
    handler: async (req) => sendTestEmail(ctxOf(req, services), authOf(req), req.body.to),
  });

  r.get('/api/admin/email-log', {
    config: { access: 'users:manage' },
    schema: {
      tags,
      summary: 'The send log: every e-mail, queued, sent or failed with the reason, newest first',
      querystring: emailLogQuery,
      response: { 200: emailLogPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listEmailLog(ctxOf(req, services), authOf(req), req.query),
  });
}
