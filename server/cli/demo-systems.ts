import { createRoleAssignment } from '../modules/roles/index.ts';
import type { Grant } from '../platform/access/permissions.ts';
import type { Ctx } from '../platform/context.ts';
import { addDependency, changeLifecycle, createSystem, getSystem, type Caller } from '../modules/systems/index.ts';
import { createDemoAgreements, SUPPLIER_OPERATED } from './demo-agreements.ts';

/**
 * The demo kommun's system register: ~20 fictional systems shaped like a real systemförteckning, with
 * owners, förvaltare and hosting. Deliberate gaps: a SaaS system with sensitive personal data has no
 * agreement or personuppgiftsbiträdesavtal, one system has no systemförvaltare and stays planned, one
 * transfers data to a third country without a stated basis, and one depends on an avvecklat system.
 */
interface DemoSystem {
  key: string;
  name: string;
  aliases?: string[];
  kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
  owner: string; // unit key
  using?: string[];
  kommungemensamt?: boolean;
  hosting: 'internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body';
  criticality: 'low' | 'medium' | 'high';
  samhallsviktig?: boolean;
  personalData: 'none' | 'personal' | 'sensitive';
  thirdCountry?: boolean;
  userCount: number;
  /** Unit key of the systemförvaltare's home unit; null leaves the role vacant (a gap). */
  forvaltare: string | null;
  lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
  dependsOn?: string[];
}

