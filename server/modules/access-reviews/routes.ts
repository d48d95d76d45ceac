import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { XLSX_TYPE, attachment, fileResponse } from '../../platform/http/files.ts';
import { errors } from '../../platform/http/schemas.ts';
import { closeReview } from './close-review.ts';
import { createReview } from './create-review.ts';
import { decide } from './decide.ts';
import { evidencePdf, evidenceXlsx } from './evidence-files.ts';
import { getReview, listReviewsPage } from './get-review.ts';
import { listItems } from './list-items.ts';
import {
  closeBody, createReviewBody, decisionsBody, decisionsResult, itemsPage, itemsQuery, reviewDetail, reviewIdParam, reviewsPage, reviewsQuery,
} from './schemas.ts';

const PDF_TYPE = 'application/pdf';

/** Access reviews (behörighetskontroll): campaigns, reviewers' inboxes, decisions, closing, evidence (docs/ACCESS.md). */
export function accessReviewRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['access-reviews'];
  const params = reviewIdParam;

  r.post('/api/access-reviews', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary:
        'Start a review campaign over chosen systems or a unit’s systems (an administrator reaching every system’s owning unit): every current grant becomes an item with its reviewers',
      body: createReviewBody,
      response: { 201: reviewDetail, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => reply.status(201).send(await createReview(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/access-reviews', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The campaigns the caller reviews in, started, or administers, newest first, with their progress; keyset-paginated',
      querystring: reviewsQuery,
      response: { 200: reviewsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listReviewsPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.get('/api/access-reviews/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'A campaign with its progress per reviewer and what the caller may do',
      params,
      response: { 200: reviewDetail, ...errors(401, 403, 404) },
    },
    handler: async (req) => getReview(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.get('/api/access-reviews/:id/items', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'A campaign’s items (reviewer=me: the caller’s inbox), grouped by system or by grantee, keyset-paginated',
      params,
      querystring: itemsQuery,
      response: { 200: itemsPage, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => listItems(ctxOf(req, services), authOf(req), req.params.id, req.query),
  });

  r.post('/api/access-reviews/:id/decisions', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Decide items (keep, remove, change), at most 500, all or none: the caller must review each; each carries its version',
      params,
      body: decisionsBody,
      response: { 200: decisionsResult, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => decide(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/access-reviews/:id/close', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Close the campaign (whoever started it, or an administrator): every remove decision becomes a removal order',
      params,
      body: closeBody,
      response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => closeReview(ctxOf(req, services), authOf(req), req.params.id, req.body.version),
  });

  r.get('/api/access-reviews/:id/evidence.xlsx', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The evidence as an XLSX workbook: the campaign, then every grant with its reviewers, decision, who and when, and the removal',
      params,
      response: { 200: fileResponse(XLSX_TYPE, 'XLSX workbook: the campaign’s sheet, then one row per grant'), ...errors(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const file = await evidenceXlsx(ctxOf(req, services), authOf(req), req.params.id);
      return attachment(reply, XLSX_TYPE, file.name).send(file.stream);
    },
  });

  r.get('/api/access-reviews/:id/evidence.pdf', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The evidence as a PDF: the campaign’s header, then every grant with its reviewers, decision, who and when, and the removal',
      params,
      response: { 200: fileResponse(PDF_TYPE, 'PDF, A4 landscape'), ...errors(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const file = await evidencePdf(ctxOf(req, services), authOf(req), req.params.id);
      return attachment(reply, PDF_TYPE, file.name).send(file.stream);
    },
  });
}
