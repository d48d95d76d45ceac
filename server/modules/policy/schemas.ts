import { z } from 'zod';
import { isoTimestamp, multiLineCheck, pageQuery, singleLine } from '../../platform/http/schemas.ts';
import { MAX_PACK_TEXT } from '../../policy/loader.ts';
import { CAPACITIES, SEVERITIES, SUBJECT_KINDS, conditionSchema, packSchema, textSchema } from '../../policy/schema.ts';
import { HOLDER_KINDS } from '../../../shared/policy.ts';

const uploader = z.object({ id: z.string(), name: z.string() }).describe('Who uploaded it (name as it was then)');

export const activePolicy = z.object({
  source: z
    .enum(['default', 'uploaded'])
    .describe('default: the seed policy that ships with Ansvar; uploaded: a version a kommun uploaded'),
  versionId: z.string().nullable().describe('The stored version, null for the default pack'),
  uploadedAt: isoTimestamp.nullable(),
  uploadedBy: uploader.nullable(),
  document: packSchema,
});

export const policyVersion = z
  .object({
    id: z.string(),
    packId: z.string().describe("The pack's own id"),
    version: z.string(),
    title: z.string().describe('The Swedish title'),
    status: z.enum(['active', 'superseded']),
    documentSha256: z.string().describe('SHA-256 of the stored JSON document, also in the audit trail'),
    uploadedAt: isoTimestamp,
    uploadedBy: uploader.nullable(),
    activatedAt: isoTimestamp.nullable(),
  })
  .meta({ id: 'PolicyVersion' });

export const versionsQuery = z.object(pageQuery);
export const versionsPage = z.object({ items: z.array(policyVersion), nextCursor: z.string().nullable() });

export const uploadBody = z
  .object({
    document: z.unknown().optional().describe('The pack as JSON (give this or yaml)'),
    yaml: z.string().max(MAX_PACK_TEXT).check(multiLineCheck).optional().describe('The pack as YAML text (give this or document)'),
    message: singleLine(500).min(1).optional().describe('Why, for the audit trail'),
  })
  .strict();

export const storedVersion = policyVersion.extend({ document: packSchema });

export const roleItem = z.object({
  key: z.string(),
  name: z.string().describe("In the caller's language"),
  description: z.string(),
  subjectKinds: z.array(z.enum(SUBJECT_KINDS)),
  minHolders: z.number().int(),
  maxHolders: z.number().int().nullable(),
  holderKinds: z.array(z.enum(HOLDER_KINDS)).describe('Who may hold the role: person, unit, supplier'),
});
export const rolesResponse = z.object({ items: z.array(roleItem) });

export const party = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('unit'), id: z.string(), name: z.string(), kind: z.string() }),
    z.object({
      type: z.literal('person'),
      id: z.string(),
      name: z.string(),
      roleKey: z.string(),
      subjectId: z.string().describe('Where the role is held'),
    }),
    z.object({
      type: z.literal('holder'),
      holderKind: z.enum(['unit', 'supplier']).describe('The role is held by an org unit (e.g. the IT unit) or a supplier'),
      id: z.string().describe('The unit or supplier id'),
      name: z.string(),
      roleKey: z.string(),
      subjectId: z.string().describe('Where the role is held'),
      contact: z.object({ id: z.string(), name: z.string() }).nullable().describe("A supplier holder's contact person, if named"),
    }),
    z.object({
      type: z.literal('collective'),
      key: z.enum(['employees', 'role_holders']),
      roleKey: z.string().nullable(),
      count: z.number().int().nullable().describe('Active holders, where counted'),
    }),
  ])
  .meta({ id: 'ResponsibleParty' });

export const responsibility = z.object({
  ruleId: z.string(),
  capacity: z.enum(CAPACITIES),
  conditional: z.boolean().describe('The rule depends on facts of a system (e.g. inside the network)'),
  when: conditionSchema.nullable(),
  resolution: z.enum(['resolved', 'per_system', 'unresolved']),
  parties: z.array(party),
  through: z.object({ agreement: z.string().optional(), role: z.string().optional() }).nullable(),
  explanation: textSchema,
});

export const findingSchema = z
  .object({
    key: z.string().describe('e.g. unit_missing, role_vacant, forvaltning_without_namnd'),
    severity: z.enum(SEVERITIES),
    subject: z.object({
      kind: z.enum(['installation', 'unit', 'system', 'person']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    ruleIds: z.array(z.string()).describe('Rules this finding keeps from being satisfied'),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    text: z.object({ sv: z.string(), en: z.string() }),
  })
  .meta({ id: 'PolicyFinding' });

export const areaResponsibilities = z.object({ area: z.string(), title: textSchema, responsibilities: z.array(responsibility) });

export const responsibilitiesResponse = z.object({
  pack: z.object({ id: z.string(), version: z.string() }),
  organisations: z.array(
    z.object({
      kommun: z.object({ id: z.string(), name: z.string() }),
      areas: z.array(areaResponsibilities),
      findings: z.array(findingSchema),
    }),
  ),
  findings: z.array(findingSchema).describe('Findings not tied to one kommun'),
});

/** One subject's (a system's) responsibilities per area and its findings, from the engine. */
export const subjectResponsibilities = z
  .object({
    pack: z.object({ id: z.string(), version: z.string(), title: textSchema.describe('The policy’s title, to show instead of its id') }),
    areas: z.array(areaResponsibilities),
    findings: z.array(findingSchema),
  })
  .meta({ id: 'SubjectResponsibilities' });
