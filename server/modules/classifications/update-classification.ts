import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertEdit, systemAccess } from './access.ts';
import { auditDiff, auditOf } from './audit-shape.ts';
import { flagColumns, flagsOf, levelColumns, levelsOf, parseJson, presentClassification } from './present.ts';
import { findClassification, updateClassificationAt } from './repository.ts';
import { assertOnScale, scaleOfRow } from './rules.ts';
import type { ClassificationView, PatchClassificationInput } from './schemas.ts';

/**
 * Changes a draft: levels, flags, the guide's answers and justifications (each aspect and flag given replaces its
 * value; an answer or justification set to nothing removes it), method and reference. Only a draft changes (409
 * otherwise); a stale rowVersion is a 409 and nothing is written; a patch that changes nothing writes nothing.
 */
export async function updateClassification(ctx: Ctx, auth: Auth, id: string, patch: PatchClassificationInput): Promise<ClassificationView> {
  const row = await findClassification(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const access = await systemAccess(ctx, auth, row.system_id);
  assertEdit(access);
  if (row.status !== 'draft') throw new AppError('refused', { fields: [{ path: 'status', key: 'classifications.not_draft' }] });
  if (patch.rowVersion !== row.row_version) throw new AppError('conflict');
  const scale = scaleOfRow(access.spec, row);
  assertOnScale(scale, patch.levels, patch.answers);

  const answers = parseJson<Record<string, Record<string, number>>>(row.answers_json, {});
  for (const [aspect, given] of Object.entries(patch.answers ?? {})) {
    const merged = { ...answers[aspect], ...given };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    answers[aspect] = merged as Record<string, number>;
  }
  const justifications = parseJson<Record<string, string>>(row.justifications_json, {});
  for (const [aspect, text] of Object.entries(patch.justifications ?? {})) {
    if (text) justifications[aspect] = text;
    else delete justifications[aspect];
  }
  const next = {
    ...row,
    ...levelColumns({ ...levelsOf(row), ...patch.levels }),
    ...flagColumns({ ...flagsOf(row), ...patch.flags }),
    answers_json: JSON.stringify(answers),
    justifications_json: JSON.stringify(justifications),
    method: patch.method ?? row.method,
    reference: patch.reference !== undefined ? patch.reference : row.reference,
  };
  const diff = auditDiff(auditOf(row), auditOf(next));
  const answersChanged = next.answers_json !== row.answers_json;
  if (diff.changed || answersChanged) {
    await inTransaction(ctx, async (trx) => {
      const { id: _id, system_id: _s, version: _v, row_version: _r, created_at: _c, created_by_name: _1, submitted_by_name: _2, decided_by_name: _3, support_requested_by_name: _4, ...set } = next;
      const written = await updateClassificationAt(trx, id, row.row_version, 'draft', { ...set, updated_at: ctx.now().toISOString() });
      if (!written) throw new AppError('conflict');
      await recordAudit(trx, ctx, { entityType: 'classification', entityId: id, action: 'update', before: diff.before, after: diff.after });
      note(trx, [{ entityType: 'system', entityId: row.system_id, action: 'classification' }]);
    });
  }
  return presentClassification((await findClassification(ctx.db, id))!, access);
}
