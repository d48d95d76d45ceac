import { z } from 'zod';
import { idInput, pageQuery, principalInput, roleHolder, singleLine } from '../../platform/http/schemas.ts';
import { HOLDER_KINDS } from '../../../shared/policy.ts';

/** Request and response schemas of role assignments. */

const id = idInput;
const isoDate = z.iso.date().describe('ISO date, YYYY-MM-DD');

export const assignmentIdParam = z.object({ id: id.describe('The role assignment id') });

export const assignmentsQuery = z.object({
  subjectKind: z.enum(['unit', 'system']).optional(),
  subjectId: id.optional().describe('The unit or system the role is held for'),
  principalKind: z.enum(HOLDER_KINDS).optional().describe('With principalId: what it names; default person'),
  principalId: id.optional().describe('The person (or, with principalKind, the unit or supplier) holding the role'),
  roleKey: singleLine(64).min(1).optional().describe('A key from the role catalogue, e.g. chef'),
  current: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only current holders (started, not ended); false: only ended or planned ones'),
  ...pageQuery,
});

export const createAssignmentBody = z
  .object({
    roleKey: singleLine(64).min(1).describe("A key from the active policy pack's role catalogue"),
    subjectKind: z.enum(['unit', 'system']).describe('unit (organisation roles on the kommun, the top unit) or system'),
    subjectId: id.describe('The unit or system id'),
    principal: principalInput
      .optional()
      .describe("Who holds the role: a person (not one who has left), an org unit, or a supplier; the role's holderKinds in the pack say which kinds it allows"),
    personId: id.optional().describe('Shorthand for principal {kind: person, id}; give one of principal and personId'),
    validFrom: isoDate.optional().describe('First day, default today'),
  })
  .strict();

export const endAssignmentBody = z
  .object({ validTo: isoDate.optional().describe('The end date, default today; not before the start') })
  .strict();

export const handoverBody = z
  .object({
    principal: principalInput.optional().describe('Who takes over: a person, an org unit or a supplier, as the role allows'),
    personId: id.optional().describe('Shorthand for principal {kind: person, id}; give one of principal and personId'),
    date: isoDate.optional().describe('The day the role changes hands, default today: the old holding ends and the new one starts'),
  })
  .strict();

export const roleAssignment = z
  .object({
    id: z.string(),
    roleKey: z.string(),
    roleName: z.string().describe("The role's name in the caller's language"),
    subjectKind: z.enum(['unit', 'system']),
    subjectId: z.string(),
    subjectName: z.string(),
    holder: roleHolder,
    validFrom: z.string().describe('ISO date'),
    validTo: z.string().nullable().describe('ISO date the holding ended (exclusive); null while open'),
    current: z.boolean().describe('Started on or before today and not ended'),
  })
  .meta({ id: 'RoleAssignment' });

export const assignmentsPage = z.object({ items: z.array(roleAssignment), nextCursor: z.string().nullable() });
export const handoverResult = z.object({ ended: roleAssignment, started: roleAssignment });