export const DEMO_SYSTEMS: DemoSystem[] = [
  { key: 'm365', name: 'Microsoft 365', aliases: ['M365', 'Office'], kind: 'infrastructure', owner: 'klf', kommungemensamt: true, hosting: 'cloud_tenant', criticality: 'high', personalData: 'personal', userCount: 1800, forvaltare: 'it', lifecycle: 'in_operation' },
  { key: 'ad', name: 'Active Directory', aliases: ['AD'], kind: 'infrastructure', owner: 'klf', kommungemensamt: true, hosting: 'internal_it', criticality: 'high', samhallsviktig: true, personalData: 'personal', userCount: 1900, forvaltare: 'it', lifecycle: 'in_operation' },
  { key: 'diarium', name: 'Diariet', aliases: ['Ärendehanteringssystemet'], kind: 'business', owner: 'klf', using: ['sbf', 'sof'], hosting: 'internal_it', criticality: 'medium', personalData: 'personal', userCount: 120, forvaltare: 'kansli', lifecycle: 'in_operation', dependsOn: ['ad'] },
  { key: 'ekonomi', name: 'Ekonomisystemet', kind: 'business', owner: 'klf', kommungemensamt: true, hosting: 'internal_supplier', criticality: 'high', personalData: 'personal', userCount: 300, forvaltare: 'klf', lifecycle: 'in_operation', dependsOn: ['ad'] },
  { key: 'ekonomi_gammal', name: 'Gamla ekonomisystemet', kind: 'business', owner: 'klf', hosting: 'internal_it', criticality: 'low', personalData: 'personal', userCount: 0, forvaltare: 'klf', lifecycle: 'retired' },
  { key: 'rapport', name: 'Rapportverktyget', kind: 'program', owner: 'klf', hosting: 'internal_it', criticality: 'low', personalData: 'none', userCount: 25, forvaltare: 'klf', lifecycle: 'in_operation', dependsOn: ['ekonomi_gammal'] },
  { key: 'lon', name: 'Lönesystemet', kind: 'business', owner: 'klf', kommungemensamt: true, hosting: 'supplier_hosted', criticality: 'high', samhallsviktig: true, personalData: 'sensitive', userCount: 60, forvaltare: 'klf', lifecycle: 'in_operation' },
  { key: 'verksamhet_vo', name: 'Verksamhetssystem Vård och omsorg', aliases: ['VoO'], kind: 'business', owner: 'sof', hosting: 'internal_it', criticality: 'high', samhallsviktig: true, personalData: 'sensitive', userCount: 450, forvaltare: 'aldre', lifecycle: 'in_operation', dependsOn: ['ad'] },
  { key: 'ifo_system', name: 'IFO-systemet', kind: 'business', owner: 'sof', hosting: 'internal_it', criticality: 'high', personalData: 'sensitive', userCount: 80, forvaltare: 'ifo', lifecycle: 'in_operation', dependsOn: ['ad'] },
  { key: 'larm', name: 'Trygghetslarm', kind: 'business', owner: 'sof', hosting: 'saas', criticality: 'high', samhallsviktig: true, personalData: 'sensitive', userCount: 40, forvaltare: 'aldre', lifecycle: 'implementing' },
  { key: 'planering', name: 'Planeringsverktyg hemtjänst', kind: 'program', owner: 'sof', hosting: 'saas', criticality: 'medium', personalData: 'personal', userCount: 90, forvaltare: null, lifecycle: 'planned' },
  { key: 'skolplattform', name: 'Skolplattformen', aliases: ['Lärplattform'], kind: 'business', owner: 'buf', hosting: 'saas', criticality: 'high', personalData: 'sensitive', userCount: 1400, forvaltare: 'grundskola', lifecycle: 'in_operation' },
  { key: 'forskoleapp', name: 'Förskoleappen', kind: 'e_service', owner: 'buf', hosting: 'saas', criticality: 'medium', personalData: 'personal', thirdCountry: true, userCount: 600, forvaltare: 'forskola', lifecycle: 'in_operation' },
  { key: 'elevregister', name: 'Elevregistret', kind: 'business', owner: 'buf', hosting: 'internal_supplier', criticality: 'medium', personalData: 'personal', userCount: 70, forvaltare: 'grundskola', lifecycle: 'in_operation', dependsOn: ['ad'] },
  { key: 'bygglov', name: 'Bygglovssystemet', kind: 'business', owner: 'sbf', hosting: 'internal_it', criticality: 'medium', personalData: 'personal', userCount: 30, forvaltare: 'bygglov', lifecycle: 'in_operation', dependsOn: ['diarium'] },
  { key: 'eservice', name: 'E-tjänsteplattformen', kind: 'e_service', owner: 'klf', kommungemensamt: true, hosting: 'saas', criticality: 'medium', personalData: 'personal', userCount: 50, forvaltare: 'it', lifecycle: 'in_operation' },
  { key: 'scada', name: 'Driftövervakning VA', aliases: ['SCADA'], kind: 'infrastructure', owner: 'sbf', hosting: 'internal_supplier', criticality: 'high', samhallsviktig: true, personalData: 'none', userCount: 12, forvaltare: 'va', lifecycle: 'in_operation' },
  { key: 'gis', name: 'Kartsystemet', aliases: ['GIS'], kind: 'business', owner: 'sbf', using: ['miljo'], hosting: 'internal_it', criticality: 'low', personalData: 'none', userCount: 40, forvaltare: 'bygglov', lifecycle: 'in_operation' },
  { key: 'miljotillsyn', name: 'Miljötillsynssystemet', kind: 'business', owner: 'miljo', hosting: 'supplier_hosted', criticality: 'medium', personalData: 'personal', userCount: 20, forvaltare: 'miljo', lifecycle: 'in_operation', dependsOn: ['gis'] },
  { key: 'bibliotek', name: 'Bibliotekssystemet', kind: 'business', owner: 'kff', hosting: 'saas', criticality: 'low', personalData: 'personal', userCount: 25, forvaltare: 'bibliotek', lifecycle: 'in_operation' },
  { key: 'bokning', name: 'Lokalbokning', kind: 'e_service', owner: 'kff', hosting: 'saas', criticality: 'low', personalData: 'personal', userCount: 15, forvaltare: 'kff', lifecycle: 'retiring' },
];

export interface DemoStaff {
  id: string;
  unitKey: string;
  index: number;
}


