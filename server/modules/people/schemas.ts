import { z } from 'zod';
import { IMPORT_MODES, PERSON_STATUSES } from '../../../shared/org.ts';
import { emailInput, idInput, isoTimestamp, nameInput, pageQuery, singleLine } from '../../platform/http/schemas.ts';

export { IMPORT_MODES, PERSON_STATUSES, type PersonStatus } from '../../../shared/org.ts';

const id = idInput;
const ref = z.object({ id: z.string(), name: z.string() });
/** Query-string booleans: only the words true and false (z.coerce.boolean would read "false" as true); empty = false. */
const queryBool = z.enum(['true', 'false', '']).transform((v) => v === 'true');

export const personIdParam = z.object({ id: id.describe('The person id') });
export const importIdParam = z.object({ id: id.describe('The import id from the dry-run') });

/** An empty query parameter (?status=) means the filter is not used. */
export const peopleQuery = z.object({
  q: singleLine(200).optional().describe('Search in name and e-mail (ignores case, incl. å/ä/ö) and exact employee id'),
  unitId: singleLine(64).optional().transform((v) => v || undefined).describe('Only people whose home unit is this unit'),
  includeSubunits: queryBool.default(false).describe('With unitId: also people in the units below it (default false)'),
  status: z.enum([...PERSON_STATUSES, '']).optional().transform((v) => v || undefined).describe('Only people with this status; all statuses when absent'),
  ...pageQuery,
});

const emailField = emailInput.nullable().describe('E-mail address, stored in lower case; unique among people');
const titleField = singleLine(200).nullable().describe('Job title (befattning)').transform((v) => v || null);
const externalIdField = singleLine(100)
  .nullable()
  .describe('Employee id in the HR system (anställningsnummer); unique; never a personnummer')
  .transform((v) => v || null);

export const createPersonBody = z
  .object({
    name: nameInput,
    email: emailField.optional(),
    title: titleField.optional(),
    homeUnitId: id.describe('The org unit the person belongs to'),
    managerId: id.nullable().optional().describe('The person’s manager (chef)'),
    externalId: externalIdField.optional(),
  })
  .strict();

export const patchPersonBody = z
  .object({
    version: z.number().int().min(1).describe('The version the change is based on; a stale version gives 409 conflict'),
    name: nameInput.optional(),
    email: emailField.optional(),
    title: titleField.optional(),
    homeUnitId: id.optional().describe('Move the person to this unit (org:manage needed on both units)'),
    managerId: id.nullable().optional().describe('null removes the manager'),
    status: z.enum(PERSON_STATUSES).optional().describe('left sets leftAt; people are never deleted'),
    externalId: externalIdField.optional(),
  })
  .strict();

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    homeUnit: ref.nullable().describe('The home unit'),
    manager: ref.nullable().describe('The manager (chef)'),
    status: z.enum(PERSON_STATUSES),
    externalId: z.string().nullable().describe('Employee id in the HR system'),
    leftAt: isoTimestamp.nullable().describe('When the person was marked left'),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Person' });

const personRoleSchema = z.object({
  id: z.string(),
  roleKey: z.string(),
  roleName: z.string().describe("The role's name in the caller's language (the key when the catalogue has no such role)"),
  subjectKind: z.enum(['unit', 'system']),
  subjectId: z.string(),
  subjectName: z.string(),
  person: z.object({ id: z.string(), name: z.string(), status: z.enum(PERSON_STATUSES) }),
  validFrom: z.string().describe('ISO date'),
  validTo: z.string().nullable().describe('ISO date; null = open'),
  current: z.boolean(),
});

export const personDetailSchema = personSchema
  .extend({ roles: z.array(personRoleSchema).describe('Current role assignments held by the person') })
  .meta({ id: 'PersonDetail' });

export const peoplePage = z.object({
  items: z.array(personSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe('People the filters let through, on the first page (no cursor); null on later pages'),
});

export const importModeField = z
  .enum(IMPORT_MODES)
  .default('partial')
  .describe('full: people with an employee id who are missing from the file are marked left; partial: only the rows in the file');

const importCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
  markLeft: z.number().int(),
});

export const importPreviewSchema = z
  .object({
    id: z.string().describe('Apply with POST /api/people/import/{id}/apply'),
    expiresAt: isoTimestamp,
    mode: z.enum(IMPORT_MODES),
    counts: importCounts,
    rows: z.array(
      z.object({
        row: z.number().int().describe('Row number in the file (1 = first row)'),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        externalId: z.string().nullable(),
        name: z.string().nullable(),
        changes: z.array(z.string()).optional().describe('Changed fields (Person field names) for update'),
        errors: z.array(z.object({ column: z.string(), message: z.string() })).optional(),
      }),
    ),
    markLeft: z.array(ref).describe('Full mode: people who will be marked left'),
    warnings: z
      .array(z.object({ code: z.enum(['mark_left_withheld']), message: z.string() }))
      .describe('About the plan as a whole. mark_left_withheld: a full import whose rows name units that were not found marks no one left'),
  })
  .meta({ id: 'PeopleImportPreview' });

export const importResultSchema = z
  .object({
    id: z.string(),
    mode: z.enum(IMPORT_MODES),
    appliedAt: isoTimestamp,
    counts: importCounts.describe('What was written: rows with errors were skipped'),
  })
  .meta({ id: 'PeopleImportResult' });
