/**
 * Access to a system (docs/ACCESS.md): its access roles, accounts and grants, a person's access everywhere, and the
 * import of the system's own user list. Orders and reviews start and end grants through this face, and may ask
 * who administers a system's access (readSystemAccess, then mayAdministerAccess).
 */
export { startGrant, endGrant, ensureAccount, accessRoleOf, type StartGrant } from './grant-changes.ts';
export type { GrantRow } from './grants-repository.ts';
export { readAccess as readSystemAccess, mayAdminister as mayAdministerAccess, type SystemAccess } from './access.ts';
export { afterFullImport, type AfterFullImport } from './import/after-import.ts';
