import { z } from 'zod';
import { UNIT_FUNCTIONS, UNIT_KINDS } from '../../shared/org.ts';
import { LOCALES } from '../../shared/roles.ts';
import { CAPACITIES, HOLDER_KINDS, SEVERITIES, SUBJECT_KINDS } from '../../shared/policy.ts';
import { classificationSchema } from './classification-schema.ts';
import { followUpSchema } from './follow-up.ts';
import { accessSchema } from './access.ts';

/**
 * The policy pack format (format "ansvar-policy-pack/1"): a kommun's IT-security policy as data.
 * YAML on disk, JSON over the API; this zod schema checks the shape, validate.ts the meaning
 * (cross-references, condition and selector shapes). See docs/POLICY-PACKS.md.
 */

export const PACK_FORMAT = 'ansvar-policy-pack/1';

/** The vocabulary shared with the web: capacities, severities, subject kinds, unit kinds and functions. */
export { CAPACITIES, SEVERITIES, SUBJECT_KINDS, type Capacity, type Severity, type SubjectKind } from '../../shared/policy.ts';
export { UNIT_FUNCTIONS, UNIT_KINDS, type UnitFunction, type UnitKind } from '../../shared/org.ts';

/** Where a rule is evaluated: for the kommun as a whole, and/or for each system. */
export const LEVELS = ['organisation', 'system'] as const;
export type Level = (typeof LEVELS)[number];

export const AREA_KINDS = ['priority', 'general'] as const;

/** Party selectors: who a rule points at. See parties.ts for how each is resolved. */
export const SELECTS = ['unit', 'owning_forvaltning', 'namnd_of_owning_forvaltning', 'role_holders', 'employees'] as const;
export type Select = (typeof SELECTS)[number];

/** Where role holders are looked up; a list is tried in order and the first with a holder wins. */
export const ROLE_TARGETS = ['subject', 'owning_forvaltning', 'kommun', 'each_unit'] as const;
export type RoleTarget = (typeof ROLE_TARGETS)[number];

export const AGREEMENTS = ['service_agreement', 'agreement'] as const;

/** Patterns of keys, rule ids, pack ids and dates (the loader names them in its messages). */
export const PATTERNS = {
  key: /^[a-z][a-z0-9_]*$/,
  ruleId: /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/,
  packId: /^[a-z0-9][a-z0-9-]*$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
} as const;

const key = z.string().regex(PATTERNS.key).max(64).describe('lower-case letters, digits and _');
const ruleId = z.string().regex(PATTERNS.ruleId).max(100).describe('dotted key, e.g. sakerhetskopiering.it_unit');
const quote = z.string().trim().min(1).max(4000);

/** A text in Swedish, with an English translation (optional: Swedish is shown where it is missing). */
export const textSchema = z
  .object({ sv: quote.describe('Swedish'), en: quote.optional().describe('English') })
  .strict()
  .meta({ id: 'PolicyText' });
export type Text = z.infer<typeof textSchema>;

export type Scalar = string | number | boolean;
const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

/**
 * A condition over facts. Exactly one of: {fact, equals} · {fact, in} · {all: [...]} · {any: [...]} ·
 * {not: {...}}. Facts that are not known (no system given, or not registered) make it "unknown".
 */
export interface Condition {
  fact?: string | undefined;
  equals?: Scalar | undefined;
  in?: Scalar[] | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const conditionSchema: z.ZodType<Condition> = z
  .object({
    fact: z.string().max(100).optional().describe('A fact name, e.g. system.insideNetwork'),
    equals: scalar.optional(),
    in: z.array(scalar).min(1).max(50).optional(),
    get all(): z.ZodOptional<z.ZodArray<z.ZodType<Condition>>> {
      return z.array(conditionSchema).min(1).max(20).optional();
    },
    get any(): z.ZodOptional<z.ZodArray<z.ZodType<Condition>>> {
      return z.array(conditionSchema).min(1).max(20).optional();
    },
    get not(): z.ZodOptional<z.ZodType<Condition>> {
      return conditionSchema.optional();
    },
  })
  .strict()
  .meta({ id: 'PolicyCondition' });

const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item).min(1).max(4));

export const partySchema = z
  .object({
    select: z.enum(SELECTS),
    kind: z.enum(UNIT_KINDS).optional().describe('select unit: the unit of this kind in the kommun'),
    function: z.enum(UNIT_FUNCTIONS).optional().describe('select unit: the unit with this function'),
    role: key.optional().describe('select role_holders: the role'),
    on: oneOrMany(z.enum(ROLE_TARGETS)).optional().describe('select role_holders: where, tried in order'),
  })
  .strict()
  .meta({ id: 'PolicyParty' });
export type PartySelector = z.infer<typeof partySchema>;

