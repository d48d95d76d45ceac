import type { Locale } from '../../../../shared/roles.ts';
import { unitLookup, type UnitKeyKind } from '../../org/index.ts';
import type { Columns, RowValues } from './columns.ts';
import type { RowProblem, UnitRef } from './plan-types.ts';

/** A row's unit: found (or none given), or the problem with the unit the row names (unknown or ambiguous). */
export type UnitMatch = { id: string | null; column: string; value: string } | { problem: RowProblem };

const BY_CODE: readonly UnitKeyKind[] = ['externalId', 'code'];
const BY_ANY: readonly UnitKeyKind[] = ['externalId', 'code', 'name'];

/**
 * Finds a row's unit, as the register import does (`org/unit-match.ts`): without case, spaces and
 * punctuation, never by the search text. The unit code column (enhetskod) is matched against external
 * ids and codes; the unit column (enhet) against external ids, codes and then names. A value that
 * matches several units is an error that asks for the code, never a guess.
 */
export function unitResolver(units: UnitRef[], cols: Columns, locale: Locale): (v: RowValues) => UnitMatch {
  const find = unitLookup(units);
  const missingColumn = cols.unit?.label ?? cols.unitCode?.label ?? (locale === 'sv' ? 'Enhet' : 'Unit');

  const pick = (value: string, column: string, kinds: readonly UnitKeyKind[]): UnitMatch => {
    const hit = find(value, kinds);
    if (hit && 'found' in hit) return { id: hit.found.id, column, value };
    const key = hit ? 'people.import.ambiguous_unit' : 'people.import.unknown_unit';
    return { problem: { column, key, params: { value } } };
  };

  return (v) => {
    if (v.unitCode) return pick(v.unitCode, cols.unitCode!.label, BY_CODE);
    if (v.unit) return pick(v.unit, cols.unit!.label, BY_ANY);
    return { id: null, column: missingColumn, value: '' };
  };
}
