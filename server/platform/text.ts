/** Text as Ansvar stores it for search and sorting, the same in every module and both databases. */

/** Lower-case in Swedish, so search and sorting ignore case, å/ä/ö included. */
export const fold = (s: string): string => s.toLocaleLowerCase('sv-SE');

/**
 * A LIKE pattern that finds the folded text anywhere, with % _ \ taken literally; use it with
 * `escape '\'` (both dialects accept that).
 */
export const containsPattern = (q: string): string => `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
