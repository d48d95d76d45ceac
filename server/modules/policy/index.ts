/**
 * What other modules may use of the policy module: the pack in force, its role catalogue, and the
 * engine (pure: pack + facts → responsibilities and findings).
 */
// The schemas first: they import no other module, so a module that builds its schemas from them finds them
// even if it is reached while this face is still loading.
export { subjectResponsibilities as subjectResponsibilitiesSchema, findingSchema, responsibility as responsibilitySchema } from './schemas.ts';
export { getActivePack, type ActivePack } from './active-pack.ts';
export { getRoleCatalogue, type RoleDefinition } from './catalogue.ts';
export { computeOrganisationResponsibilities, organisationFacts, systemsResponsibilities } from './responsibilities.ts';
export { evaluateOrganisation, evaluateSystem } from '../../policy/engine.ts';
export type * from '../../policy/facts.ts';
export { uploadPack } from './upload-pack.ts';
