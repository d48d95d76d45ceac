import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';

describe('password rules', () => {
  it.each([
    'password1234', 'Password1234!', 'lösenord2026!', 'Sommaren2026', '123456789012', 'aaaaaaaaaaaa', '2026-Välkommen!', 'qwertyuiop12', 'sommarsommar',
  ])('refuses the common password %s', (pw) => {
    expect(passwordProblems(pw, 'anna@kommun.se')).toEqual([{ path: 'password', key: 'field.password_common' }]);
  });

  it.each(['Stark-Fjällbjörk-42', 'korrekt häst batteri häftklammer', 'Åsa gillar kanelbullar'])('accepts %s', (pw) => {
    expect(passwordProblems(pw, 'anna@kommun.se')).toEqual([]);
  });

  it('refuses a password containing the e-mail name', () => {
    expect(passwordProblems('xx-Anna.Berg-2026', 'anna.berg@kommun.se')).toEqual([{ path: 'password', key: 'field.password_contains_email' }]);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Stark-Fjällbjörk-42');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Stark-Fjällbjörk-42')).toBe(true);
    expect(await verifyPassword(h, 'Stark-Fjällbjörk-43')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
