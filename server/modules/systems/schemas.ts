import { z } from 'zod';
import { SYSTEM_SORTS } from '../../../shared/systems.ts';
import {
  cursorInput, idInput, isoTimestamp, optionalFilter, optionalFlag, optionalLine, optionalText, pageQuery, roleHolder, singleLine, singleLineCheck,
} from '../../platform/http/schemas.ts';
import { auditEventFields } from '../audit/index.ts';
import { AUTH_METHODS, CRITICALITIES, DATA_LOCATIONS, HOSTINGS, LIFECYCLES, PERSONAL_DATA, SYSTEM_KINDS } from './model.ts';

const id = idInput;
const ref = z.object({ id: z.string(), name: z.string() });

export const systemIdParam = z.object({ id: id.describe('The system id') });

export { SYSTEM_SORTS as SORTS, type SystemSort } from '../../../shared/systems.ts';

export const systemsQuery = z.object({
  q: singleLine(200).optional().describe('Search in name, aliases and register number (ignores case, incl. å/ä/ö)'),
  unitId: optionalFilter(id).describe('Only systems this unit (or a unit below it) owns or uses'),
  lifecycle: optionalFilter(z.enum(LIFECYCLES)),
  hosting: optionalFilter(z.enum([...HOSTINGS, 'unknown'])).describe('unknown = hosting not registered'),
  criticality: optionalFilter(z.enum([...CRITICALITIES, 'unknown'])),
  samhallsviktig: optionalFlag.describe('true: only samhällsviktiga systems'),
  kommungemensamt: optionalFlag.describe('true: only systems shared by the whole kommun'),
  withFindings: optionalFlag.describe('true: only systems with an open finding; false: only those without'),
  holders: z
    .string()
    .trim()
    .max(500)
    .regex(/^(all|[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*)?$/)
    .optional()
    .describe(
      'Whose current holders each summary carries: role keys, comma-separated (e.g. systemagare,systemforvaltare), or all; none by default',
    ),
  sort: z.enum(SYSTEM_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
  // The cursor carries the last system's sort key (up to 200 characters, å/ä/ö three bytes each), so it may be longer than the usual 200.
  cursor: cursorInput(2000),
});
export type SystemsQuery = z.infer<typeof systemsQuery>;

const link = z.object({
  label: singleLine(200).min(1),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .check(singleLineCheck)
    .describe('http(s) address'),
});

/** The editable facts of a system; create needs name, kind and owningUnitId. */
const facts = {
  name: singleLine(200).min(1).describe('The system’s name'),
  aliases: z.array(singleLine(200).min(1)).max(20).describe('Other names people use'),
  kind: z.enum(SYSTEM_KINDS),
  description: optionalText(4000),
  purpose: optionalText(4000).describe('What the förvaltning uses it for'),
  owningUnitId: id.describe('The owning förvaltning (or another org unit)'),
  usingUnitIds: z.array(id).max(200).describe('Other units that use the system'),
  kommungemensamt: z.boolean().describe('Shared by the whole kommun'),
  criticality: z.enum(CRITICALITIES).nullable(),
  samhallsviktig: z.boolean().nullable().describe('Samhällsviktig (vital to society); null = not assessed'),
  hosting: z.enum(HOSTINGS).nullable().describe('internal_it and internal_supplier are inside the municipal network'),
  dataLocation: z.enum(DATA_LOCATIONS).nullable(),
  thirdCountryTransfer: z.boolean().nullable().describe('Personal data transferred to a third country'),
  thirdCountryBasis: optionalLine(1000).describe('The legal basis for a third-country transfer'),
  personalData: z.enum(PERSONAL_DATA).nullable(),
  authMethod: z.enum(AUTH_METHODS).nullable(),
  userCount: z.number().int().min(0).max(10_000_000).nullable(),
  links: z.array(link).max(20),
  note: optionalText(4000),
};

export const createSystemBody = z
  .object({
    ...facts,
    aliases: facts.aliases.default([]),
    description: facts.description.optional(),
    purpose: facts.purpose.optional(),
    usingUnitIds: facts.usingUnitIds.default([]),
    kommungemensamt: facts.kommungemensamt.default(false),
    criticality: facts.criticality.optional(),
    samhallsviktig: facts.samhallsviktig.optional(),
    hosting: facts.hosting.optional(),
    dataLocation: facts.dataLocation.optional(),
    thirdCountryTransfer: facts.thirdCountryTransfer.optional(),
    thirdCountryBasis: facts.thirdCountryBasis.optional(),
    personalData: facts.personalData.optional(),
    authMethod: facts.authMethod.optional(),
    userCount: facts.userCount.optional(),
    links: facts.links.default([]),
    note: facts.note.optional(),
    lifecycle: z.enum(['planned', 'implementing']).default('planned').describe('A new system starts planned or implementing'),
  })
  .strict();
export type CreateSystemInput = z.infer<typeof createSystemBody>;

export const patchSystemBody = z
  .object({
    version: z.number().int().min(1).describe('The version the change is based on; a stale version gives 409 conflict'),
    ...Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.optional()])),
  })
  .strict() as unknown as z.ZodType<SystemPatch>;