export const ruleSchema = z
  .object({
    id: ruleId,
    area: key,
    at: z.array(z.enum(LEVELS)).min(1).max(2).default(['organisation', 'system']).describe('Levels the rule is evaluated at'),
    when: conditionSchema.optional().describe('Absent: the rule always applies'),
    party: partySchema,
    capacity: z.enum(CAPACITIES),
    through: z
      .object({ agreement: z.enum(AGREEMENTS).optional(), role: key.optional() })
      .strict()
      .optional()
      .describe('How the party carries it out: by an agreement, or through holders of a role'),
    severity: z.enum(SEVERITIES).default('medium').describe('Severity of a finding when the party cannot be found'),
    source: quote.describe('The sentence(s) of the policy this rule implements, quoted'),
    explanation: textSchema,
  })
  .strict()
  .meta({ id: 'PolicyRule' });
export type Rule = z.infer<typeof ruleSchema>;

export const roleSchema = z
  .object({
    key,
    name: textSchema,
    description: textSchema,
    fromSeed: z.boolean().describe('false: added from the domain model, not named by the policy text'),
    aliases: z.array(z.string().trim().min(1).max(100)).max(10).optional().describe('Other names, e.g. pm3'),
    subjectKinds: z.array(z.enum(SUBJECT_KINDS)).min(1).max(3),
    minHolders: z.number().int().min(0).max(100),
    maxHolders: z.number().int().min(1).max(1000).nullable(),
    requiredOn: z.array(z.enum(SUBJECT_KINDS)).max(3).optional().describe('Where minHolders is checked; default: every subject kind'),
    unitKinds: z.array(z.enum(UNIT_KINDS)).min(1).max(9).optional().describe('For requiredOn unit: only units of these kinds'),
    severity: z.enum(SEVERITIES).default('medium').describe('Severity of a vacancy'),
    holderKinds: z
      .array(z.enum(HOLDER_KINDS))
      .min(1)
      .max(3)
      .default(['person'])
      .describe('Who may hold the role: person, unit (an org unit, e.g. the IT unit), supplier; default: only a person'),
  })
  .strict()
  .meta({ id: 'PolicyRole' });
export type RoleSpec = z.infer<typeof roleSchema>;

export const areaSchema = z
  .object({
    key,
    kind: z.enum(AREA_KINDS).describe('priority: a "särskilt prioriterat område"; general: other responsibility text'),
    title: textSchema,
    text: textSchema.describe('The policy text of the area; Swedish exactly as adopted'),
  })
  .strict()
  .meta({ id: 'PolicyArea' });
export type Area = z.infer<typeof areaSchema>;

export const goalSchema = z.object({ key, text: textSchema }).strict().meta({ id: 'PolicyGoal' });

const isoDate = z.string().regex(PATTERNS.date);
const months = z.number().int().min(1).max(60);

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    id: z.string().regex(PATTERNS.packId).max(100).describe('The pack identity, e.g. svenljunga-it-sakerhetspolicy'),
    version: z.string().trim().min(1).max(50).describe('The version, e.g. 2026.1'),
    title: textSchema,
    language: z.enum(LOCALES).describe('The language the policy was adopted in'),
    adoption: z
      .object({
        body: z.string().trim().min(1).max(200).optional().describe('Who adopted it, e.g. Kommunfullmäktige'),
        date: isoDate.optional().describe('When (YYYY-MM-DD)'),
        reference: z.string().trim().min(1).max(200).optional().describe('Diarienummer or paragraph'),
      })
      .strict()
      .default({}),
    settings: z
      .object({
        confirmationCadenceMonths: z
          .object({ default: months, samhallsviktig: months })
          .strict()
          .default({ default: 12, samhallsviktig: 6 })
          .describe('How often a system record must be confirmed as true'),
        operationRequires: z
          .array(key)
          .max(20)
          .default(['systemagare', 'systemforvaltare', 'driftansvarig'])
          .describe('Roles a system must have holders of before it goes into operation (i drift)'),
        systemEditors: z
          .array(key)
          .max(20)
          .default(['systemagare', 'systemforvaltare'])
          .describe('Roles whose holders may change and confirm their own system’s record'),
        unitLead: key
          .default('chef')
          .describe('The role that leads a unit: findings on a unit (and on a system without a holder of systemEditors) name its holder'),
      })
      .strict()
      .default({
        confirmationCadenceMonths: { default: 12, samhallsviktig: 6 },
        operationRequires: ['systemagare', 'systemforvaltare', 'driftansvarig'],
        systemEditors: ['systemagare', 'systemforvaltare'],
        unitLead: 'chef',
      }),
    goals: z.array(goalSchema).min(1).max(100),
    roles: z.array(roleSchema).min(1).max(200),
    areas: z.array(areaSchema).min(1).max(200),
    rules: z.array(ruleSchema).min(1).max(2000),
    unexpressed: z
      .array(z.object({ source: quote, reason: textSchema }).strict())
      .max(500)
      .default([])
      .describe('Sentences of the policy that are not rules, and why'),
    classification: classificationSchema
      .optional()
      .describe('Information classification: scales, guide, requirements, approval; absent: the default pack’s'),
    followUp: followUpSchema
      .prefault({})
      .describe('Following findings up: due dates per severity, who approves an accepted risk and for how long, reminders'),
    access: accessSchema
      .prefault({})
      .describe('Access to systems: who orders, approves, executes and reviews access, how often, and how long work may wait'),
  })
  .strict()
  .meta({ id: 'PolicyPack' });

export type Pack = z.infer<typeof packSchema>;
