/**
 * What other modules may use of role assignments: their routes, the lock every change of assignments
 * takes, and giving a role (the demo data).
 */
export { roleAssignmentRoutes } from './routes.ts';
export { lockRoles } from './rules.ts';
export { createRoleAssignment, type NewAssignment } from './create-assignment.ts';
