import type { Locale } from '../../../../shared/roles.ts';
import type { Columns, RowValues } from './columns.ts';
import type { RowProblem, UnitRef } from './plan-types.ts';

export type UnitMatch = { id: string | null; column: string; value: string } | { problem: RowProblem };

const lower = (s: string) => s.toLocaleLowerCase('sv-SE');

function index(units: UnitRef[], keyOf: (u: UnitRef) => string | null): Map<string, UnitRef[]> {
  const map = new Map<string, UnitRef[]>();
  for (const u of units) {
    const k = keyOf(u);
    if (k) map.set(lower(k), [...(map.get(lower(k)) ?? []), u]);
  }
  return map;
}

/**
 * Finds a row's unit. The unit code column (enhetskod) is matched against codes and external ids; the
 * unit column (enhet) against external ids, codes and then names, ignoring case. A value that matches
 * several units is an error that asks for the code, never a guess.
 */
export function unitResolver(units: UnitRef[], cols: Columns, locale: Locale): (v: RowValues) => UnitMatch {
  const byExternal = index(units, (u) => u.external_id);
  const byCode = index(units, (u) => u.code);
  const byName = index(units, (u) => u.name_search);
  const missingColumn = cols.unit?.label ?? cols.unitCode?.label ?? (locale === 'sv' ? 'Enhet' : 'Unit');

  const pick = (value: string, column: string, maps: Array<Map<string, UnitRef[]>>): UnitMatch => {
    for (const map of maps) {
      const hits = map.get(lower(value));
      if (!hits?.length) continue;
      if (hits.length > 1) return { problem: { column, key: 'people.import.ambiguous_unit', params: { value } } };
      return { id: hits[0]!.id, column, value };
    }
    return { problem: { column, key: 'people.import.unknown_unit', params: { value } } };
  };

  return (v) => {
    if (v.unitCode) return pick(v.unitCode, cols.unitCode!.label, [byExternal, byCode]);
    if (v.unit) return pick(v.unit, cols.unit!.label, [byExternal, byCode, byName]);
    return { id: null, column: missingColumn, value: '' };
  };
}
