import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * When a row with a validity period (valid_from, valid_to: Swedish days) is current: started on or before
 * `today` and not ended by it (valid_from ≤ today < valid_to, an open valid_to never ends). The one
 * definition, in SQL and in memory — first of role assignments (a current holder), and of every period to
 * come. It lives in platform, below the modules, because the register, people, the policy's facts and the
 * imports all read current role holders; were it in the roles module, each of them would import roles'
 * face and roles (which needs systems, people and the policy) would stand in a circle with them.
 */

/** The condition on the row named `alias` (a table alias, or the table itself). */
export function currentOn(today: string, alias = 'role_assignments'): Expression<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`(${from} <= ${today} and (${to} is null or ${to} > ${today}))`;
}

export const isCurrent = (a: { valid_from: string; valid_to: string | null }, today: string): boolean =>
  a.valid_from <= today && (a.valid_to === null || a.valid_to > today);
