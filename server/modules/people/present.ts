import type { z } from 'zod';
import type { PersonRow } from './repository.ts';
import type { PersonStatus, personSchema } from './schemas.ts';

export type Person = z.infer<typeof personSchema>;

/** A person as the API shows it: every field listed, ids with names for the unit and the manager. */
export const presentPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  title: r.title,
  homeUnit: r.home_unit_id ? { id: r.home_unit_id, name: r.home_unit_name ?? '' } : null,
  manager: r.manager_id ? { id: r.manager_id, name: r.manager_name ?? '' } : null,
  status: r.status,
  externalId: r.external_id,
  leftAt: r.left_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The lower-cased name people are searched and sorted by (sv-SE, so Å/Ä/Ö fold like å/ä/ö). */
export { fold as nameSearch } from '../../platform/text.ts';

/** The facts of a person as the audit trail records them (before/after). */
export interface PersonFacts {
  name: string;
  email: string | null;
  title: string | null;
  homeUnitId: string | null;
  managerId: string | null;
  status: PersonStatus;
  externalId: string | null;
  leftAt: string | null;
}

export const factsOf = (r: {
  name: string;
  email: string | null;
  title: string | null;
  home_unit_id: string | null;
  manager_id: string | null;
  status: PersonStatus;
  external_id: string | null;
  left_at: string | null;
}): PersonFacts => ({
  name: r.name,
  email: r.email,
  title: r.title,
  homeUnitId: r.home_unit_id,
  managerId: r.manager_id,
  status: r.status,
  externalId: r.external_id,
  leftAt: r.left_at,
});

/** Only the facts that differ, as a before/after pair for the audit trail. */
export function diffFacts(before: PersonFacts, after: PersonFacts): { before: Partial<PersonFacts>; after: Partial<PersonFacts>; fields: Array<keyof PersonFacts> } {
  const fields = (Object.keys(after) as Array<keyof PersonFacts>).filter((k) => before[k] !== after[k]);
  const pick = (f: PersonFacts) => Object.fromEntries(fields.map((k) => [k, f[k]])) as Partial<PersonFacts>;
  return { before: pick(before), after: pick(after), fields };
}
