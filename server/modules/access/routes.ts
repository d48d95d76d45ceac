import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { errors } from '../../platform/http/schemas.ts';
import { issuesToFields } from '../../platform/http/validation.ts';
import { createAccessRole, listAccessRoles, updateAccessRole } from './access-roles.ts';
import { applyImport } from './import/apply-import.ts';
import { previewImport } from './import/preview-import.ts';
import { importFields, importIdParam, importPreviewSchema, importResultSchema } from './import/schemas.ts';
import { listAccounts, listGrants } from './list-model.ts';
import { personAccess } from './person-access.ts';
import {
  accessRoleSchema, accessRolesSchema, accountsPage, accountsQuery, createRoleBody, grantsPage, grantsQuery, patchRoleBody, personAccessSchema,
  personIdParam, roleParams, systemIdParam,
} from './schemas.ts';

/** Access to a system: its access roles, accounts and grants, a person's access everywhere, the import of the system's own user list (docs/ACCESS.md). */
export function accessRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['access'];

  r.get('/api/systems/:id/access-roles', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The system’s access roles (behörigheter), active and retired, with their current grant counts',
      params: systemIdParam,
      response: { 200: accessRolesSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => listAccessRoles(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.post('/api/systems/:id/access-roles', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'A new access role; 409 when the system already has one by that name (case-insensitively)',
      description: 'For whoever may change the system, and holders of a pack access.administrators role on it.',
      params: systemIdParam,
      body: createRoleBody,
      response: { 201: accessRoleSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createAccessRole(ctxOf(req, services), authOf(req), req.params.id, req.body)),
  });

  r.patch('/api/systems/:id/access-roles/:roleId', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change an access role (name, description, privileged, status); a stale version is a 409',
      params: roleParams,
      body: patchRoleBody,
      response: { 200: accessRoleSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateAccessRole(ctxOf(req, services), authOf(req), req.params.id, req.params.roleId, req.body),
  });

  r.get('/api/systems/:id/accounts', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The system’s accounts in user name order, each with its person and current grant count; keyset-paginated',
      params: systemIdParam,
      querystring: accountsQuery,
      response: { 200: accountsPage, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => listAccounts(ctxOf(req, services), authOf(req), req.params.id, req.query),
  });

  r.get('/api/systems/:id/grants', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The system’s current grants, newest first (ended=true: ended ones, most recently ended first); keyset-paginated',
      params: systemIdParam,
      querystring: grantsQuery,
      response: { 200: grantsPage, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => listGrants(ctxOf(req, services), authOf(req), req.params.id, req.query),
  });

  r.get('/api/people/:id/access', {
    config: { access: 'org:read' },
    schema: {
      tags,
      summary: 'A person’s grants in every system, current and ended; grants on systems the caller may not read are left out and counted',
      params: personIdParam,
      response: { 200: personAccessSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => personAccess(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.post('/api/systems/:id/access/import', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Dry-run of the system’s own user list (multipart: file = CSV or XLSX, mode = full | partial)',
      description:
        'Reads the file (Swedish or English headers; several roles in a cell separated by ; , or |, or a row per role), matches each ' +
        'account to a person (employee id, e-mail, user name equal to an e-mail or its local part; never the name) and shows, per row, ' +
        'what applying would do. Nothing changes until POST /api/access/imports/{id}/apply (within an hour). At most 10 MB and 100,000 rows.',
      consumes: ['multipart/form-data'],
      params: systemIdParam,
      response: { 200: importPreviewSchema, ...errors(400, 401, 403, 404, 413) },
    },
    handler: async (req) => {
      const ctx = ctxOf(req, services);
      return previewImport(ctx, authOf(req), req.params.id, async () => {
        const upload = await readUpload(req, 'file');
        const fields = importFields.safeParse(upload.fields);
        if (!fields.success) throw new AppError('validation_failed', { fields: issuesToFields(fields.error.issues) });
        if (!upload.file) throw new AppError('validation_failed', { fields: [{ path: 'file', key: 'access.import.no_file' }] });
        return { fileName: upload.file.fileName || null, data: upload.file.data, mode: fields.data.mode };
      });
    },
  });

  r.post('/api/access/imports/:id/apply', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Apply a user-list dry-run, all or nothing (409 when applied already or the system’s access changed since)',
      params: importIdParam,
      response: { 200: importResultSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (req) => applyImport(ctxOf(req, services), authOf(req), req.params.id),
  });
}
