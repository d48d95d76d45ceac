/**
 * What other modules may use of role assignments: the lock every change of assignments takes, when an
 * assignment is current (in SQL and in memory), and giving a role (the demo data). Its routes are
 * registered by server/app.ts from routes.ts.
 */
export { lockRoles } from './rules.ts';
export { createRoleAssignment, type NewAssignment } from './create-assignment.ts';
export { currentOn, isCurrent } from './current.ts';
