
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { applicableRequirements } from '../../policy/classification.ts';
import type { RequirementSpec } from '../../policy/classification-schema.ts';
import { lockSystems } from '../systems/index.ts';
import { assertEdit, systemAccess, type SystemAccess } from './access.ts';
import { bothTexts, levelsOf } from './present.ts';
import { approvedOf, findRequirement, insertRequirement, requirementsOf, updateRequirementAt } from './repository.ts';
import type { PatchRequirementInput } from './schemas.ts';

/**
 * The security requirements a system's approved classification brings (the pack's catalogue, by aspect and
 * minimum level), each with the status the systemförvaltare keeps: met, partly met, not met, not applicable, and how.
 */

async function load(ctx: Ctx, access: SystemAccess) {
  const approved = await approvedOf(ctx.db, access.system.id);
  const applicable = approved ? applicableRequirements(access.spec, levelsOf(approved)) : [];
  return { approved, applicable };
}

type KeptRow = Awaited<ReturnType<typeof requirementsOf>>[number];

/** One requirement as the API shows it, with its status on the system if assessed. */
function presentRequirement(req: RequirementSpec, k: KeptRow | undefined) {
  return {
    key: req.key,
    aspect: req.aspect,
    minLevel: req.minLevel,
    title: bothTexts(req.title),
    text: bothTexts(req.text),
    iso27002: req.iso27002,
    status: k?.status ?? null,
    how: k?.how ?? null,
    rowVersion: k?.row_version ?? 0,
    updatedAt: k?.updated_at ?? null,
    updatedBy: k?.updated_by ? { id: k.updated_by, name: k.updated_by_name ?? '' } : null,
  };
}

export async function getRequirements(ctx: Ctx, auth: Auth, systemId: string) {
  const access = await systemAccess(ctx, auth, systemId);
  const { approved, applicable } = await load(ctx, access);
  const kept = new Map((await requirementsOf(ctx.db, systemId)).map((r) => [r.requirement_key, r]));
  const counts = { met: 0, partly_met: 0, not_met: 0, not_applicable: 0, unassessed: 0 };
  const items = applicable.map((req) => {
    const k = kept.get(req.key);
    counts[k?.status ?? 'unassessed'] += 1;
    return presentRequirement(req, k);
  });
  return {
    classification: approved ? { id: approved.id, version: approved.version, levels: levelsOf(approved) } : null,
    items,
    counts,
    canEdit: access.edit && approved !== undefined,
  };
}

const NEEDS_HOW = new Set<string>(['partly_met', 'not_applicable']);

/** Records how one requirement is met on the system. rowVersion 0 = never assessed; stale → 409. */
export async function updateRequirement(ctx: Ctx, auth: Auth, systemId: string, key: string, input: PatchRequirementInput) {
  const access = await systemAccess(ctx, auth, systemId);
  assertEdit(access);
  if (!access.spec.requirements.some((r) => r.key === key)) throw new AppError('not_found');
  const { approved, applicable } = await load(ctx, access);
  if (!approved) throw new AppError('refused', { fields: [{ path: 'status', key: 'classifications.no_approved' }] });
  const req = applicable.find((r) => r.key === key);
  if (!req)
    throw new AppError('refused', { fields: [{ path: 'status', key: 'classifications.requirement_not_applicable' }] });
  const how = input.how ?? null;
  if (NEEDS_HOW.has(input.status) && !how) throw new AppError('validation_failed', { fields: [{ path: 'how', key: 'classifications.how_required' }] });

  await inTransaction(ctx, async (trx) => {
    await lockSystems(trx, ctx);
    const row = await findRequirement(trx, systemId, key);
    if ((row?.row_version ?? 0) !== input.rowVersion) throw new AppError('conflict');
    if (row && row.status === input.status && row.how === how) return;
    const set = { status: input.status, how, updated_by: auth.session.userId, updated_at: ctx.now().toISOString() };
    if (row) {
      if (!(await updateRequirementAt(trx, systemId, key, row.row_version, set))) throw new AppError('conflict');
    } else {
      await insertRequirement(trx, { system_id: systemId, requirement_key: key, row_version: 1, ...set });
    }
    await recordAudit(trx, ctx, {
      entityType: 'system_requirement',
      entityId: systemId,
      action: 'update',
      before: row ? { requirement: key, status: row.status, how: row.how } : { requirement: key },
      after: { requirement: key, status: input.status, how },
    });
    note(trx, [{ entityType: 'system', entityId: systemId, action: 'requirement' }]);
  });
  const kept = (await requirementsOf(ctx.db, systemId)).find((r) => r.requirement_key === key);
  return presentRequirement(req, kept);
}

