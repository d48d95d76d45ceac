/**
 * What other modules may use of the org module: the org tree's routes, its lock and rules for changing
 * it, units by id, and finding a unit by what a spreadsheet calls it.
 */
export { ancestorsOf, findUnit, rootOf, type UnitRow } from './repository.ts';
export { assertManage, lockOrgTree } from './unit-rules.ts';
