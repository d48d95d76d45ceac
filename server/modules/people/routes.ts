import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { errors } from '../../platform/http/schemas.ts';
import { issuesToFields } from '../../platform/http/validation.ts';
import { createPerson } from './create-person.ts';
import { getPerson } from './get-person.ts';
import { applyImport } from './import/apply-import.ts';
import { previewImport } from './import/preview-import.ts';
import { listPeoplePage } from './list-people.ts';
import {
  createPersonBody, importIdParam, importModeField, importPreviewSchema, importResultSchema, patchPersonBody, peoplePage, peopleQuery,
  personDetailSchema, personIdParam, personSchema,
} from './schemas.ts';
import { updatePerson } from './update-person.ts';

const importFields = z.object({ mode: importModeField });

export function peopleRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/people', {
    config: { access: 'org:read' },
    schema: {
      tags: ['people'],
      summary: 'People the caller may see, by name, keyset-paginated',
      querystring: peopleQuery,
      response: { 200: peoplePage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listPeoplePage(ctxOf(req, services), authOf(req), req.query),
  });

  r.get('/api/people/:id', {
    config: { access: 'org:read' },
    schema: {
      tags: ['people'],
      summary: 'One person with the roles they hold now',
      params: personIdParam,
      response: { 200: personDetailSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getPerson(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.post('/api/people', {
    config: { access: 'org:manage' },
    schema: {
      tags: ['people'],
      summary: 'Add a person to a unit',
      body: createPersonBody,
      response: { 201: personSchema, ...errors(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createPerson(ctxOf(req, services), authOf(req).grants, req.body)),
  });

  r.patch('/api/people/:id', {
    config: { access: 'org:manage' },
    schema: {
      tags: ['people'],
      summary: 'Change a person, their status included (people are never deleted)',
      params: personIdParam,
      body: patchPersonBody,
      response: { 200: personSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updatePerson(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });

  r.post('/api/people/import', {
    config: { access: 'org:manage' },
    schema: {
      tags: ['people'],
      summary: 'Dry-run of an HR import (multipart: file = CSV or XLSX, mode = full | partial)',
      description:
        'Reads the file, matches each row to a person (employee id, else e-mail) and shows what applying would do. ' +
        'Nothing changes until POST /api/people/import/{id}/apply. At most 10 MB and 20,000 rows.',
      consumes: ['multipart/form-data'],
      response: { 200: importPreviewSchema, ...errors(400, 401, 403, 413) },
    },
    handler: async (req) => {
      const upload = await readUpload(req, 'file');
      const fields = importFields.safeParse(upload.fields);
      if (!fields.success) throw new AppError('validation_failed', { fields: issuesToFields(fields.error.issues) });
      if (!upload.file) throw new AppError('validation_failed', { fields: [{ path: 'file', key: 'people.import.no_file' }] });
      return previewImport(ctxOf(req, services), authOf(req), { fileName: upload.file.fileName || null, data: upload.file.data, mode: fields.data.mode });
    },
  });

  r.post('/api/people/import/:id/apply', {
    config: { access: 'org:manage' },
    schema: {
      tags: ['people'],
      summary: 'Apply a dry-run, all or nothing',
      params: importIdParam,
      response: { 200: importResultSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (req) => applyImport(ctxOf(req, services), authOf(req), req.params.id),
  });
}
