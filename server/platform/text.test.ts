import { describe, expect, it } from 'vitest';
import { containsPattern, fold, sortKey } from './text.ts';

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('text for search and sorting', () => {
  it('sorts names as a Swedish dictionary does, with a binary comparison of the keys', () => {
    const names = ['Öppna skolan', 'Ärendehantering', 'Åtgärdsplan', 'Zebra', 'Émile', 'Eva', 'Müller', 'Mynt', 'Myr', 'abc', 'Ab', 'aa', 'Ørsted', 'Æble', 'Ödla', 'Åsa', 'Äpple'];
    const bySortKey = [...names].sort((a, b) => binary(sortKey(a), sortKey(b)));
    expect(bySortKey).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(bySortKey.slice(-9)).toEqual(['Zebra', 'Åsa', 'Åtgärdsplan', 'Æble', 'Äpple', 'Ärendehantering', 'Ödla', 'Öppna skolan', 'Ørsted']);
  });

  it('gives decomposed and composed text the same key, and ignores case', () => {
    expect(sortKey('A\u030Angström')).toBe(sortKey('Ångström'));
    expect(sortKey('ÅNGSTRÖM')).toBe(sortKey('ångström'));
    expect(sortKey('Café')).toBe(sortKey('cafe'));
  });

  it('folds case in Swedish and escapes LIKE wildcards', () => {
    expect(fold('ÅÄÖ Éva')).toBe('åäö éva');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
