import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { idInput, isoTimestamp } from '../../platform/http/schemas.ts';
import { isSingleLine } from '../../platform/characters.ts';
import { HOLDER_KINDS } from '../../../shared/policy.ts';
import { FIELDS, type Mapping } from './fields.ts';
import type { HolderMapping } from './holders.ts';
import { classificationCountsSchema } from './plan-types.ts';
import type { SheetUnits } from './rows.ts';

export const importIdParam = z.object({ id: idInput.describe('The import id from the dry-run') });

/** How the caller says a name in role cells is to be read (docs/SYSTEM-IMPORT.md, "Who holds a role"). */
const holderMappingsSchema = z
  .array(
    z.object({
      text: z.string().trim().min(1).max(200).refine(isSingleLine),
      as: z.union([z.enum(['new_person', 'vacant']), z.object({ kind: z.enum(HOLDER_KINDS), id: z.string().min(1).max(100) })]),
    }),
  )
  .max(500);

/** The förvaltning of a sheet whose name gives it: a unit's name, code or external id, or a new förvaltning's full name. */
const sheetUnitsSchema = z
  .record(z.string().trim().min(1).max(200).refine(isSingleLine), z.string().trim().min(1).max(200).refine(isSingleLine))
  .refine((r) => Object.keys(r).length <= 200);

/**
 * The multipart text fields: `mapping` = JSON {"column header as in the file": field name or null},
 * `createMissing` = "true" or "false" (default false), `holderMappings` = JSON [{"text": a name as in a role
 * cell, "as": {"kind": "person" | "unit" | "supplier", "id": …} | "new_person" | "vacant"}], `sheetUnits` = JSON
 * {"sheet name as in the file": förvaltning} for sheets whose name gives the förvaltning (one Excel cut at 31
 * characters). Problems are 400 with the field named.
 */
export function importOptions(fields: Record<string, string>): { mapping: Mapping; createMissing: boolean; holderMappings: HolderMapping[]; sheetUnits: SheetUnits } {
  const bad = (
    path: string,
    key: 'systemImport.mapping.invalid' | 'systemImport.create_missing.invalid' | 'systemImport.mapping.unknown_field' | 'systemImport.holders.invalid' | 'systemImport.sheet_units.invalid',
    params?: Record<string, string>,
  ) =>
    new AppError('validation_failed', { fields: [{ path, key, ...(params ? { params } : {}) }] });
  const cm = (fields.createMissing ?? '').trim().toLowerCase();
  if (!['', 'true', 'false'].includes(cm)) throw bad('createMissing', 'systemImport.create_missing.invalid');
  const mapping: Mapping = {};
  const raw = (fields.mapping ?? '').trim();
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw bad('mapping', 'systemImport.mapping.invalid');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length > 500) throw bad('mapping', 'systemImport.mapping.invalid');
    for (const [column, field] of Object.entries(parsed)) {
      if (column.length > 200 || !isSingleLine(column) || (field !== null && typeof field !== 'string')) throw bad('mapping', 'systemImport.mapping.invalid');
      if (field !== null && !(FIELDS as readonly string[]).includes(field)) throw bad('mapping', 'systemImport.mapping.unknown_field', { field, column });
      mapping[column.trim()] = field as Mapping[string];
    }
  }
  let holderMappings: HolderMapping[] = [];
  const rawHolders = (fields.holderMappings ?? '').trim();
  if (rawHolders) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawHolders);
    } catch {
      throw bad('holderMappings', 'systemImport.holders.invalid');
    }
    const read = holderMappingsSchema.safeParse(parsed);
    if (!read.success) throw bad('holderMappings', 'systemImport.holders.invalid');
    holderMappings = read.data;
  }
  let sheetUnits: SheetUnits = {};
  const rawSheets = (fields.sheetUnits ?? '').trim();
  if (rawSheets) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawSheets);
    } catch {
      throw bad('sheetUnits', 'systemImport.sheet_units.invalid');
    }
    const read = sheetUnitsSchema.safeParse(parsed);
    if (!read.success) throw bad('sheetUnits', 'systemImport.sheet_units.invalid');
    sheetUnits = read.data;
  }
  return { mapping, createMissing: cm === 'true', holderMappings, sheetUnits };
}

