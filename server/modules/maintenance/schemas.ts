import { z } from 'zod';
import { HOLDER_KINDS } from '../../../shared/policy.ts';
import { idInput, pageQuery } from '../../platform/http/schemas.ts';

/** Requests and responses of the repair of people that are organisations. */

export const REPAIR_TARGET_KINDS = ['unit', 'supplier'] as const;
export const SUSPECT_REASONS = ['unit', 'supplier', 'organisation'] as const;

export const suspectQuery = z.object({ ...pageQuery });
export const suspectIdParam = z.object({ id: idInput.describe('The person id') });

const target = z
  .object({ kind: z.enum(REPAIR_TARGET_KINDS).describe('unit (an org unit) or supplier'), id: z.string(), name: z.string() })
  .meta({ id: 'RepairTarget' });

const targetInput = z.object({ kind: z.enum(REPAIR_TARGET_KINDS), id: idInput.describe('The unit or supplier id') }).strict();

export const suspectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    homeUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
    reasons: z
      .array(z.object({ kind: z.enum(SUSPECT_REASONS), name: z.string().nullable().describe('The unit or supplier the name equals') }))
      .describe('Why the person is listed: the name equals a unit, equals a supplier, or reads as an organisation'),
    suggestedTarget: target.nullable().describe('Where all the roles would go; null when there is no single suggestion'),
    linkedToUser: z.boolean().describe('A user account belongs to the person: not converted here'),
    assignments: z.array(
      z.object({
        id: z.string(),
        roleKey: z.string(),
        roleName: z.string(),
        subjectKind: z.enum(['unit', 'system']),
        subjectId: z.string(),
        subjectName: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        current: z.boolean().describe('false: planned (starts later)'),
        holderKinds: z.array(z.enum(HOLDER_KINDS)).describe("Who may hold the role (the pack's holderKinds)"),
        suggestedTarget: target.nullable().describe("For this role: the suggestion (for \"Leverantör\", the supplier of the system's agreement)"),
      }),
    ).describe('Open assignments: current and planned'),
  })
  .meta({ id: 'SuspectPerson' });

export const suspectsPage = z.object({ items: z.array(suspectSchema), nextCursor: z.string().nullable() });

export const convertBody = z
  .object({
    version: z.number().int().min(1).describe('The person version the caller saw'),
    target: targetInput.optional().describe('Where the roles go'),
    assignments: z
      .array(z.object({ assignmentId: idInput, target: targetInput }).strict())
      .max(500)
      .optional()
      .describe('Per-assignment targets, before target (e.g. each system\'s own supplier for "Leverantör")'),
  })
  .strict();

export const convertResult = z.object({
  person: z.object({ id: z.string(), name: z.string(), status: z.literal('left') }),
  note: z.string().describe('The note the person was marked left with (in the audit trail)'),
  moved: z.array(z.object({ assignmentId: z.string(), newAssignmentId: z.string().nullable(), roleName: z.string(), target })),
});

export type Suspect = z.infer<typeof suspectSchema>;
export type RepairTarget = z.infer<typeof target>;
export type ConvertInput = z.infer<typeof convertBody>;
