import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { fromBool, toBool, uniqueViolationText } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fold, sortKey } from '../../platform/text.ts';
import { adminAccess, mayAdminister, readAccess } from './access.ts';
import { presentRole } from './present.ts';
import { insertRole, roleByNameKey, roleWithCount, rolesWithCounts, updateRoleAtVersion, type AccessRoleRow } from './roles-repository.ts';
import type { AccessRoleView, CreateRoleInput, PatchRoleInput } from './schemas.ts';

/**
 * A system's access roles (behörigheter): the list with current grant counts, a new role, and a change of one
 * (name, description, privileged, retired) with its version. Names are unique in the system, case-insensitively:
 * a taken name is a 409 naming the field.
 */

export async function listAccessRoles(ctx: Ctx, auth: Auth, systemId: string): Promise<{ items: AccessRoleView[]; can: { administer: boolean } }> {
  const access = await readAccess(ctx, auth, systemId);
  const [rows, administer] = await Promise.all([rolesWithCounts(ctx.db, systemId), mayAdminister(ctx, auth, access)]);
  return { items: rows.map(presentRole), can: { administer } };
}

/** The name the system's other role has, as it spells it. */
const nameTaken = (name: string) => new AppError('conflict', { fields: [{ path: 'name', key: 'access.role.name_taken', params: { name } }] });

/** A unique index hit on the role's name (another request took it first) is the same 409. */
async function writing<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw uniqueViolationText(err) !== null ? nameTaken(name) : err;
  }
}

export async function createAccessRole(ctx: Ctx, auth: Auth, systemId: string, input: CreateRoleInput): Promise<AccessRoleView> {
  await adminAccess(ctx, auth, systemId);
  const key = fold(input.name);
  const other = await roleByNameKey(ctx.db, systemId, key);
  if (other) throw nameTaken(other.name);
  const now = ctx.now().toISOString();
  const row: AccessRoleRow = {
    id: uuidv7(ctx.now().getTime()),
    system_id: systemId,
    name: input.name,
    name_key: key,
    name_sort: sortKey(input.name),
    description: input.description ?? null,
    privileged: fromBool(input.privileged),
    status: 'active',
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await writing(input.name, () =>
    inTransaction(ctx, async (trx) => {
      await insertRole(trx, row);
      await recordAudit(trx, ctx, {
        entityType: 'access_role',
        entityId: row.id,
        action: 'create',
        after: { systemId, name: row.name, description: row.description, privileged: input.privileged, status: row.status },
      });
      note(trx, [{ entityType: 'system', entityId: systemId, action: 'access' }]);
    }),
  );
  return presentRole({ ...row, grant_count: 0 });
}

type Facts = { name: string; description: string | null; privileged: boolean; status: AccessRoleRow['status'] };
const factsOf = (r: AccessRoleRow): Facts => ({ name: r.name, description: r.description, privileged: toBool(r.privileged), status: r.status });

/** Changes a role; a stale version is a 409 and nothing is written; a change that changes nothing writes nothing. */
export async function updateAccessRole(ctx: Ctx, auth: Auth, systemId: string, roleId: string, patch: PatchRoleInput): Promise<AccessRoleView> {
  await adminAccess(ctx, auth, systemId);
  const role = await roleWithCount(ctx.db, systemId, roleId);
  if (!role) throw new AppError('not_found');
  if (role.version !== patch.version) throw new AppError('conflict');
  const before = factsOf(role);
  const after: Facts = {
    name: patch.name ?? before.name,
    description: patch.description !== undefined ? patch.description : before.description,
    privileged: patch.privileged ?? before.privileged,
    status: patch.status ?? before.status,
  };
  const changed = (Object.keys(after) as Array<keyof Facts>).filter((k) => after[k] !== before[k]);
  if (!changed.length) return presentRole(role);
  const key = fold(after.name);
  if (key !== role.name_key) {
    const other = await roleByNameKey(ctx.db, systemId, key);
    if (other && other.id !== roleId) throw nameTaken(other.name);
  }
  await writing(after.name, () =>
    inTransaction(ctx, async (trx) => {
      const written = await updateRoleAtVersion(trx, roleId, patch.version, {
        name: after.name,
        name_key: key,
        name_sort: sortKey(after.name),
        description: after.description,
        privileged: fromBool(after.privileged),
        status: after.status,
        updated_at: ctx.now().toISOString(),
      });
      if (!written) throw new AppError('conflict');
      await recordAudit(trx, ctx, {
        entityType: 'access_role',
        entityId: roleId,
        action: 'update',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: { systemId, ...Object.fromEntries(changed.map((k) => [k, after[k]])) },
      });
      note(trx, [{ entityType: 'system', entityId: systemId, action: 'access' }]);
    }),
  );
  return presentRole((await roleWithCount(ctx.db, systemId, roleId))!);
}
