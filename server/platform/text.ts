/** Text as Ansvar stores it for search and sorting, the same in every module and both databases. */

/** Swedish order (å, ä, ö last), with one collator: localeCompare with a locale builds one per call. */
export const svCompare = new Intl.Collator('sv').compare;

/** Lower-case in Swedish, so search and sorting ignore case, å/ä/ö included. */
export const fold = (s: string): string => s.toLocaleLowerCase('sv-SE');

/**
 * A LIKE pattern that finds the folded text anywhere, with % _ \ taken literally; use it with
 * `escape '\'` (both dialects accept that).
 */
export const containsPattern = (q: string): string => `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Swedish alphabetical order as a plain string, so both databases sort it with a binary comparison
 * (SQLite's default, PostgreSQL's "C"): folded, other accents dropped (é → e, ü → y as Swedish sorts it,
 * æ → ä, ø → ö), and å, ä, ö mapped past every other letter in that order. Code-point order alone would
 * put ä before å.
 */
export function sortKey(s: string): string {
  return fold(s.normalize('NFC'))
    .replace(/[åäöæøü]/g, (c) => SWEDISH_LAST[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const SWEDISH_LAST: Record<string, string> = {
  å: '\u{FFF1}',
  ä: '\u{FFF2}',
  æ: '\u{FFF2}',
  ö: '\u{FFF3}',
  ø: '\u{FFF3}',
  ü: 'y',
};
