import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { addContact } from './add-contact.ts';
import { createSupplier } from './create-supplier.ts';
import { getSupplier } from './get-supplier.ts';
import { listSuppliersPage } from './list-suppliers.ts';
import { removeContact } from './remove-contact.ts';
import {
  contactParams, createContactBody, createSupplierBody, patchContactBody, patchSupplierBody, supplierDetailSchema, supplierIdParam,
  suppliersPage, suppliersQuery,
} from './supplier-schemas.ts';
import { changeContact } from './update-contact.ts';
import { updateSupplier } from './update-supplier.ts';

/** Suppliers and their contacts: installation-wide registry data. */
export function supplierRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['suppliers'];

  r.get('/api/suppliers', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Suppliers by name, searched by name or organisation number, keyset-paginated',
      querystring: suppliersQuery,
      response: { 200: suppliersPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listSuppliersPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.post('/api/suppliers', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Register a supplier (the organisation number is checked and unique)',
      body: createSupplierBody,
      response: { 201: supplierDetailSchema, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => reply.status(201).send(await createSupplier(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/suppliers/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'One supplier with its contacts and the agreements with it the caller may see',
      params: supplierIdParam,
      response: { 200: supplierDetailSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getSupplier(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.patch('/api/suppliers/:id', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change a supplier (optimistic concurrency: send the version you read)',
      params: supplierIdParam,
      body: patchSupplierBody,
      response: { 200: supplierDetailSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateSupplier(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/suppliers/:id/contacts', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Add a contact person at the supplier',
      params: supplierIdParam,
      body: createContactBody,
      response: { 201: supplierDetailSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (req, reply) => reply.status(201).send(await addContact(ctxOf(req, services), authOf(req), req.params.id, req.body)),
  });

  r.patch('/api/suppliers/:id/contacts/:contactId', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change a contact (no version: the last save wins; the audit trail keeps every change)',
      params: contactParams,
      body: patchContactBody,
      response: { 200: supplierDetailSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => changeContact(ctxOf(req, services), authOf(req), req.params.id, req.params.contactId, req.body),
  });

  r.delete('/api/suppliers/:id/contacts/:contactId', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Remove a contact',
      params: contactParams,
      response: { 200: supplierDetailSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => removeContact(ctxOf(req, services), authOf(req), req.params.id, req.params.contactId),
  });
}
