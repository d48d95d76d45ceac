import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertKommunExists } from '../org/index.ts';
import { canCreateFor, type Caller } from './access.ts';
import { sortKey } from '../../platform/text.ts';
import { formatRegisterNo, searchTextOf } from './model.ts';
import { columnsOf } from './present.ts';
import { insertSystem, nextRegisterNo, replaceUsingUnits } from './repository.ts';
import type { CreateSystemInput, SystemFactsInput } from './schemas.ts';
import { getSystem } from './get-system.ts';
import { assertUnits, lockSystems } from './system-rules.ts';
import type { SystemView } from './present.ts';

/** Registers a system for a unit the caller may write systems for; it gets the next register number. */
export async function createSystem(ctx: Ctx, auth: Caller, input: CreateSystemInput): Promise<SystemView> {
  await assertKommunExists(ctx.db);
  if (!(await canCreateFor(ctx.db, auth.grants, input.owningUnitId))) {
    // An unknown unit is a field error, not a permission question.
    await assertUnits(ctx.db, input.owningUnitId, []);
    throw new AppError('forbidden');
  }
  const facts: SystemFactsInput = {
    name: input.name,
    aliases: input.aliases,
    kind: input.kind,
    description: input.description ?? null,
    purpose: input.purpose ?? null,
    owningUnitId: input.owningUnitId,
    usingUnitIds: [...new Set(input.usingUnitIds)].filter((u) => u !== input.owningUnitId),
    kommungemensamt: input.kommungemensamt,
    criticality: input.criticality ?? null,
    samhallsviktig: input.samhallsviktig ?? null,
    hosting: input.hosting ?? null,
    dataLocation: input.dataLocation ?? null,
    thirdCountryTransfer: input.thirdCountryTransfer ?? null,
    thirdCountryBasis: input.thirdCountryBasis ?? null,
    personalData: input.personalData ?? null,
    authMethod: input.authMethod ?? null,
    userCount: input.userCount ?? null,
    links: input.links,
    note: input.note ?? null,
  };
  const id = uuidv7();
  await inTransaction(ctx, async (trx) => {
    await lockSystems(trx, ctx);
    await assertUnits(trx, facts.owningUnitId, facts.usingUnitIds);
    const registerNo = await nextRegisterNo(trx);
    const now = ctx.now().toISOString();
    await insertSystem(trx, {
      id,
      register_no: registerNo,
      ...columnsOf(facts),
      name_sort: sortKey(facts.name),
      search_text: searchTextOf(facts.name, facts.aliases, registerNo),
      lifecycle: input.lifecycle,
      confirmed_at: null,
      confirmed_by: null,
      retired_at: null,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
      updated_at: now,
      version: 1,
    });
    await replaceUsingUnits(trx, id, facts.usingUnitIds);
    await recordAudit(trx, ctx, {
      entityType: 'system',
      entityId: id,
      action: 'create',
      after: { registerNo: formatRegisterNo(registerNo), lifecycle: input.lifecycle, ...facts },
    });
  });
  return getSystem(ctx, auth, id);
}
