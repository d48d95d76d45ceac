import { ASPECTS } from '../../../shared/classification.ts';
import { recordAuditMany, type AuditInput } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { currentScale, levelNumbers, type Levels } from '../../policy/classification.ts';
import type { ClassificationSpec } from '../../policy/classification-schema.ts';
import type { KrtLevels } from '../../policy/krt.ts';
import { auditOf } from './audit-shape.ts';
import { levelColumns, levelsOf } from './present.ts';
import { insertClassifications, updateClassificationAt } from './repository.ts';

/**
 * K/R/T from the register import (docs/CLASSIFICATION.md, "From the register"): the levels a row gives become a draft
 * classification with method "import", shown as such until someone completes, submits and approves it. Planned in
 * the dry-run (planImportDraft over importTargets, one query for all systems) and written in the apply's transaction
 * (importDrafts). Re-importing the same levels changes nothing; a classification someone is working on is left alone.
 */

export type ImportDraft = { systemId: string; levels: KrtLevels; reference: string };

/** What the import meets per system: the classification in progress, and the approved one. */
export interface ImportTarget {
  inProgress: { id: string; status: string; method: string; rowVersion: number; levels: Levels } | null;
  approved: Levels | null;
  maxVersion: number;
}

export async function importTargets(db: Db | Tx, systemIds: readonly string[]): Promise<Map<string, ImportTarget>> {
  const out = new Map<string, ImportTarget>();
  for (let i = 0; i < systemIds.length; i += 500) {
    const chunk = systemIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('classifications')
      .select(['id', 'system_id', 'status', 'method', 'row_version', 'version', 'level_confidentiality', 'level_integrity', 'level_availability', 'level_traceability'])
      .where('system_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      const t = out.get(r.system_id) ?? { inProgress: null, approved: null, maxVersion: 0 };
      t.maxVersion = Math.max(t.maxVersion, r.version);
      if (r.status === 'draft' || r.status === 'submitted')
        t.inProgress = { id: r.id, status: r.status, method: r.method, rowVersion: r.row_version, levels: levelsOf(r) };
      if (r.status === 'approved') t.approved = levelsOf(r);
      out.set(r.system_id, t);
    }
  }
  return out;
}

const sameLevels = (a: Levels, b: KrtLevels) => ASPECTS.every((k) => (a[k] ?? null) === (b[k] ?? null));

/** 'create' a new draft, 'update' the import's own draft, leave it 'unchanged', or 'in_progress': someone is working on one. */
export type ImportDraftAction = 'create' | 'update' | 'unchanged' | 'in_progress';

export function planImportDraft(target: ImportTarget | undefined, levels: KrtLevels): ImportDraftAction {
  const open = target?.inProgress;
  if (open) {
    if (sameLevels(open.levels, levels)) return 'unchanged';
    return open.status === 'draft' && open.method === 'import' ? 'update' : 'in_progress';
  }
  if (target?.approved && sameLevels(target.approved, levels)) return 'unchanged';
  return 'create';
}

/** The aspects whose level is not on the pack's current scale (the import refuses such a cell). */
export function levelsOffScale(spec: ClassificationSpec, levels: KrtLevels): string[] {
  const scale = currentScale(spec);
  return ASPECTS.filter((a) => levels[a] !== null && !levelNumbers(scale, a).includes(levels[a]!));
}

/**
 * Writes the planned drafts in the import's transaction (the caller holds the systems lock and has re-read the
 * targets): creates and updates as planned, with one audit event each.
 */
export async function importDrafts(trx: Tx, ctx: Ctx, spec: ClassificationSpec, drafts: readonly ImportDraft[]): Promise<number> {
  if (!drafts.length) return 0;
  const targets = await importTargets(trx, drafts.map((d) => d.systemId));
  const scale = currentScale(spec);
  const now = ctx.now();
  const at = now.toISOString();
  const newId = () => uuidv7(now.getTime());
  const inserts: ClassificationsTable[] = [];
  const audits: AuditInput[] = [];
  for (const d of drafts) {
    const target = targets.get(d.systemId);
    const action = planImportDraft(target, d.levels);
    if (action === 'update') {
      const open = target!.inProgress!;
      const written = await updateClassificationAt(trx, open.id, open.rowVersion, 'draft', { ...levelColumns(d.levels), reference: d.reference, updated_at: at });
      if (!written) throw new AppError('conflict');
      audits.push({ entityType: 'classification', entityId: open.id, action: 'update', before: open.levels, after: d.levels });
    } else if (action === 'create') {
      const row: ClassificationsTable = {
        id: newId(), system_id: d.systemId, version: (target?.maxVersion ?? 0) + 1, status: 'draft', scale_id: scale.id, scale_version: scale.version,
        ...levelColumns(d.levels), answers_json: '{}', justifications_json: '{}', personal_data: null, sensitive_personal_data: null,
        protected_identity: null, osl_secrecy: null, security_protection: null, method: 'import', reference: d.reference,
        created_by: ctx.actor?.userId ?? null, submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, decided_as: null,
        rejection_reason: null, next_review_at: null, basis_hosting: null, basis_owning_unit_id: null, basis_personal_data: null, support_requested_at: null, support_requested_by: null,
        row_version: 1, created_at: at, updated_at: at,
      };
      inserts.push(row);
      audits.push({ entityType: 'classification', entityId: row.id, action: 'create', after: auditOf(row) });
    }
  }
  await insertClassifications(trx, inserts);
  await recordAuditMany(trx, ctx, audits);
  note(trx, drafts.map((d) => ({ entityType: 'system', entityId: d.systemId, action: 'classification' })));
  return audits.length;
}
