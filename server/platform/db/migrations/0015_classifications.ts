import { sql, type Kysely } from 'kysely';
import { currentScale, levelNumbers } from '../../../policy/classification-schema.ts';
import { KRT_NOTE_LINE, parseKrt } from '../../../policy/krt.ts';
import { getDefaultPack } from '../../../policy/loader.ts';
import { uuidv7 } from '../../ids.ts';

/**
 * Information classification (docs/CLASSIFICATION.md): `classifications` holds every version of each system's
 * classification (levels stored as scale id, scale version and a number per aspect; flags; who, when, status),
 * `system_requirements` the status of each security requirement on a system.
 *
 * Earlier register imports kept K/R/T as a line "K/R/T: 3/2/2" in the system's note. A line that reads as
 * levels of the default scale becomes a draft classification (method "import") and leaves the note; one that
 * does not read stays where it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('classifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('scale_version', 'text', (c) => c.notNull())
    .addColumn('level_confidentiality', 'integer')
    .addColumn('level_integrity', 'integer')
    .addColumn('level_availability', 'integer')
    .addColumn('level_traceability', 'integer')
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('justifications_json', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'integer')
    .addColumn('sensitive_personal_data', 'integer')
    .addColumn('protected_identity', 'integer')
    .addColumn('osl_secrecy', 'integer')
    .addColumn('security_protection', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_as', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('next_review_at', 'text')
    .addColumn('basis_hosting', 'text')
    .addColumn('basis_owning_unit_id', 'text')
    .addColumn('basis_personal_data', 'text')
    .addColumn('support_requested_at', 'text')
    .addColumn('support_requested_by', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classifications_system_idx').on('classifications').columns(['system_id', 'version']).unique().execute();
  await db.schema.createIndex('classifications_status_idx').on('classifications').columns(['status', 'system_id']).execute();

  await db.schema
    .createTable('system_requirements')
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('requirement_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('how', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('system_requirements_pk', ['system_id', 'requirement_key'])
    .execute();
  await db.schema.createIndex('system_requirements_status_idx').on('system_requirements').columns(['status', 'system_id']).execute();

  await notesToDrafts(db);
}

async function notesToDrafts(db: Kysely<unknown>): Promise<void> {
  const scale = currentScale(getDefaultPack().classification!);
  const { rows } = await sql<{ id: string; note: string }>`select id, note from systems where note like ${'%K/R/T: %'}`.execute(db);
  const now = new Date().toISOString();
  for (const row of rows) {
    const line = KRT_NOTE_LINE.exec(row.note);
    const levels = line ? parseKrt(line[1]!) : null;
    if (!line || !levels) continue;
    const fits = (Object.entries(levels) as Array<[keyof typeof levels, number | null]>).every(
      ([aspect, n]) => n === null || levelNumbers(scale, aspect).includes(n),
    );
    if (!fits) continue;
    const note = row.note.replace(/^K\/R\/T: .*(?:\r?\n)?/m, '').replace(/\n+$/, '') || null;
    await sql`insert into classifications (id, system_id, version, status, scale_id, scale_version, level_confidentiality, level_integrity,
      level_availability, level_traceability, answers_json, justifications_json, method, reference, row_version, created_at, updated_at)
      values (${uuidv7()}, ${row.id}, 1, 'draft', ${scale.id}, ${scale.version}, ${levels.confidentiality}, ${levels.integrity},
      ${levels.availability}, ${levels.traceability}, '{}', '{}', 'import', ${line[1]!.slice(0, 200)}, 1, ${now}, ${now})`.execute(db);
    await sql`update systems set note = ${note} where id = ${row.id}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
