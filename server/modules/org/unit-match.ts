import { fold } from '../../platform/text.ts';

/**
 * Finding an org unit by what a spreadsheet calls it: its name, its code or its external id. Both
 * imports (the HR import of people and the register import of systems) use this, so a unit is found
 * the same way everywhere. Pure: no I/O.
 */

/**
 * A unit's name, code or external id as a key: folded as the rest of Ansvar folds text (`fold`, sv-SE,
 * å/ä/ö included), without spaces and punctuation, so "Social-förvaltningen", "socialförvaltningen" and
 * "SOCIALFÖRVALTNINGEN" are one key. Never the search text (name plus code): "Socialförvaltningen" must
 * find the unit whose code is SOF.
 */
export const unitKey = (s: string): string => fold(s.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, '');

export interface MatchableUnit {
  id: string;
  name: string;
  code: string | null;
  external_id: string | null;
}

export type UnitKeyKind = 'name' | 'code' | 'externalId';

/** One unit, several (never guessed between), or none. */
export type UnitLookup<U> = { found: U } | { ambiguous: true } | null;

/**
 * Indexes the units once (O(units)); the returned function looks a text up in the kinds asked for, in
 * that order: the first kind with any hit decides, and two units with that key are ambiguous.
 */
export function unitLookup<U extends MatchableUnit>(units: readonly U[]): (text: string, kinds: readonly UnitKeyKind[]) => UnitLookup<U> {
  const maps: Record<UnitKeyKind, Map<string, U[]>> = { name: new Map(), code: new Map(), externalId: new Map() };
  const add = (map: Map<string, U[]>, value: string | null, u: U) => {
    if (!value) return;
    const k = unitKey(value);
    if (!k) return;
    const list = map.get(k);
    if (list) list.push(u);
    else map.set(k, [u]);
  };
  for (const u of units) {
    add(maps.name, u.name, u);
    add(maps.code, u.code, u);
    add(maps.externalId, u.external_id, u);
  }
  return (text, kinds) => {
    const k = unitKey(text);
    if (!k) return null;
    for (const kind of kinds) {
      const hits = maps[kind].get(k);
      if (hits?.length === 1) return { found: hits[0]! };
      if (hits && hits.length > 1) return { ambiguous: true };
    }
    return null;
  };
}
