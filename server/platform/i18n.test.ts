import { describe, expect, it } from 'vitest';
import { catalogueKeys, message, pickLocale } from './i18n.ts';

describe('server texts', () => {
  it('has every key in both languages', () => expect(catalogueKeys('en').sort()).toEqual(catalogueKeys('sv').sort()));

  it.each([
    [undefined, undefined, 'sv'],
    ['en', 'sv-SE', 'en'],
    ['fi', 'en-GB,en;q=0.9', 'en'],
    [undefined, 'de-DE,en;q=0.5,sv;q=0.8', 'sv'],
    [undefined, 'de', 'sv'],
  ] as const)('cookie %s, Accept-Language %s → %s', (cookie, accept, expected) => {
    expect(pickLocale(cookie, accept)).toBe(expected);
  });

  it('fills parameters', () => {
    expect(message('en', 'field.too_short', { min: 12 })).toBe('Must be at least 12 characters.');
    expect(message('sv', 'error.too_many_attempts', { minutes: 3 })).toMatch(/om 3 minuter/);
  });
});
