import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx, Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import {
  acceptRisk, acknowledgeFinding, approveRisk, assignFinding, commentOnFinding, markNotApplicable, rejectRisk, reopenFinding, setDueDate,
} from './act-on-finding.ts';
import { bulkAct } from './bulk.ts';
import { exportFindings } from './export-findings.ts';
import { XLSX_TYPE, attachment, fileResponse } from '../../platform/http/files.ts';
import { todayOf } from '../../platform/dates.ts';
import { getFinding } from './get-finding.ts';
import { getFindingHistory } from './history.ts';
import { listFindingsPage } from './list-findings.ts';
import { actionBodies, bulkBody, bulkResult, findingDetail, findingHistory, findingIdParam, findingsPage, findingsQuery } from './schemas.ts';

/** Findings: every place the register and the organisation do not meet the policy, their history, and acting on them. */
export function findingRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['findings'];
  r.get('/api/findings', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Findings the caller may see, worst first, keyset-paginated (status=resolved gives the history)',
      querystring: findingsQuery,
      response: { 200: findingsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listFindingsPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.get('/api/findings/export.xlsx', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The findings the list’s filters let through as an XLSX workbook (handling=handled: accepted risks and findings not applicable, with motivation, approver and expiry)',
      querystring: findingsQuery.omit({ limit: true, cursor: true }),
      response: { 200: fileResponse(XLSX_TYPE, 'XLSX workbook, one row per finding after a bold header row'), ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req, services);
      const stream = await exportFindings(ctx, authOf(req), req.query);
      return attachment(reply, XLSX_TYPE, `${ctx.locale === 'en' ? 'findings' : 'avvikelser'}-${todayOf(ctx)}.xlsx`).send(stream);
    },
  });

  r.post('/api/findings/bulk', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'One action (assign, due date, acknowledge, not applicable) on every open finding a filter lets through: all or nothing, at most 500',
      body: bulkBody,
      response: { 200: bulkResult, ...errors(400, 401, 403, 409) },
    },
    handler: async (req) => bulkAct(ctxOf(req, services), authOf(req), req.body),
  });

  r.get('/api/findings/:id', {
    config: { access: 'systems:read' },
    schema: { tags, summary: 'One finding with its handling and what the caller may do', params: findingIdParam, response: { 200: findingDetail, ...errors(401, 403, 404) } },
    handler: async (req) => getFinding(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.get('/api/findings/:id/history', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Every time the finding opened and was resolved, and every action on it, oldest first',
      params: findingIdParam,
      response: { 200: findingHistory, ...errors(401, 403, 404) },
    },
    handler: async (req) => getFindingHistory(ctxOf(req, services), authOf(req), req.params.id),
  });

  /** An action route: POST /api/findings/{id}/<path> with its body, answering the finding as it is now. */
  const action = <B extends z.ZodType>(path: string, summary: string, body: B, run: (ctx: Ctx, auth: Auth, id: string, b: z.infer<B>) => Promise<unknown>) =>
    r.post(`/api/findings/:id/${path}`, {
      config: { access: 'systems:read' },
      schema: { tags, summary, params: findingIdParam, body, response: { 200: findingDetail, ...errors(400, 401, 403, 404, 409) } },
      handler: async (req) => run(ctxOf(req, services), authOf(req), req.params.id, req.body as z.infer<B>) as Promise<z.infer<typeof findingDetail>>,
    });

  const b = actionBodies;
  action('assign', 'Assign the finding to a person (null: the actor the policy names acts again)', b.assign, (c, a, id, x) => assignFinding(c, a, id, x.version, x.personId));
  action('due-date', 'Set the due date (null: the pack’s default)', b.dueDate, (c, a, id, x) => setDueDate(c, a, id, x.version, x.dueOn));
  action('comment', 'Comment (in the history)', b.comment, (c, a, id, x) => commentOnFinding(c, a, id, x.text));
  action('acknowledge', 'Acknowledge: someone works on it', b.acknowledge, (c, a, id, x) => acknowledgeFinding(c, a, id, x.version));
  action('not-applicable', 'Mark not applicable, with a reason', b.notApplicable, (c, a, id, x) => markNotApplicable(c, a, id, x.version, x.reason));
  action('accept-risk', 'Accept the risk with a motivation and an expiry date: proposed to the approver, or accepted at once by one', b.acceptRisk, (c, a, id, x) =>
    acceptRisk(c, a, id, x.version, x.motivation, x.expiresOn),
  );
  action('approve-risk', 'Approve a proposed accepted risk (the approver roles only)', b.approveRisk, (c, a, id, x) => approveRisk(c, a, id, x.version));
  action('reject-risk', 'Reject a proposed accepted risk, with a reason (the approver roles only)', b.rejectRisk, (c, a, id, x) => rejectRisk(c, a, id, x.version, x.reason));
  action('reopen', 'Open a finding marked not applicable or an accepted risk again', b.reopen, (c, a, id, x) => reopenFinding(c, a, id, x.version));
}