const counts = z.object({
  create: z.number().int().describe('Systems to register'),
  update: z.number().int().describe('Systems that change'),
  unchanged: z.number().int().describe('Systems the file states as they are'),
  error: z.number().int().describe('Rows with errors: not imported'),
});
const effects = z.object({
  units: z.number().int().describe('New förvaltningar'),
  people: z.number().int().describe('New people'),
  roleStarts: z.number().int(),
  roleEnds: z.number().int(),
  suppliers: z.number().int(),
  agreements: z.number().int().describe('Agreements created or given a new end date'),
});
const message = z.object({
  cell: z.string().nullable().describe('The cell, e.g. C7; null for the row as a whole'),
  column: z.string().nullable().describe('The column header (or the sheet name when the sheet gives the förvaltning)'),
  message: z.string(),
});
const ref = z.object({ sheet: z.string().nullable(), row: z.number().int(), cell: z.string().nullable() });

export const importPreviewSchema = z
  .object({
    id: z.string().describe('Apply with POST /api/imports/{id}/apply'),
    expiresAt: isoTimestamp,
    fileName: z.string().nullable(),
    createMissing: z.boolean(),
    counts,
    effects,
    classifications: classificationCountsSchema.describe('What the file\'s K/R/T does: draft classifications to create or update, unchanged, or left alone'),
    rows: z.array(
      z.object({
        sheet: z.string().nullable().describe('The sheet (null for CSV)'),
        row: z.number().int().describe('Row number on the sheet (1 = first row)'),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        registerNo: z.string().nullable(),
        name: z.string().nullable(),
        unit: z.string().nullable().describe('The owning förvaltning'),
        classification: z
          .enum(['create', 'update', 'unchanged', 'in_progress'])
          .nullable()
          .describe(
            'What the row\'s K/R/T does to the system\'s classification: a new draft (method import), the import\'s own draft changed, ' +
              'unchanged, or not used because someone is working on a classification; null when the row gives none',
          ),
        changes: z.array(z.string()).optional().describe('For update: changed fields (system fields, owner/manager/operations, agreement)'),
        errors: z.array(message).optional(),
        notes: z.array(message).optional().describe('Remarks that do not stop the row'),
      }),
    ),
    mapping: z.array(z.object({ column: z.string(), field: z.enum(FIELDS).nullable(), sheets: z.array(z.string()) })).describe('How each column was read'),
    fields: z.array(z.enum(FIELDS)).describe('The fields a column may be mapped to'),
    unknownUnits: z.array(z.object({ name: z.string(), create: z.boolean(), rows: z.array(ref) })),
    unknownPeople: z.array(z.object({ name: z.string(), email: z.string().nullable(), create: z.boolean(), rows: z.array(ref) })),
    unknownHolders: z
      .array(
        z.object({
          text: z.string().describe('A name as a role cell writes it (one of the names of the cell); holderMappings refers to it'),
          became: z.enum(['person', 'new_person', 'unit', 'supplier', 'vacant']).describe('What the import makes of it; vacant: the role gets no holder from it'),
          holder: z.string().nullable().describe('The unit, supplier or person it became (or who has left)'),
          reason: z.string().describe('Why, in the caller\'s language'),
          roles: z.array(z.string()).describe('The roles it was named for'),
          count: z.number().int().describe('Cells naming it'),
          rows: z.array(ref),
        }),
      )
      .describe('What each name of the role cells became and why (a person matched plainly by name or e-mail is not listed); no holder first'),
    shared: z
      .array(z.object({ name: z.string(), owner: z.string(), usedBy: z.array(z.string()), rows: z.array(ref) }))
      .describe('Systems listed on several rows or sheets, merged into one'),
    sheets: z.array(
      z.object({
        name: z.string().nullable(),
        headerRow: z.number().int().nullable(),
        rows: z.number().int(),
        notes: z.number().int(),
        unitFromName: z.boolean().describe('The sheet\'s name gives the förvaltning of its rows'),
        fullName: z.string().optional().describe('The förvaltning\'s full name, from the title rows, when Excel cut the sheet\'s name at 31 characters'),
        nameCut: z.boolean().optional().describe('The name is 31 characters long (Excel\'s limit) and no title row completes it: probably cut'),
        unitGiven: z.string().optional().describe('The förvaltning the caller gave for the sheet (sheetUnits)'),
      }),
    ),
    notices: z.array(z.string()).describe('What the import assumed about the file as a whole'),
  })
  .meta({ id: 'SystemImportPreview' });

export const importResultSchema = z
  .object({
    id: z.string(),
    appliedAt: isoTimestamp,
    counts: counts.describe('What was written: rows with errors were skipped'),
    effects,
    classifications: classificationCountsSchema.describe('Draft classifications written from the file\'s K/R/T, as the dry-run planned them'),
  })
  .meta({ id: 'SystemImportResult' });
