/**
 * What other modules may use of the policy module: the pack in force, its role catalogue, and the
 * engine (pure: pack + facts → responsibilities and findings).
 */
// The schemas first: they import no other module, and modules met through an import cycle (policy → roles →
// systems) build their own schemas from them while this face is still loading.
export { subjectResponsibilities as subjectResponsibilitiesSchema, findingSchema, responsibility as responsibilitySchema } from './schemas.ts';
export { getActivePack, type ActivePack } from './active-pack.ts';
export { getRoleCatalogue, type RoleDefinition } from './catalogue.ts';
export { computeOrganisationResponsibilities, organisationFacts, systemsResponsibilities } from './responsibilities.ts';
export { evaluateOrganisation, evaluateSystem } from '../../policy/engine.ts';
export type * from '../../policy/facts.ts';
