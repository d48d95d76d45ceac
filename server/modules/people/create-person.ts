import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertKommunExists } from '../org/index.ts';
import { assertCanOnUnit } from './access.ts';
import { assertManagerAllowed, assertUnique, assertUnitUsable, uniqueRefusal } from './person-rules.ts';
import { factsOf, nameSearch, presentPerson, type Person } from './present.ts';
import { findPerson, insertPerson } from './repository.ts';
import { sortKey } from '../../platform/text.ts';

export interface NewPerson {
  name: string;
  email?: string | null | undefined;
  title?: string | null | undefined;
  homeUnitId: string;
  managerId?: string | null | undefined;
  externalId?: string | null | undefined;
}

/** Adds a person to a unit the caller may manage (org:manage on the unit or above it). */
export async function createPerson(ctx: Ctx, grants: readonly Grant[], input: NewPerson): Promise<Person> {
  await assertKommunExists(ctx.db);
  await assertUnitUsable(ctx.db, input.homeUnitId);
  await assertCanOnUnit(ctx.db, grants, 'org:manage', input.homeUnitId);
  const id = uuidv7(ctx.now().getTime());
  const at = ctx.now().toISOString();
  const row = {
    id,
    name: input.name,
    name_search: nameSearch(input.name),
    name_sort: sortKey(input.name),
    email: input.email ?? null,
    title: input.title ?? null,
    home_unit_id: input.homeUnitId,
    manager_id: input.managerId ?? null,
    status: 'active' as const,
    left_at: null,
    external_id: input.externalId ?? null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  try {
    await inTransaction(ctx, async (trx) => {
      await assertUnique(trx, { email: row.email, externalId: row.external_id });
      if (row.manager_id) await assertManagerAllowed(trx, null, row.manager_id);
      await insertPerson(trx, row);
      await recordAudit(trx, ctx, { entityType: 'person', entityId: id, action: 'create', after: factsOf(row) });
    });
  } catch (err) {
    throw uniqueRefusal(err);
  }
  const created = await findPerson(ctx.db, id);
  if (!created) throw new AppError('internal');
  return presentPerson(created);
}
