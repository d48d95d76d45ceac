import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { createClassification } from './create-classification.ts';
import { approveClassification, rejectClassification, requestSupport, submitClassification } from './decide-classification.ts';
import { exportOverview } from './export-overview.ts';
import { XLSX_TYPE, attachment, fileResponse } from '../../platform/http/files.ts';
import { getSystemClassifications } from './get-classifications.ts';
import { getOverview, listOverviewSystems } from './overview.ts';
import { getRequirements, updateRequirement } from './requirements.ts';
import { getScales } from './scales.ts';
import {
  classificationIdParam, classificationSchema, createClassificationBody, decideBody, overviewQuery, overviewSchema, overviewSystemsPage,
  overviewSystemsQuery, patchClassificationBody, patchRequirementBody, rejectBody, requirementParams, requirementSchema, scalesSchema,
  systemClassificationsSchema, systemIdParam, systemRequirementsSchema,
} from './schemas.ts';
import { updateClassification } from './update-classification.ts';

const file = fileResponse;
const attach = (reply: FastifyReply, name: string) => attachment(reply, XLSX_TYPE, name);

/** Information classification: scales, a system's classifications and their approval, requirements, the overview (docs/CLASSIFICATION.md). */
export function classificationRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classifications'];

  r.get('/api/classification-scales', {
    config: { access: 'systems:read' },
    schema: { tags, summary: 'The scales of the policy in force (levels per aspect, in Swedish and English) and the guide’s questions', response: { 200: scalesSchema, ...errors(401, 403) } },
    handler: async (req) => getScales(ctxOf(req, services)),
  });

  r.get('/api/systems/:id/classifications', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Every version of a system’s classification, newest first, with what the caller may do',
      params: systemIdParam,
      response: { 200: systemClassificationsSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getSystemClassifications(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.post('/api/systems/:id/classifications', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Start a new version as a draft (from the latest version); 409 when one is already in progress',
      params: systemIdParam,
      body: createClassificationBody,
      response: { 201: classificationSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createClassification(ctxOf(req, services), authOf(req), req.params.id, req.body)),
  });

  r.patch('/api/classifications/:id', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change a draft (levels, flags, answers, justifications, method, reference); a stale rowVersion is a 409',
      params: classificationIdParam,
      body: patchClassificationBody,
      response: { 200: classificationSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateClassification(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  const decide = (path: string, summary: string, run: typeof submitClassification) =>
    r.post(path, {
      config: { access: 'systems:write' },
      schema: { tags, summary, params: classificationIdParam, body: decideBody, response: { 200: classificationSchema, ...errors(400, 401, 403, 404, 409) } },
      handler: async (req) => run(ctxOf(req, services), authOf(req), req.params.id, req.body.rowVersion),
    });
  decide('/api/classifications/:id/submit', 'Submit a complete draft for approval (a level per aspect; a justification where it differs from the suggestion)', submitClassification);
  decide('/api/classifications/:id/approve', 'Approve a submitted classification (an approver of the pack, not the one who made it unless the pack allows)', approveClassification);

  r.post('/api/classifications/:id/reject', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Send a submitted classification back, with the reason',
      params: classificationIdParam,
      body: rejectBody,
      response: { 200: classificationSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => rejectClassification(ctxOf(req, services), authOf(req), req.params.id, req.body.rowVersion, req.body.reason),
  });

  r.post('/api/classifications/:id/support', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Ask the support role (digitaliseringsstrateg) for help with a classification in progress',
      params: classificationIdParam,
      response: { 200: classificationSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (req) => requestSupport(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.get('/api/systems/:id/requirements', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The security requirements the approved classification brings, with their status on the system',
      params: systemIdParam,
      response: { 200: systemRequirementsSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getRequirements(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.patch('/api/systems/:id/requirements/:key', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Record how a requirement is met (met, partly met, not met, not applicable); rowVersion 0 when never assessed',
      params: requirementParams,
      body: patchRequirementBody,
      response: { 200: requirementSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateRequirement(ctxOf(req, services), authOf(req), req.params.id, req.params.key, req.body),
  });

  r.get('/api/classifications/overview', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Coverage per förvaltning (approved, in progress, missing, review due) and the levels per aspect',
      querystring: overviewQuery,
      response: { 200: overviewSchema, ...errors(400, 401, 403) },
    },
    handler: async (req) => getOverview(ctxOf(req, services), authOf(req), req.query.unitId ?? null),
  });

  r.get('/api/classifications/systems', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The systems behind an overview number, in name order, paged',
      querystring: overviewSystemsQuery,
      response: { 200: overviewSystemsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listOverviewSystems(ctxOf(req, services), authOf(req), req.query),
  });

  const fileQuery = overviewSystemsQuery.omit({ limit: true, cursor: true });
  r.get('/api/classifications/export.xlsx', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The overview’s systems (same filters) as an XLSX workbook',
      querystring: fileQuery,
      response: {
        200: file(XLSX_TYPE, 'XLSX workbook, one row per system after a bold header row'),
        ...errors(400, 401, 403),
      },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req, services);
      const stream = await exportOverview(ctx, authOf(req), req.query);
      return attach(reply, `informationsklassning-${todayOf(ctx)}.xlsx`).send(stream);
    },
  });
}
