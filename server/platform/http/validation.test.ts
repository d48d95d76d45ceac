import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailInput, idInput, optionalFilter } from './schemas.ts';
import { issuesToFields } from './validation.ts';

describe('zod issues to field messages', () => {
  it('maps each kind of problem to a message key', () => {
    const schema = z.object({ a: z.string().min(12), b: z.string().min(1), c: z.email(), d: z.enum(['x']), e: z.number().max(5), f: z.string() }).strict();
    const r = schema.safeParse({ a: 'short', b: '', c: 'nope', d: 'y', e: 9, extra: 1 });
    expect(r.success).toBe(false);
    expect(issuesToFields(r.error!.issues)).toEqual([
      { path: 'a', key: 'field.too_short', params: { min: 12 } },
      { path: 'b', key: 'field.required' },
      { path: 'c', key: 'field.invalid_email' },
      { path: 'd', key: 'field.invalid_option' },
      { path: 'e', key: 'field.too_big', params: { max: 5 } },
      { path: 'f', key: 'field.required' },
      { path: 'extra', key: 'field.unknown_field' },
    ]);
  });

  it('names the control-character rule inside a union (an empty-or-id query filter) instead of "invalid"', () => {
    const filters = z.object({ unitId: optionalFilter(idInput), email: z.union([z.literal(''), emailInput]), kind: optionalFilter(z.enum(['a'])) });
    const r = filters.safeParse({ unitId: 'a\u0000b', email: 'a\u0000b@example.se', kind: 'b' });
    expect(issuesToFields(r.error!.issues)).toEqual([
      { path: 'unitId', key: 'field.single_line' },
      { path: 'email', key: 'field.single_line' },
      { path: 'kind', key: 'field.invalid' },
    ]);
  });
});