/**
 * Registers the demo systems through the same use cases as the API, with systemägare (the owning
 * förvaltning's chef), systemförvaltare and, for systems not run by the IT unit, a driftansvarig.
 */
export async function createDemoSystems(
  ctx: Ctx,
  grants: Grant[],
  unitIds: Map<string, string>,
  staff: DemoStaff[],
  chefOf: Map<string, string>,
): Promise<{ systems: number; assignments: number; agreements: number }> {
  // The demo acts with every right, as no user.
  const auth: Caller = { grants, session: { userId: null } };
  const ids = new Map<string, string>();
  let assignments = 0;
  const assign = async (roleKey: string, systemId: string, personId: string) => {
    await createRoleAssignment(ctx, grants, { roleKey, subjectKind: 'system', subjectId: systemId, personId });
    assignments += 1;
  };
  const inUnit = (unitKey: string, skip: number) => staff.filter((p) => p.unitKey === unitKey)[skip] ?? staff.find((p) => p.unitKey === unitKey);
  for (const d of DEMO_SYSTEMS) {
    const created = await createSystem(ctx, auth, {
      name: d.name,
      aliases: d.aliases ?? [],
      kind: d.kind,
      owningUnitId: unitIds.get(d.owner)!,
      usingUnitIds: (d.using ?? []).map((k) => unitIds.get(k)!),
      kommungemensamt: d.kommungemensamt ?? false,
      criticality: d.criticality,
      samhallsviktig: d.samhallsviktig ?? false,
      hosting: d.hosting,
      dataLocation: d.thirdCountry ? 'third_country' : 'sweden',
      thirdCountryTransfer: d.thirdCountry ?? false,
      personalData: d.personalData,
      authMethod: d.kind === 'e_service' ? 'eid' : 'sso',
      userCount: d.userCount,
      links: [],
      lifecycle: 'planned',
    });
    ids.set(d.key, created.id);
    // The owning förvaltning's chef; where it has none (a gap of its own), a colleague there.
    const owner = chefOf.get(d.owner) ?? inUnit(d.owner, 1)?.id;
    if (owner) await assign('systemagare', created.id, owner);
    const forvaltare = d.forvaltare ? inUnit(d.forvaltare, 1) : undefined;
    if (forvaltare) await assign('systemforvaltare', created.id, forvaltare.id);
    // Run elsewhere: the IT unit's driftansvarig, unless the supplier runs it (its agreement names it, demo-agreements.ts).
    if (d.hosting !== 'internal_it' && !SUPPLIER_OPERATED.has(d.key)) await assign('driftansvarig', created.id, inUnit('it', 2)!.id);
  }
  for (const d of DEMO_SYSTEMS) {
    for (const dep of d.dependsOn ?? []) await addDependency(ctx, auth, ids.get(d.key)!, { dependsOnId: ids.get(dep)! });
  }
  // Agreements before the lifecycle moves: a system goes i drift only with its driftansvarig.
  const { agreements } = await createDemoAgreements(ctx, grants, ids);
  const path: Record<DemoSystem['lifecycle'], DemoSystem['lifecycle'][]> = {
    planned: [],
    implementing: ['implementing'],
    in_operation: ['in_operation'],
    retiring: ['in_operation', 'retiring'],
    retired: ['retired'],
  };
  // Retire last, so dependencies on the avvecklat system could still be recorded.
  for (const d of [...DEMO_SYSTEMS].sort((a, b) => Number(a.lifecycle === 'retired') - Number(b.lifecycle === 'retired'))) {
    for (const step of path[d.lifecycle]) {
      const { version } = await getSystem(ctx, auth, ids.get(d.key)!);
      await changeLifecycle(ctx, auth, ids.get(d.key)!, { version, lifecycle: step });
    }
  }
  return { systems: DEMO_SYSTEMS.length, assignments: assignments + [...SUPPLIER_OPERATED].length, agreements };
}
