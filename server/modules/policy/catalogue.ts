import type { HolderKind } from '../../../shared/policy.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Services } from '../../platform/context.ts';
import type { RoleSpec } from '../../policy/schema.ts';
import { getActivePack } from './active-pack.ts';

/**
 * The role catalogue of the active policy pack. Contract used by role assignments (modules/org):
 * keep this signature.
 */
export interface RoleDefinition {
  key: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  /** organisation = held for a whole kommun (assigned on its root unit); unit = on an org unit; system = on a system. */
  subjectKinds: Array<'organisation' | 'unit' | 'system'>;
  minHolders: number;
  maxHolders: number | null;
  /** Who may hold it: a person, an org unit, a supplier (the pack says; default only a person). */
  holderKinds: HolderKind[];
}

const definitionOf = (r: RoleSpec): RoleDefinition => ({
  key: r.key,
  name: { sv: r.name.sv, en: r.name.en ?? r.name.sv },
  description: { sv: r.description.sv, en: r.description.en ?? r.description.sv },
  subjectKinds: [...r.subjectKinds],
  minHolders: r.minHolders,
  maxHolders: r.maxHolders,
  holderKinds: [...r.holderKinds],
});

export async function getRoleCatalogue(services: Services): Promise<RoleDefinition[]> {
  const { pack } = await getActivePack(services);
  return pack.roles.map(definitionOf);
}

/** GET /api/roles: the catalogue with names in the caller's language. */
export async function localisedRoles(services: Services, locale: Locale) {
  const roles = await getRoleCatalogue(services);
  return {
    items: roles.map((r) => ({
      key: r.key,
      name: r.name[locale],
      description: r.description[locale],
      subjectKinds: r.subjectKinds,
      minHolders: r.minHolders,
      maxHolders: r.maxHolders,
      holderKinds: r.holderKinds,
    })),
  };
}
