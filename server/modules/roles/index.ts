/**
 * What other modules may use of role assignments: their routes, the lock every change of assignments
 * takes, when an assignment is current (in SQL and in memory), and giving a role (the demo data).
 */
export { lockRoles } from './rules.ts';
export { createRoleAssignment, type NewAssignment } from './create-assignment.ts';
export { currentOn, isCurrent } from './current.ts';
