import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYSTEM_EXPORT_COLUMNS } from './columns.ts';
import { neutraliseText, restoreText } from './neutralise.ts';
import { SYSTEM_WORDS, type SystemWords } from './words.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

describe('formula neutralisation', () => {
  it('guards every cell a spreadsheet would run, and leaves other text alone', () => {
    for (const t of TRIGGERS) expect(neutraliseText(`${t}1+1`)).toBe(`'${t}1+1`);
    expect(neutraliseText("'=x")).toBe("''=x");
    for (const plain of ['', 'Procapita', "'Tis", "O'Brien", ' =1', '1-2', 'SYS-0042', 'a=b']) expect(neutraliseText(plain)).toBe(plain);
  });

  it('is undone by restoreText for any text (export, then import, changes nothing)', () => {
    const alphabet = fc.constantFrom(...TRIGGERS, "'", 'a', ' ', '\n', 'å');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (s) => {
        const out = neutraliseText(s);
        expect(TRIGGERS.includes(out[0] ?? '')).toBe(false);
        expect(restoreText(out)).toBe(s);
      }),
    );
  });
});

describe('export vocabulary', () => {
  it('has headers that name one column each, in either language', () => {
    const seen = new Map<string, string>();
    for (const c of SYSTEM_EXPORT_COLUMNS) {
      for (const h of [c.sv, c.en]) {
        const key = h.toLocaleLowerCase('sv-SE');
        expect(seen.get(key) ?? c.key, h).toBe(c.key);
        seen.set(key, c.key);
      }
    }
  });

  it('has words that read back to one code each, in either language', () => {
    const lists = Object.keys(SYSTEM_WORDS.sv).filter((k) => k !== 'yes' && k !== 'no') as Array<Exclude<keyof SystemWords, 'yes' | 'no'>>;
    for (const list of lists) {
      const codeOf = new Map<string, string>();
      for (const locale of ['sv', 'en'] as const) {
        for (const [code, word] of Object.entries(SYSTEM_WORDS[locale][list])) {
          const key = word.toLocaleLowerCase('sv-SE');
          expect(codeOf.get(key) ?? code, `${list}: ${word}`).toBe(code);
          codeOf.set(key, code);
        }
      }
    }
  });
});
