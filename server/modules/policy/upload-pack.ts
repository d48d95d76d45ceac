import { createHash } from 'node:crypto';
import { assertCan } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { transactionLock } from '../../platform/db/index.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fieldPath, loadPackObject, loadPackText } from '../../policy/loader.ts';
import type { Pack } from '../../policy/schema.ts';
import { findActive, findByVersion, insertVersion, supersedeActive } from './repository.ts';
import { versionView, type VersionView } from './views.ts';

export interface UploadInput {
  document?: unknown;
  yaml?: string | undefined;
  message?: string | undefined;
}

/** Serialises uploads on PostgreSQL (SQLite transactions are serial already): one active version at a time. */
const POLICY_LOCK_KEY = 0x706f6c69; // "poli"

/**
 * Validates a pack (JSON document or YAML text) and stores it as the new active version; the
 * previous active version becomes superseded. All in one transaction with its audit events; a pack
 * that does not validate writes nothing and every problem comes back keyed by its pack path.
 */
export async function uploadPack(ctx: Ctx, auth: Auth, input: UploadInput): Promise<VersionView & { document: Pack }> {
  // The pack governs every unit, so changing it needs an installation-wide grant.
  assertCan(auth.grants, 'policy:manage');
  const hasYaml = input.yaml !== undefined;
  if (hasYaml === (input.document !== undefined)) {
    throw new AppError('validation_failed', { fields: [{ path: 'document', key: 'policy.field.document_or_yaml' }] });
  }
  const result = hasYaml ? loadPackText(input.yaml!) : loadPackObject(input.document);
  if (!result.ok) {
    const fields: FieldProblem[] = result.problems.map((p) => ({
      path: fieldPath(p.path) || (hasYaml ? 'yaml' : 'document'),
      key: p.key,
      ...(p.params ? { params: p.params } : {}),
    }));
    throw new AppError('validation_failed', { fields });
  }
  const pack = result.pack;
  const documentJson = JSON.stringify(pack);
  const sha = createHash('sha256').update(documentJson).digest('hex');
  const now = ctx.now();
  const at = now.toISOString();
  const id = uuidv7(now.getTime());

  return inTransaction(ctx, async (trx) => {
    await transactionLock(trx, ctx.dialect, POLICY_LOCK_KEY);
    if (await findByVersion(trx, pack.id, pack.version)) {
      throw new AppError('conflict', {
        fields: [{ path: 'version', key: 'policy.problem.version_exists', params: { id: pack.id, version: pack.version } }],
      });
    }
    const previous = await findActive(trx);
    await supersedeActive(trx);
    if (previous) {
      await recordAudit(trx, ctx, {
        entityType: 'policy_pack',
        entityId: previous.id,
        action: 'supersede',
        before: { status: 'active' },
        after: { status: 'superseded', supersededBy: id },
      });
    }
    const row = {
      id,
      pack_id: pack.id,
      version: pack.version,
      title: pack.title.sv,
      document_json: documentJson,
      document_sha256: sha,
      status: 'active' as const,
      uploaded_by: ctx.actor?.userId ?? null,
      uploaded_by_name: auth.session.name,
      uploaded_at: at,
      activated_at: at,
    };
    await insertVersion(trx, row);
    await recordAudit(trx, ctx, {
      entityType: 'policy_pack',
      entityId: id,
      action: 'upload',
      before: previous ? { activeVersionId: previous.id, packId: previous.pack_id, version: previous.version } : null,
      after: {
        packId: pack.id,
        version: pack.version,
        title: pack.title.sv,
        status: 'active',
        documentSha256: sha,
        counts: { goals: pack.goals.length, roles: pack.roles.length, areas: pack.areas.length, rules: pack.rules.length },
      },
      message: input.message ?? null,
    });
    return { ...versionView(row), document: pack };
  });
}
