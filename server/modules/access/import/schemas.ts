import { z } from 'zod';
import { IMPORT_MODES } from '../../../../shared/org.ts';
import { idInput, isoTimestamp } from '../../../platform/http/schemas.ts';
import { MATCHES, countsSchema, effectsSchema } from './plan-types.ts';

/** Requests and answers of the user-list import (docs/ACCESS.md, "The user list's columns"). */

export const importIdParam = z.object({ id: idInput.describe('The import id from the dry-run') });

/** The multipart text fields: mode = full | partial (default partial). */
export const importFields = z.object({
  mode: z
    .enum(IMPORT_MODES)
    .default('partial')
    .describe('full: grants the file no longer shows end and accounts it no longer lists are marked removed; partial: only adds and updates'),
});

const person = z.object({ id: z.string(), name: z.string() });

export const importPreviewSchema = z
  .object({
    id: z.string().describe('Apply with POST /api/access/imports/{id}/apply'),
    systemId: z.string(),
    expiresAt: isoTimestamp,
    mode: z.enum(IMPORT_MODES),
    fileName: z.string().nullable(),
    counts: countsSchema.describe('Rows by what applying does to them'),
    effects: effectsSchema.describe('What applying writes'),
    rows: z.array(
      z.object({
        row: z.number().int().describe('Row number in the file (1 = first row)'),
        action: z.enum(['create', 'update', 'unchanged', 'error']).describe('create: a new account; update: the account changes or gets access roles'),
        username: z.string().nullable(),
        name: z.string().nullable(),
        person: person.nullable().describe('The person the account belongs to after the import'),
        matchedBy: z.enum(MATCHES).nullable().describe('How the person was found; existing: the account keeps the person it had'),
        roles: z.array(z.string()).describe('The access roles the row names'),
        started: z.array(z.string()).optional().describe('An existing account’s access roles granted now (a new account is granted every role its rows name)'),
        ended: z.array(z.string()).optional().describe('Full mode: access roles whose grants end (on the account’s first row)'),
        changes: z.array(z.string()).optional().describe('Changed fields of the account (displayName, email, type, status, person, lastLoginAt)'),
        errors: z
          .array(z.object({ column: z.string().describe('The header as in the file'), cell: z.string().describe('Column letter and row number, e.g. C7'), message: z.string() }))
          .optional(),
      }),
    ),
    newRoles: z.array(z.string()).describe('Access roles the system does not have yet: applying makes them (not privileged)'),
    removedAccounts: z.array(z.object({ id: z.string(), username: z.string() })).describe('Full mode: accounts to be marked removed (at most 1000 named)'),
    endedGrants: z
      .array(z.object({ id: z.string(), username: z.string(), accessRole: z.string() }))
      .describe('Full mode: grants to be ended (at most 1000 named)'),
    warnings: z.array(z.object({ code: z.enum(['removals_withheld', 'no_role_column']), message: z.string() })),
  })
  .meta({ id: 'AccessImportPreview' });

export const importResultSchema = z
  .object({
    id: z.string(),
    systemId: z.string(),
    mode: z.enum(IMPORT_MODES),
    appliedAt: isoTimestamp,
    counts: countsSchema,
    effects: effectsSchema.describe('What was written: rows with errors were skipped'),
  })
  .meta({ id: 'AccessImportResult' });
