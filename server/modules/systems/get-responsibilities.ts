import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { SystemFact } from '../../policy/facts.ts';
import { systemsResponsibilities } from '../policy/index.ts';
import { readableSystem, type Caller } from './access.ts';
import { todayOf } from '../../platform/dates.ts';
import { insideNetwork, type Hosting } from './model.ts';
import type { SystemRow } from './repository.ts';

/** The facts the policy engine reasons over, from a system's record. */
export const systemFactOf = (r: Pick<SystemRow, 'id' | 'name' | 'owning_unit_id' | 'hosting' | 'kommungemensamt' | 'samhallsviktig'>): SystemFact => ({
  id: r.id,
  name: r.name,
  owningUnitId: r.owning_unit_id,
  insideNetwork: insideNetwork(r.hosting as Hosting | null),
  kommungemensamt: r.kommungemensamt === 1,
  samhallsviktig: r.samhallsviktig === null ? null : r.samhallsviktig === 1,
});

/** For each of the policy's areas, who is responsible for this system and in what capacity, with the rule that decided it. */
export async function getSystemResponsibilities(ctx: Ctx, auth: Caller, id: string) {
  const readable = await readableSystem(ctx.db, auth, id, todayOf(ctx));
  if (!readable) throw new AppError('not_found');
  const { pack, document, results } = await systemsResponsibilities(ctx, [systemFactOf(readable.row)]);
  return { pack: { ...pack, title: document.title }, ...results[0]! };
}
