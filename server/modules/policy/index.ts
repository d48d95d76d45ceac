/**
 * What other modules may use of the policy module: the pack in force, its role catalogue, and the
 * engine (pure: pack + facts → responsibilities and findings).
 */
export { getActivePack, type ActivePack } from './active-pack.ts';
export { getRoleCatalogue, type RoleDefinition } from './catalogue.ts';
export { computeOrganisationResponsibilities, organisationFacts, systemsResponsibilities } from './responsibilities.ts';
export { subjectResponsibilities as subjectResponsibilitiesSchema, findingSchema, responsibility as responsibilitySchema } from './schemas.ts';
export { evaluateOrganisation, evaluateSystem } from '../../policy/engine.ts';
export type * from '../../policy/facts.ts';
