/**
 * What other modules may use of role assignments: the lock every change of assignments takes, giving a
 * role (the demo data), and the register import's bulk writes (in the caller's transaction, after
 * lockRoles), and moving a person's open assignments to a unit or supplier (the repair of people that
 * are organisations). When an assignment is current is platform/db/validity.ts. Its routes are registered by
 * server/app.ts from routes.ts.
 */
export { lockRoles } from './rules.ts';
export { createRoleAssignment, type NewAssignment } from './create-assignment.ts';
export { endAssignments, insertAssignments, type AssignmentRow } from './repository.ts';
export { movePersonAssignments, type MovedAssignment, type MoveTarget } from './move-assignments.ts';
