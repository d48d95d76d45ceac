import { z } from 'zod';
import { AUDIT_ORIGINS } from '../../../shared/roles.ts';
import { idInput, isoTimestamp, pageQuery, singleLine } from '../../platform/http/schemas.ts';

const isoInput = z.iso.datetime({ offset: true }).describe('ISO-8601 timestamp');

export const auditQuery = z.object({
  entityType: singleLine(64).min(1).optional().describe('e.g. user, invite, setup_link'),
  entityId: idInput.optional(),
  actorId: idInput.optional().describe('The user who acted'),
  from: isoInput.optional().describe('Events at or after this time'),
  to: isoInput.optional().describe('Events before this time'),
  ...pageQuery,
});

/** An event as every reader of the trail sees it (presentEvent); the full trail adds the request id. */
export const auditEventFields = z.object({
  id: z.string(),
  seq: z.number().int().describe('Position in the hash chain'),
  at: isoTimestamp,
  actor: z.object({ id: z.string(), name: z.string() }).nullable().describe('null for the system itself'),
  origin: z.enum(AUDIT_ORIGINS),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().describe('The entity before the change (JSON), or null'),
  after: z.unknown().describe('The entity after the change (JSON), or null'),
  message: z.string().nullable(),
});

export const auditEvent = auditEventFields.extend({ requestId: z.string().nullable() }).meta({ id: 'AuditEvent' });
