import type { ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { runReused } from '../../platform/db/reused.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** The caller as a person: who an account is, and which roles that person holds on a system (access rules). */

type Q = Db | Tx;

/**
 * The person an account belongs to: the one it is linked to, or else the active person with the account's e-mail
 * address (the HR import brings people's addresses, unique among people), so a systemförvaltare invited with their
 * work address holds their roles in Ansvar from the first sign-in. One statement: it runs on most signed-in pages.
 */
export async function personOfUser(db: Q, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await runReused(
    db,
    'person-of-user',
    (slot) =>
      db
        .selectFrom('users as u')
        .select((eb) => accountPerson(eb).as('person_id'))
        .where('u.id', '=', slot.text('id')),
    { id: userId },
  );
  return row?.person_id ?? null;
}

/** The person of the account `users as u` in a query, as an expression (the rule of personOfUser). */
export const accountPerson = (eb: ExpressionBuilder<Database & { u: Database['users'] }, 'u'>) =>
  eb.fn.coalesce(
    eb.ref('u.person_id'),
    eb.selectFrom('people as p').select('p.id').whereRef('p.email', '=', 'u.email').where('p.status', '=', 'active').limit(1),
  );

/** Role keys the person holds on the system today. */
export async function rolesHeldOn(db: Q, systemId: string, personId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select('role_key')
    .where('subject_kind', '=', 'system')
    .where('subject_id', '=', systemId)
    .where('principal_kind', '=', 'person')
    .where('principal_id', '=', personId)
    .where(currentOn(today))
    .execute();
  return rows.map((r) => r.role_key);
}
