import { todayOf } from '../../platform/dates.ts';
import type { z } from 'zod';
import { can, unitScopes } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { readableSystemRefs } from '../systems/index.ts';
import { canOnUnit } from './access.ts';
import { presentPerson } from './present.ts';
import { currentRolesOf, findPerson } from './repository.ts';
import type { personDetailSchema } from './schemas.ts';

export type PersonDetail = z.infer<typeof personDetailSchema>;

type RoleRow = Awaited<ReturnType<typeof currentRolesOf>>[number];

/**
 * One person with the roles they hold now. A person the caller's grants do not reach is a 404, the
 * same answer as an id that does not exist, so nothing leaks about other förvaltningar.
 */
export async function getPerson(ctx: Ctx, auth: Auth, id: string): Promise<PersonDetail> {
  const row = await findPerson(ctx.db, id);
  if (!row || !(await canOnUnit(ctx.db, auth.grants, 'org:read', row.home_unit_id))) throw new AppError('not_found');
  const today = todayOf(ctx);
  const [all, catalogue] = await Promise.all([currentRolesOf(ctx.db, id, today), getRoleCatalogue(ctx)]);
  const roles = await readableRoles(ctx, auth, all);
  const names = new Map(catalogue.map((r) => [r.key, r.name[ctx.locale]]));
  return {
    ...presentPerson(row),
    roles: roles.map((r) => ({
      id: r.id,
      roleKey: r.role_key,
      roleName: names.get(r.role_key) ?? r.role_key,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      subjectName: r.subject_name ?? r.subject_id,
      person: { id: r.person_id, name: r.person_name, status: r.person_status },
      validFrom: r.valid_from,
      validTo: r.valid_to,
      current: true,
    })),
  };
}

/**
 * The roles whose subject the caller may read: a system by the register's rule (as GET
 * /api/systems/{id}), a unit by an org:read grant reaching it (as GET /api/org-units/{id}). The others
 * are left out without a trace — not counted either, since a count would say that they exist
 * (docs/DECISIONS.md).
 */
async function readableRoles(ctx: Ctx, auth: Auth, roles: RoleRow[]): Promise<RoleRow[]> {
  const systemIds = roles.filter((r) => r.subject_kind === 'system').map((r) => r.subject_id);
  const unitIds = [...new Set(roles.filter((r) => r.subject_kind === 'unit').map((r) => r.subject_id))];
  const [systems, scopes] = await Promise.all([readableSystemRefs(ctx, auth, systemIds), unitScopes(ctx.db, unitIds)]);
  const units = new Set(scopes.filter((scope) => can(auth.grants, 'org:read', scope)).map((scope) => scope.unitId));
  return roles.filter((r) => (r.subject_kind === 'system' ? systems.has(r.subject_id) : units.has(r.subject_id)));
}
