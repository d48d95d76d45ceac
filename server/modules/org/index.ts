/**
 * What other modules may use of the org module (the organisation tree): units by id, the way up to the
 * kommun, the lock and the permission check every change of the tree takes, creating a unit (the demo
 * data), adding units in bulk (the register import, after lockOrgTree), and finding a unit by what a
 * spreadsheet calls it (both imports), and the kommun at the start: whether there is one (every import and
 * form that needs it asks first) and creating it with its kommunstyrelse (setup, the start page). Its routes
 * are registered by server/app.ts from routes.ts.
 */
export { ancestorsOf, findUnit, insertUnitsBelow, rootOf, type AncestorRow, type UnitRow } from './repository.ts';
export { assertManage, lockOrgTree } from './unit-rules.ts';
export { createOrgUnit } from './create-unit.ts';
export { assertKommunExists, createKommun, kommunExists, KOMMUNSTYRELSE_NAME } from './kommun.ts';
export { unitKey, unitLookup, type MatchableUnit, type UnitKeyKind, type UnitLookup } from './unit-match.ts';
