/**
 * Which characters Ansvar accepts in the text it is given (issue 9). PostgreSQL cannot store NUL in
 * text at all (SQLite can, so the two databases would differ), and the other control characters are
 * invisible on screen and break exports, logs and the audit trail's readability.
 *
 * Refused in every text: C0 controls (U+0000–U+001F) except tab, line feed and carriage return; DEL
 * (U+007F); C1 controls (U+0080–U+009F); and unpaired surrogate halves, which UTF-8 cannot encode (the
 * database drivers would silently store U+FFFD instead).
 * Refused in single-line text as well: tab, line feed, carriage return, U+2028 LINE SEPARATOR and
 * U+2029 PARAGRAPH SEPARATOR. Multi-line text (notes, descriptions, a policy pack) keeps them.
 * Everything else is accepted, format characters (zero-width joiner, bidi marks) included.
 */
export type TextKind = 'single' | 'multi';

/** The index of the first character `kind` text must not hold, or -1. */
export function badCharacterAt(s: string, kind: TextKind): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c < 0x20) {
      if (kind === 'multi' && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return i;
    }
    if (c <= 0x9f) return i;
    if (c === 0x2028 || c === 0x2029) {
      if (kind === 'multi') continue;
      return i;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

export const isSingleLine = (s: string): boolean => badCharacterAt(s, 'single') < 0;
export const isCleanText = (s: string): boolean => badCharacterAt(s, 'multi') < 0;

/**
 * The path of the first string (or object key) in a parsed JSON or YAML value that breaks the
 * multi-line rule, or null. Keys are checked as single-line text. Bounded by `maxDepth`.
 */
export function findBadText(value: unknown, maxDepth = 64): Array<string | number> | null {
  const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) return path;
      continue;
    }
    if (v === null || typeof v !== 'object' || path.length >= maxDepth) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(v);
    for (const [k] of entries) if (!isSingleLine(k)) return [...path, k];
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return null;
}
