import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { errors } from '../../platform/http/schemas.ts';
import { applyImport } from './apply-import.ts';
import { previewImport } from './preview-import.ts';
import { fileProblem } from './read-workbook.ts';
import { importIdParam, importOptions, importPreviewSchema, importResultSchema } from './schemas.ts';

/** The system register import: dry-run of an uploaded workbook, then apply it all or nothing. */
export function systemImportRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['systems'];

  r.post('/api/imports/systems', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Dry-run of a system register import (multipart: file = XLSX or CSV; mapping; holderMappings; sheetUnits; createMissing)',
      description:
        'Reads every sheet, finds the header row, recognises Swedish and English column names and shows, per row, what applying ' +
        'would do (create, update, unchanged, error with the cell). mapping = JSON {"column header as in the file": field or null} ' +
        'corrects the recognised columns; holderMappings = JSON [{"text": a name in a role cell, "as": {"kind", "id"} | "new_person" | "vacant"}] ' +
        'says how a name is read (unknownHolders shows what each became); sheetUnits = JSON {"sheet name": förvaltning} gives the ' +
        'förvaltning of a sheet whose name stands for it (one Excel cut at 31 characters); createMissing = true adds the förvaltningar and people the file names that Ansvar does not know. ' +
        'Nothing changes until POST /api/imports/{id}/apply (within an hour). At most 10 MB and 20,000 rows.',
      consumes: ['multipart/form-data'],
      response: { 200: importPreviewSchema, ...errors(400, 401, 403, 413) },
    },
    handler: async (req) => {
      const upload = await readUpload(req, 'file');
      const options = importOptions(upload.fields);
      if (!upload.file) throw fileProblem('systemImport.file.empty');
      return previewImport(ctxOf(req, services), authOf(req), { fileName: upload.file.fileName || null, data: upload.file.data, ...options });
    },
  });

  r.post('/api/imports/:id/apply', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Apply a system register dry-run, all or nothing (409 when a system changed since the dry-run)',
      params: importIdParam,
      response: { 200: importResultSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (req) => applyImport(ctxOf(req, services), authOf(req), req.params.id),
  });
}
