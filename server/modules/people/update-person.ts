import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import { assertCanOnUnit, canOnUnit } from './access.ts';
import { assertManagerAllowed, assertUnique, assertUnitUsable, uniqueRefusal } from './person-rules.ts';
import { diffFacts, factsOf, nameSearch, presentPerson, type Person, type PersonFacts } from './present.ts';
import { findPerson, findPersonRecord, updatePersonAtVersion } from './repository.ts';
import type { PersonStatus } from './schemas.ts';
import { sortKey } from '../../platform/text.ts';

export interface PersonPatch {
  version: number;
  name?: string | undefined;
  email?: string | null | undefined;
  title?: string | null | undefined;
  homeUnitId?: string | undefined;
  managerId?: string | null | undefined;
  status?: PersonStatus | undefined;
  externalId?: string | null | undefined;
}

/**
 * Changes a person, status included (left sets leftAt; any other status clears it). Needs org:manage
 * on the person's unit, and on the new unit when moving them. A stale version is a 409 and nothing is
 * written; a patch that changes nothing writes nothing.
 */
export async function updatePerson(ctx: Ctx, grants: readonly Grant[], id: string, patch: PersonPatch): Promise<Person> {
  const current = await findPersonRecord(ctx.db, id);
  if (!current) throw new AppError('not_found');
  if (!(await canOnUnit(ctx.db, grants, 'org:manage', current.home_unit_id))) throw new AppError('forbidden');
  const moving = patch.homeUnitId !== undefined && patch.homeUnitId !== current.home_unit_id;
  if (moving) {
    await assertUnitUsable(ctx.db, patch.homeUnitId!);
    await assertCanOnUnit(ctx.db, grants, 'org:manage', patch.homeUnitId!);
  }
  if (patch.version !== current.version) throw new AppError('conflict');

  const before = factsOf(current);
  const status = patch.status ?? before.status;
  const after: PersonFacts = {
    name: patch.name ?? before.name,
    email: patch.email !== undefined ? patch.email : before.email,
    title: patch.title !== undefined ? patch.title : before.title,
    homeUnitId: patch.homeUnitId ?? before.homeUnitId,
    managerId: patch.managerId !== undefined ? patch.managerId : before.managerId,
    status,
    externalId: patch.externalId !== undefined ? patch.externalId : before.externalId,
    leftAt: status !== 'left' ? null : before.status === 'left' ? before.leftAt : ctx.now().toISOString(),
  };
  const diff = diffFacts(before, after);
  if (diff.fields.length > 0) {
    try {
      await inTransaction(ctx, async (trx) => {
        await assertUnique(trx, { email: diff.after.email, externalId: diff.after.externalId }, id);
        if (diff.after.managerId) await assertManagerAllowed(trx, id, diff.after.managerId);
        const written = await updatePersonAtVersion(trx, id, patch.version, {
          name: after.name,
          name_search: nameSearch(after.name),
          name_sort: sortKey(after.name),
          email: after.email,
          title: after.title,
          home_unit_id: after.homeUnitId,
          manager_id: after.managerId,
          status: after.status,
          left_at: after.leftAt,
          external_id: after.externalId,
          updated_at: ctx.now().toISOString(),
        });
        if (!written) throw new AppError('conflict');
        const action = diff.fields.includes('status') && after.status === 'left' ? 'mark_left' : 'update';
        await recordAudit(trx, ctx, { entityType: 'person', entityId: id, action, before: diff.before, after: diff.after });
      });
    } catch (err) {
      throw uniqueRefusal(err);
    }
  }
  const row = await findPerson(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return presentPerson(row);
}
