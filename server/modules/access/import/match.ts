import type { MatchedBy, PersonRef } from './plan-types.ts';

/**
 * Finding an account's person (docs/ACCESS.md): by employee id (people.external_id), else by e-mail, else by a user
 * name equal to a person's e-mail or the part before its @. Never by name. A local part two people share matches
 * no one: a guess is no match. The index is built once from every person (one query), then each account is a
 * few map lookups.
 */
export interface PersonIndex {
  match(a: { employeeId: string | null; email: string | null; usernameKey: string }): { personId: string; by: MatchedBy } | null;
  nameOf(id: string): string | null;
}

const AMBIGUOUS = '';

export function personIndex(people: readonly PersonRef[]): PersonIndex {
  const byExternalId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const byLocal = new Map<string, string>();
  const names = new Map<string, string>();
  for (const p of people) {
    names.set(p.id, p.name);
    if (p.external_id) byExternalId.set(p.external_id.trim(), p.id);
    if (!p.email) continue;
    const email = p.email.toLowerCase();
    byEmail.set(email, p.id);
    const at = email.lastIndexOf('@');
    if (at <= 0) continue;
    const local = email.slice(0, at);
    const seen = byLocal.get(local);
    byLocal.set(local, seen === undefined || seen === p.id ? p.id : AMBIGUOUS);
  }
  return {
    match({ employeeId, email, usernameKey }) {
      const byId = employeeId ? byExternalId.get(employeeId) : undefined;
      if (byId) return { personId: byId, by: 'employeeId' };
      const byMail = email ? byEmail.get(email) : undefined;
      if (byMail) return { personId: byMail, by: 'email' };
      const byName = usernameKey.includes('@') ? byEmail.get(usernameKey) : byLocal.get(usernameKey);
      if (byName) return { personId: byName, by: 'username' };
      return null;
    },
    nameOf: (id) => names.get(id) ?? null,
  };
}
