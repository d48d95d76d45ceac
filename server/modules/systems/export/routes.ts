import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../../platform/context.ts';
import { authOf, ctxOf } from '../../../platform/http/ctx.ts';
import { errors } from '../../../platform/http/schemas.ts';
import { CSV_TYPE, csvStream } from './csv.ts';
import { exportQuery, openSystemExport } from './export-systems.ts';
import { xlsxStream } from './xlsx.ts';
import { XLSX_TYPE, attachment, fileResponse } from '../../../platform/http/files.ts';

const FILE_STEM = 'systemforteckning';

const attach = (reply: FastifyReply, mime: string, today: string, ext: string) => attachment(reply, mime, `${FILE_STEM}-${today}.${ext}`);
const file = fileResponse;

/**
 * The register export: the current filtered list (same query as GET /api/systems, without paging) as
 * CSV or XLSX. Registered before systemRoutes; the router also prefers these static paths to /api/systems/:id.
 */
export function systemExportRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['systems'];
  const description =
    'Every system the caller may see that matches the filters, in the list’s order; headers and values in the caller’s language (sv by default, en). Cells whose text starts with = + - @ get a leading apostrophe (formula injection).';

  r.get('/api/systems/export.csv', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The filtered register as CSV (UTF-8 with BOM, semicolons, CRLF), streamed',
      description,
      querystring: exportQuery,
      response: { 200: file('text/csv', 'CSV file, one row per system after a header row'), ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req, services);
      const { today, rows } = await openSystemExport(ctx, authOf(req), req.query);
      return attach(reply, CSV_TYPE, today, 'csv').send(csvStream(rows, ctx.locale));
    },
  });

  r.get('/api/systems/export.xlsx', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The filtered register as an XLSX workbook (sheet "System")',
      description,
      querystring: exportQuery,
      response: { 200: file(XLSX_TYPE, 'XLSX workbook, one row per system after a bold header row'), ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req, services);
      const { today, rows } = await openSystemExport(ctx, authOf(req), req.query);
      return attach(reply, XLSX_TYPE, today, 'xlsx').send(await xlsxStream(rows, ctx.locale));
    },
  });
}
