import { unitKey, unitLookup } from '../org/index.ts';
import type { ExistingSystem, PersonRef, UnitRef } from './plan-types.ts';
import { memo } from './values.ts';

/**
 * Matching what a row names to what Ansvar knows: units (förvaltningar), people and systems. Names are
 * compared without case and runs of spaces (units also without punctuation: "Social-förvaltningen").
 * Something that matches several is ambiguous and never guessed. Pure: no I/O.
 */

/**
 * A name as a key: lower case, runs of spaces as one. Swedish has no special case mappings, so
 * toLowerCase() folds as the register's sv-SE fold() does (å/ä/ö included), many times faster.
 */
export const nameKey = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function index<T>(items: readonly T[], keysOf: (t: T) => Array<string | null>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const k of new Set(keysOf(item))) {
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
  }
  return map;
}

export type UnitMatch = { found: UnitRef } | { ambiguous: true } | { unknown: { key: string; name: string } };

const MIN_PREFIX = 6;

/**
 * Finds a unit by name, then code, then external id (`org/unit-match.ts`, as the HR import does); last by
 * the start of its name, as in a sheet name Excel cut at 31 characters ("Samhällsbyggnadsförvaltningen i")
 * or an abbreviation ("Socialförv.").
 */
export function unitMatcher(units: readonly UnitRef[]): (text: string) => UnitMatch {
  const exact = unitLookup(units);
  const names = units.map((u) => ({ u, key: unitKey(u.name) }));
  return memo((text) => {
    const hit = exact(text, ['name', 'code', 'externalId']);
    if (hit) return hit;
    const key = unitKey(text);
    if (key.length >= MIN_PREFIX) {
      const hits = names.filter((n) => n.key.startsWith(key));
      if (hits.length === 1) return { found: hits[0]!.u };
      if (hits.length > 1) return { ambiguous: true };
    }
    return { unknown: { key, name: text.trim() } };
  });
}

export type PersonMatch =
  | { found: PersonRef }
  | { ambiguous: true }
  | { unknown: { key: string; name: string; email: string | null } };

const EMAIL = /[^\s<>()[\],;]+@[^\s<>()[\],;]+\.[a-z]{2,}/i;

/** "anna.karin.berg@kommun.se" → "Anna Karin Berg" (the name of a person known only by e-mail). */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toLocaleUpperCase('sv-SE') + p.slice(1))
    .join(' ');
}

/**
 * Finds a person by e-mail (anywhere in the cell, as in "Anna Berg <anna.berg@kommun.se>"), else by
 * name, also written "Berg, Anna"; words in parentheses ("Anna Berg (IT)") are left out.
 */
export function personMatcher(people: readonly PersonRef[]): (text: string) => PersonMatch {
  const byEmail = index(people, (p) => [p.email ? p.email.toLowerCase() : null]);
  const byName = index(people, (p) => [nameKey(p.name_search)]);
  const one = (hits: PersonRef[] | undefined): PersonMatch | null =>
    !hits?.length ? null : hits.length > 1 ? { ambiguous: true } : { found: hits[0]! };
  return memo((text) => {
    const email = EMAIL.exec(text)?.[0]?.toLowerCase() ?? null;
    const bare = text.replace(EMAIL, '').replace(/[<>]/g, '');
    const name = (/\(.*@.*\)/.test(text) ? bare.replace(/[()]/g, '') : bare.replace(/\([^)]*\)/g, '')).replace(/\s+/g, ' ').trim();
    if (email) {
      const hit = one(byEmail.get(email));
      if (hit) return hit;
    }
    if (name) {
      const hit = one(byName.get(nameKey(name)));
      if (hit) return hit;
      const m = /^([^,]+),\s*(.+)$/.exec(name);
      const swapped = m ? one(byName.get(nameKey(`${m[2]} ${m[1]}`))) : null;
      if (swapped) return swapped;
    }
    const shown = (name.includes(',') ? name.replace(/^([^,]+),\s*(.+)$/, '$2 $1') : name) || (email ? nameFromEmail(email) : text.trim());
    return { unknown: { key: email ?? `name:${nameKey(shown)}`, name: shown, email } };
  });
}

export type SystemMatch = { found: ExistingSystem } | { ambiguous: true } | { none: true };

/** Existing systems by register number, and by name or alias (a system not avvecklad wins over one that is). */
export function systemMatcher(systems: readonly ExistingSystem[]) {
  const byNumber = new Map(systems.map((s) => [s.registerNo, s]));
  const byName = index(systems, (s) => [s.nameKey]);
  const byAlias = index(systems, (s) => s.aliasKeys);
  const pick = (hits: ExistingSystem[] | undefined): SystemMatch | null => {
    if (!hits?.length) return null;
    const live = hits.filter((s) => s.lifecycle !== 'retired');
    const pool = live.length ? live : hits;
    return pool.length === 1 ? { found: pool[0]! } : { ambiguous: true };
  };
  return {
    byRegisterNo: (n: number): ExistingSystem | undefined => byNumber.get(n),
    byName: (name: string): SystemMatch => pick(byName.get(nameKey(name))) ?? pick(byAlias.get(nameKey(name))) ?? { none: true },
  };
}
