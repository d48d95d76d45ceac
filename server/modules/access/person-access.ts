import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { readableSystemRefs } from '../systems/index.ts';
import { readablePerson } from './access.ts';
import { grantsOfPerson } from './lists-repository.ts';
import { presentGrantFields } from './present.ts';
import type { PersonAccessView } from './schemas.ts';

/**
 * A person's grants in every system, current and ended, most recently started first (GET /api/people/{id}/access).
 * The person must be readable by the caller (people's rule; 404 otherwise). A grant on a system the caller may
 * not read is left out, and the answer says how many were (docs/ACCESS.md): the number, never the systems.
 */
export async function personAccess(ctx: Ctx, auth: Auth, personId: string): Promise<PersonAccessView> {
  const person = await readablePerson(ctx, auth, personId);
  const rows = await grantsOfPerson(ctx.db, personId);
  const systems = await readableSystemRefs(ctx, auth, rows.map((r) => r.system_id));
  const items: PersonAccessView['items'] = [];
  for (const r of rows) {
    const system = systems.get(r.system_id);
    if (system) items.push({ ...presentGrantFields(r), system });
  }
  return { person: { id: person.id, name: person.name }, items, hiddenCount: rows.length - items.length };
}
