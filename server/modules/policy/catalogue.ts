import type { Services } from '../../platform/context.ts';

/**
 * The role catalogue of the active policy pack. Contract used by role assignments (modules/org):
 * keep this signature. STUB until the policy pack lands: the seed policy's roles, hard-coded.
 */
export interface RoleDefinition {
  key: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  /** organisation = held for a whole kommun (assigned on its root unit); unit = on an org unit; system = on a system. */
  subjectKinds: Array<'organisation' | 'unit' | 'system'>;
  minHolders: number;
  maxHolders: number | null;
}

const role = (key: string, sv: string, en: string, subjectKinds: RoleDefinition['subjectKinds'], minHolders: number, maxHolders: number | null): RoleDefinition => ({
  key,
  name: { sv, en },
  description: { sv, en },
  subjectKinds,
  minHolders,
  maxHolders,
});

const SEED_ROLES: RoleDefinition[] = [
  role('it_chef', 'IT-chef (IT-infrastrukturägare)', 'Head of IT (infrastructure owner)', ['organisation'], 1, 1),
  role('driftansvarig', 'Driftansvarig (IT-driftsledare)', 'Operations lead', ['organisation', 'system'], 1, null),
  role('digitaliseringsstrateg', 'Digitaliseringsstrateg', 'Digitalisation strategist', ['organisation'], 1, null),
  role('chef', 'Chef', 'Manager', ['unit'], 1, 1),
  role('systemagare', 'Systemägare', 'System owner', ['system'], 1, 1),
  role('systemforvaltare', 'Systemförvaltare', 'System administrator', ['system'], 1, null),
];

export async function getRoleCatalogue(_services: Services): Promise<RoleDefinition[]> {
  return SEED_ROLES;
}
