import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badCharacterAt, findBadText, isCleanText, isSingleLine } from './characters.ts';

const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) => String.fromCharCode(c));
const LINE_BREAKS = ['\t', '\n', '\r'];
/** Text without any character either rule refuses (lone surrogates excluded by fc.string's unit). */
const clean = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => ![...s].some((ch) => CONTROLS.includes(ch) || ch === '\u2028' || ch === '\u2029'));

describe('text rules', () => {
  it('accepts ordinary text in any script, emoji and surrogate pairs included', () => {
    for (const s of ['Åsa Öberg', 'Ærø', 'Ψ', '日本語', '👩‍💻 admin', 'a\u00a0b', '\u{1F600}']) {
      expect(isSingleLine(s), s).toBe(true);
      expect(isCleanText(s), s).toBe(true);
    }
    fc.assert(fc.property(clean, (s) => isSingleLine(s) && isCleanText(s)));
  });

  it('refuses every C0 and C1 control character and DEL, except tab and line breaks in multi-line text', () => {
    fc.assert(
      fc.property(clean, fc.constantFrom(...CONTROLS), clean, (a, c, b) => {
        const s = a + c + b;
        expect(badCharacterAt(s, 'single')).toBe(a.length);
        expect(isCleanText(s)).toBe(LINE_BREAKS.includes(c));
      }),
    );
  });

  it('refuses line and paragraph separators in single-line text only, and lone surrogates everywhere', () => {
    for (const sep of ['\u2028', '\u2029']) {
      expect(isSingleLine(`a${sep}b`)).toBe(false);
      expect(isCleanText(`a${sep}b`)).toBe(true);
    }
    for (const s of ['\ud800', 'a\udc00b', '\ud83d', '\ude00\ud83d', 'x\ud83d\ud83d\ude00']) {
      expect(isSingleLine(s), JSON.stringify(s)).toBe(false);
      expect(isCleanText(s), JSON.stringify(s)).toBe(false);
    }
  });

  it('finds the first bad text or key in a parsed document, by its path', () => {
    expect(findBadText({ a: ['ok', { b: 'line\nbreak\ttab' }] })).toBeNull();
    expect(findBadText({ a: ['ok', { b: 'x\u0000' }] })).toEqual(['a', 1, 'b']);
    expect(findBadText({ a: { 'k\u0000': 1 } })).toEqual(['a', 'k\u0000']);
    expect(findBadText({ 'two\nlines': 1 })).toEqual(['two\nlines']);
    expect(findBadText('\u0007')).toEqual([]);
    expect(findBadText(42)).toBeNull();
  });
});
