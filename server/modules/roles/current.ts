import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * When a role assignment is current: started on or before `today` and not ended by it
 * (valid_from ≤ today < valid_to, an open valid_to never ends). The one definition, in SQL and in memory.
 */

/** The condition on the role_assignments row named `alias` (a table alias, or the table itself). */
export function currentOn(today: string, alias = 'role_assignments'): Expression<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`(${from} <= ${today} and (${to} is null or ${to} > ${today}))`;
}

export const isCurrent = (a: { valid_from: string; valid_to: string | null }, today: string): boolean =>
  a.valid_from <= today && (a.valid_to === null || a.valid_to > today);
