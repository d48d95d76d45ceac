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
  requestId: singleLine(100).min(1).optional().describe('Only the events of one request, e.g. the changes of one import'),
  grouped: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: an import is one entry (its own, with importChanges) instead of one per change; not with entityType, entityId or requestId'),
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

export const auditEvent = auditEventFields
  .extend({
    requestId: z.string().nullable(),
    objectName: z.string().nullable().describe('What the object is called today (a system’s, person’s, unit’s, supplier’s or user’s name, an agreement’s title), if it still exists'),
    importChanges: z
      .number()
      .int()
      .nullable()
      .describe('For an import’s own entry: how many changes it made (list them with requestId); null otherwise'),
  })
  .meta({ id: 'AuditEvent' });
