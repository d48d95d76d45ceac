/**
 * What other modules may use of role assignments: the lock every change of assignments takes, when an
 * assignment is current (in SQL and in memory), giving a role (the demo data), and the register import's
 * bulk writes (in the caller's transaction, after lockRoles). Its routes are registered by server/app.ts
 * from routes.ts.
 */
export { lockRoles } from './rules.ts';
export { createRoleAssignment, type NewAssignment } from './create-assignment.ts';
export { currentOn, isCurrent } from './current.ts';
export { endAssignments, insertAssignments, type AssignmentRow } from './repository.ts';
