import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { currentScale, findScale, type ClassificationFlags } from '../../policy/classification.ts';
import { lockSystems } from '../systems/index.ts';
import { assertEdit, systemAccess } from './access.ts';
import { auditOf } from './audit-shape.ts';
import { flagColumns, flagsOf, levelColumns, levelsOf, parseJson, presentClassification } from './present.ts';
import { classificationsOf, findClassification, inProgressOf, insertClassifications, nextVersion } from './repository.ts';
import { assertOnScale } from './rules.ts';
import type { ClassificationView, CreateClassificationInput } from './schemas.ts';

/**
 * Starts a new version of a system's classification as a draft. It begins from the latest version (levels, flags,
 * answers, justifications), or — the first time — from the register's personal data; what the body gives wins.
 * One classification is in progress per system at a time: another draft or submitted one is a 409 naming it.
 */
export async function createClassification(ctx: Ctx, auth: Auth, systemId: string, input: CreateClassificationInput): Promise<ClassificationView> {
  const access = await systemAccess(ctx, auth, systemId);
  assertEdit(access);
  const { spec, system } = access;
  const scale = input.scale ? findScale(spec, input.scale.id, input.scale.version) : currentScale(spec);
  if (!scale) {
    const params = { scale: `${input.scale!.id} ${input.scale!.version}` };
    throw new AppError('validation_failed', { fields: [{ path: 'scale', key: 'classifications.unknown_scale', params }] });
  }
  assertOnScale(scale, input.levels, input.answers);

  const id = uuidv7(ctx.now().getTime());
  await inTransaction(ctx, async (trx) => {
    await lockSystems(trx, ctx);
    const open = await inProgressOf(trx, systemId);
    if (open) {
      const row = await findClassification(trx, open.id);
      throw new AppError('refused', { fields: [{ path: 'status', key: 'classifications.in_progress', params: { version: row?.version ?? '' } }] });
    }
    const [latest] = await classificationsOf(trx, systemId);
    const sameScale = latest && latest.scale_id === scale.id && latest.scale_version === scale.version;
    const pd = system.personal_data;
    const flags: ClassificationFlags = {
      ...(latest
        ? flagsOf(latest)
        : {
            personalData: pd === null ? null : pd !== 'none',
            sensitivePersonalData: pd === null ? null : pd === 'sensitive',
            protectedIdentity: null,
            oslSecrecy: null,
            securityProtection: null,
          }),
      ...input.flags,
    };
    const now = ctx.now().toISOString();
    const row: ClassificationsTable = {
      id,
      system_id: systemId,
      version: await nextVersion(trx, systemId),
      status: 'draft',
      scale_id: scale.id,
      scale_version: scale.version,
      ...levelColumns({
        ...(sameScale ? levelsOf(latest) : { confidentiality: null, integrity: null, availability: null, traceability: null }),
        ...input.levels,
      }),
      answers_json: JSON.stringify({ ...(sameScale ? parseJson(latest.answers_json, {}) : {}), ...input.answers }),
      justifications_json: JSON.stringify({ ...(latest ? parseJson(latest.justifications_json, {}) : {}), ...input.justifications }),
      ...flagColumns(flags),
      method: input.method ?? 'guided',
      reference: input.reference !== undefined ? input.reference : (latest?.reference ?? null),
      created_by: auth.session.userId,
      submitted_at: null,
      submitted_by: null,
      decided_at: null,
      decided_by: null,
      decided_as: null,
      rejection_reason: null,
      next_review_at: null,
      basis_hosting: null,
      basis_owning_unit_id: null,
      basis_personal_data: null,
      support_requested_at: null,
      support_requested_by: null,
      row_version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertClassifications(trx, [row]);
    await recordAudit(trx, ctx, { entityType: 'classification', entityId: id, action: 'create', after: auditOf(row) });
    note(trx, [{ entityType: 'system', entityId: systemId, action: 'classification' }]);
  });
  return presentClassification((await findClassification(ctx.db, id))!, access);
}