export type SystemFactsInput = { [K in keyof typeof facts]: z.infer<(typeof facts)[K]> };
export type SystemPatch = { version: number } & Partial<SystemFactsInput>;

export const lifecycleBody = z
  .object({
    version: z.number().int().min(1),
    lifecycle: z.enum(LIFECYCLES).describe('The state to move to; see the allowed transitions'),
  })
  .strict();

export const confirmBody = z.object({ version: z.number().int().min(1) }).strict();

export const dependencyBody = z
  .object({
    dependsOnId: id.describe('The system this one depends on'),
    description: optionalLine(1000).optional(),
  })
  .strict();
export const dependencyParams = z.object({ id: id, dependsOnId: id });

const systemRef = z.object({ id: z.string(), registerNo: z.string(), name: z.string(), lifecycle: z.enum(LIFECYCLES) });
const holder = z.object({
  roleKey: z.string(),
  holder: roleHolder.describe('A person, an org unit or a supplier (with its contact, if named)'),
});

export const systemSummarySchema = z
  .object({
    id: z.string(),
    registerNo: z.string().describe('SYS-0042'),
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.enum(SYSTEM_KINDS),
    owningUnit: ref,
    kommungemensamt: z.boolean(),
    lifecycle: z.enum(LIFECYCLES),
    criticality: z.enum(CRITICALITIES).nullable(),
    samhallsviktig: z.boolean().nullable(),
    hosting: z.enum(HOSTINGS).nullable(),
    insideNetwork: z.boolean().nullable().describe('From the hosting model; null when it is not known'),
    personalData: z.enum(PERSONAL_DATA).nullable(),
    userCount: z.number().int().nullable(),
    holders: z.array(holder).describe('Current holders of roles on the system (in the list: only the roles asked for with holders)'),
    confirmedAt: isoTimestamp.nullable(),
    confirmationDue: z.string().describe('ISO date by which the record must be confirmed again'),
    updatedAt: isoTimestamp,
    version: z.number().int(),
  })
  .meta({ id: 'SystemSummary' });

export const systemSchema = systemSummarySchema
  .extend({
    description: z.string().nullable(),
    purpose: z.string().nullable(),
    usingUnits: z.array(ref),
    dataLocation: z.enum(DATA_LOCATIONS).nullable(),
    thirdCountryTransfer: z.boolean().nullable(),
    thirdCountryBasis: z.string().nullable(),
    authMethod: z.enum(AUTH_METHODS).nullable(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    note: z.string().nullable(),
    confirmedBy: ref.nullable(),
    retiredAt: isoTimestamp.nullable(),
    createdAt: isoTimestamp,
    dependencies: z.array(systemRef.extend({ description: z.string().nullable() })).describe('Systems this one depends on'),
    dependents: z.array(systemRef.extend({ description: z.string().nullable() })).describe('Systems that depend on this one'),
    roles: z
      .array(
        z.object({
          key: z.string(),
          name: z.string().describe("In the caller's language"),
          required: z
            .boolean()
            .describe('The pack requires a holder on a system: a role of settings.operationRequires, or one whose minHolders it checks on systems'),
          kommunHolds: z
            .boolean()
            .describe("Nobody holds it on the system, but the kommun's holder counts: the IT unit runs the system (internal_it) and the role is held for the whole kommun"),
        }),
      )
      .describe("The roles the active pack names for systems, in the pack's order (the holders are in holders)"),
    transitions: z.array(z.enum(LIFECYCLES)).describe('States the lifecycle may move to from here'),
    can: z.object({
      edit: z.boolean().describe('The caller may change the system'),
      confirm: z.boolean().describe('The caller may confirm the record unchanged'),
    }),
  })
  .meta({ id: 'System' });

export const systemsPage = z
  .object({
    items: z.array(systemSummarySchema),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Systems the filters let through, on the first page (no cursor); null on later pages'),
  })
  .meta({ id: 'SystemsPage' });

export const historyQuery = z.object({ ...pageQuery });

const historyEvent = auditEventFields
  .extend({
    role: z
      .object({ key: z.string(), name: z.string() })
      .nullable()
      .describe('For an event of a role on the system: the role (named in the caller’s language)'),
    person: ref.nullable().describe('For an event of a role on the system held by a person: the person who holds or held it'),
    holder: roleHolder.nullable().describe('For an event of a role on the system: who holds or held it (a person, a unit or a supplier)'),
    dependsOn: z
      .object({
        visible: z.boolean().describe('false: a system the caller may not see (its id is null here and in before/after)'),
        id: z.string().nullable(),
        registerNo: z.string().nullable(),
        name: z.string().nullable(),
      })
      .nullable()
      .describe('For a dependency added or removed: the other system, as the caller may see it'),
  })
  .describe(
    'Ids of what the caller may not see are null: the other system of a dependency, and units (owningUnitId, usingUnitIds) ' +
      'that the caller’s grants do not reach and that are not the system’s units today',
  )
  .meta({ id: 'SystemHistoryEvent' });

export const historyPage = z.object({ items: z.array(historyEvent), nextCursor: z.string().nullable() }).meta({ id: 'SystemHistoryPage' });
