import { z } from 'zod';
import { cursorInput, idInput, isoTimestamp, pageQuery, singleLine } from '../../platform/http/schemas.ts';
import { UNIT_FUNCTIONS, UNIT_KINDS } from './present.ts';

/** Request and response schemas of org units. */

export const unitId = idInput;
export const idParam = z.object({ id: unitId.describe('The org unit id') });

const kind = z
  .enum(UNIT_KINDS)
  .describe('kommun (always at the top), kommunstyrelse, namnd, forvaltning, avdelning, enhet, kommunalt_bolag, kommunalforbund or annan');
const fn = z
  .enum(UNIT_FUNCTIONS)
  .describe('What the policy refers to: it_unit (IT-enheten) or kansli; at most one unit of each per kommun');
const emptyToNull = (v: string | null | undefined) => (v === '' ? null : v);
const code = singleLine(50)
  .nullable()
  .optional()
  .transform(emptyToNull)
  .describe('Short code, e.g. SOF; searchable. Empty clears it');
const externalId = singleLine(100)
  .nullable()
  .optional()
  .transform(emptyToNull)
  .describe('Id in the HR or source system; unique. Empty clears it');
const name = singleLine(200).min(1).describe('The unit name');
const version = z.number().int().min(1).describe('The version you read; a stale one gives 409 conflict');

export const unitsQuery = z.object({
  parentId: unitId.optional().describe('Only the direct sub-units of this unit'),
  rootId: unitId.optional().describe('Only this unit and everything under it'),
  q: singleLine(200).min(1).optional().describe('Part of the name or code, any case (å, ä, ö too)'),
  kind: kind.optional(),
  status: z.enum(['active', 'inactive']).optional(),
  ...pageQuery,
  // The cursor carries the last unit's search text (up to 250 characters), so it may be longer than the usual 200.
  cursor: cursorInput(2000),
});

export const createUnitBody = z
  .object({
    name,
    kind,
    parentId: unitId.nullable().describe('The parent unit; null for a kommun at the top'),
    code,
    externalId,
    function: fn.nullable().optional(),
  })
  .strict();

export const patchUnitBody = z
  .object({ version, name: name.optional(), kind: kind.optional(), code, externalId, function: fn.nullable().optional() })
  .strict();

export const moveUnitBody = z
  .object({ version, parentId: unitId.nullable().describe('The new parent; it must not be the unit itself or below it') })
  .strict();

export const versionBody = z.object({ version }).strict();

export const orgUnit = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    code: z.string().nullable(),
    externalId: z.string().nullable(),
    function: z.enum(UNIT_FUNCTIONS).nullable(),
    status: z.enum(['active', 'inactive']).describe('Units are never deleted, only deactivated'),
    parentId: z.string().nullable(),
    depth: z.number().int().describe('How many units are above it (a kommun is 0)'),
    path: z.string().describe('Names from the top down, joined with " / "'),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'OrgUnit' });

export const orgUnitDetail = orgUnit
  .extend({
    ancestors: z
      .array(z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) }))
      .describe('The units above it, from the top down'),
  })
  .meta({ id: 'OrgUnitDetail' });

export const unitsPage = z.object({ items: z.array(orgUnit), nextCursor: z.string().nullable() });
export const unitsTree = z.object({
  items: z.array(orgUnit).describe('Depth-first: each unit is followed by its sub-units, siblings by name'),
});
