import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { listTasks } from './list-tasks.ts';
import { summarySchema, tasksPage, tasksQuery } from './schemas.ts';
import { getSummary } from './summary.ts';

/** Mitt ansvar: the signed-in person's tasks and summary (docs/FOLLOW-UP.md). */
export function taskRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['me'];
  r.get('/api/me/tasks', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Your tasks: findings to act on, risks and classifications to approve; soonest due first, keyset-paginated',
      querystring: tasksQuery,
      response: { 200: tasksPage, ...errors(400, 401) },
    },
    handler: async (req) => listTasks(ctxOf(req, services), authOf(req), req.query),
  });
  r.get('/api/me/summary', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Mitt ansvar in short: your roles, tasks by due date, unread notifications, what changed since your previous visit (records this visit)',
      response: { 200: summarySchema, ...errors(401) },
    },
    handler: async (req) => getSummary(ctxOf(req, services), authOf(req), services.db),
  });
}
