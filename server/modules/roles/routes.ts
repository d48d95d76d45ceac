import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { createRoleAssignment } from './create-assignment.ts';
import { endRoleAssignment } from './end-assignment.ts';
import { handoverRoleAssignment } from './handover-assignment.ts';
import { listRoleAssignments } from './list-assignments.ts';
import {
  assignmentIdParam,
  assignmentsPage,
  assignmentsQuery,
  createAssignmentBody,
  endAssignmentBody,
  handoverBody,
  handoverResult,
  roleAssignment,
} from './schemas.ts';

/** Who holds which role from the policy's catalogue, for which unit, and when. */
export function roleAssignmentRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  r.get('/api/role-assignments', {
    config: { access: 'org:read' },
    schema: {
      tags,
      summary: 'Role assignments on units and systems the caller may read, newest start first, keyset-paginated',
      querystring: assignmentsQuery,
      response: { 200: assignmentsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listRoleAssignments(ctxOf(req, services), authOf(req).grants, req.query),
  });

  r.post('/api/role-assignments', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Give a person a role on a unit (org:manage there) or a system (the right to change it)',
      body: createAssignmentBody,
      response: { 201: roleAssignment, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => reply.status(201).send(await createRoleAssignment(ctxOf(req, services), authOf(req).grants, req.body)),
  });

  r.post('/api/role-assignments/:id/end', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'End a role assignment (kept as history)',
      params: assignmentIdParam,
      body: endAssignmentBody,
      response: { 200: roleAssignment, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => endRoleAssignment(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });

  r.post('/api/role-assignments/:id/handover', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Hand a role over to another person: ends one assignment and starts another atomically',
      params: assignmentIdParam,
      body: handoverBody,
      response: { 200: handoverResult, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => handoverRoleAssignment(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });
}
