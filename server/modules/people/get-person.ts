import { todayOf } from '../../platform/dates.ts';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getRoleCatalogue } from '../policy/catalogue.ts';
import { canOnUnit } from './access.ts';
import { presentPerson } from './present.ts';
import { currentRolesOf, findPerson } from './repository.ts';
import type { personDetailSchema } from './schemas.ts';

export type PersonDetail = z.infer<typeof personDetailSchema>;


/**
 * One person with the roles they hold now. A person the caller's grants do not reach is a 404, the
 * same answer as an id that does not exist, so nothing leaks about other förvaltningar.
 */
export async function getPerson(ctx: Ctx, auth: Auth, id: string): Promise<PersonDetail> {
  const row = await findPerson(ctx.db, id);
  if (!row || !(await canOnUnit(ctx.db, auth.grants, 'org:read', row.home_unit_id))) throw new AppError('not_found');
  const today = todayOf(ctx);
  const [roles, catalogue] = await Promise.all([currentRolesOf(ctx.db, id, today), getRoleCatalogue(ctx)]);
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
