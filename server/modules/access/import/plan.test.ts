import { describe, expect, it } from 'vitest';
import { fold } from '../../../platform/text.ts';
import { columnsOf, findHeader, loginOf, rolesOf, statusOf, typeOf } from './columns.ts';
import { personIndex } from './match.ts';
import { planImport, type PlanInput } from './plan.ts';
import type { ExistingAccount, ExistingGrant, ExistingRole, PersonRef } from './plan-types.ts';

const people: PersonRef[] = [
  { id: 'p-anna', name: 'Anna Andersson', email: 'anna.andersson@kommun.test', external_id: 'E1' },
  { id: 'p-bo', name: 'Bo Berg', email: 'bo@kommun.test', external_id: 'E2' },
  { id: 'p-bo2', name: 'Bo Berg', email: 'bo@skolan.test', external_id: null },
  { id: 'p-cia', name: 'Cia Ek', email: 'cia.ek@kommun.test', external_id: null },
];
const role = (id: string, name: string, status: ExistingRole['status'] = 'active'): ExistingRole => ({ id, name, name_key: fold(name), status });
const account = (id: string, username: string, personId: string | null = null): ExistingAccount => ({
  id, username, username_key: fold(username), display_name: null, email: null, type: 'personal', status: 'active', person_id: personId, last_login_at: null,
});
const grant = (id: string, accountId: string, roleId: string, personId: string | null = null): ExistingGrant => ({ id, account_id: accountId, access_role_id: roleId, person_id: personId });

const plan = (table: string[][], world: Partial<PlanInput['world']> = {}, mode: 'full' | 'partial' = 'partial') =>
  planImport(table, {
    systemId: 's',
    mode,
    locale: 'en',
    today: '2026-04-15',
    fingerprint: 'f',
    world: { roles: [], accounts: [], grants: [], people, ...world },
  });

describe('the user list’s columns', () => {
  it('knows Swedish and English headers, whatever their case and punctuation, and finds them below title rows', () => {
    expect(Object.keys(columnsOf(['Användarnamn', 'Fullständigt namn', 'E-post', 'Anst.nr', 'Behörighet', 'Senaste inloggning', 'Aktiv', 'Kontotyp']))).toEqual([
      'username', 'name', 'email', 'employeeId', 'role', 'lastLogin', 'status', 'type',
    ]);
    expect(Object.keys(columnsOf(['LOGIN', 'Display name', 'e-mail', 'Employee number', 'Groups', 'Last logon', 'Enabled', 'Account type']))).toEqual([
      'username', 'name', 'email', 'employeeId', 'role', 'lastLogin', 'status', 'type',
    ]);
    // The best name wins: Användarnamn over Konto.
    expect(columnsOf(['Konto', 'Användarnamn', 'Roll']).username).toMatchObject({ index: 1, letter: 'B' });
    expect(findHeader([['Användare i Procapita'], [], ['Konto', 'Roll'], ['anna', 'Läsare']])?.index).toBe(2);
    // A user name alone is not a header (a title row "Konto" is not).
    expect(findHeader([['Konto'], ['anna']])).toBeNull();
  });

  it('reads account types, statuses, last logins and roles in Swedish or English', () => {
    expect(['Personligt', 'Tjänstekonto', 'Delat konto', 'Administratör', 'service account', 'Shared', 'admin'].map(typeOf)).toEqual([
      'personal', 'service', 'shared', 'administrator', 'service', 'shared', 'administrator',
    ]);
    expect(typeOf('robot')).toBeNull();
    expect(['Aktiv', 'ja', 'TRUE', '1', 'Inaktiv', 'Nej', 'disabled', 'Låst'].map(statusOf)).toEqual([
      'active', 'active', 'active', 'active', 'disabled', 'disabled', 'disabled', 'disabled',
    ]);
    expect(statusOf('kanske')).toBeNull();
    expect(loginOf('2026-04-01')).toBe('2026-04-01');
    expect(loginOf('2026-04-01 08:15')).toBe('2026-04-01T08:15:00');
    expect(loginOf('2026-04-01T08:15:30+02:00')).toBe('2026-04-01T06:15:30.000Z');
    expect(loginOf('Aldrig')).toBeNull();
    expect(loginOf('2026-02-30')).toBeUndefined();
    expect(loginOf('igår')).toBeUndefined();
    expect(rolesOf(' Läsare; Handläggare,Admin | | ')).toEqual(['Läsare', 'Handläggare', 'Admin']);
  });
});

describe('matching an account to a person', () => {
  const index = personIndex(people);
  it('by employee id, then e-mail, then a user name equal to an e-mail or its local part', () => {
    expect(index.match({ employeeId: 'E1', email: 'bo@kommun.test', usernameKey: 'x' })).toEqual({ personId: 'p-anna', by: 'employeeId' });
    expect(index.match({ employeeId: 'E9', email: 'bo@kommun.test', usernameKey: 'x' })).toEqual({ personId: 'p-bo', by: 'email' });
    expect(index.match({ employeeId: null, email: null, usernameKey: 'cia.ek' })).toEqual({ personId: 'p-cia', by: 'username' });
    expect(index.match({ employeeId: null, email: null, usernameKey: 'cia.ek@kommun.test' })).toEqual({ personId: 'p-cia', by: 'username' });
  });
  it('never by a name, and not by a local part two people share', () => {
    expect(index.match({ employeeId: null, email: null, usernameKey: 'bo' })).toBeNull();
    expect(index.match({ employeeId: null, email: null, usernameKey: 'anna andersson' })).toBeNull();
  });
});

describe('planning a user list', () => {
  it('a row per role makes one account; a later row that disagrees is an error naming both rows', () => {
    const out = plan([
      ['Username', 'Email', 'Role'],
      ['anna', 'anna.andersson@kommun.test', 'Reader'],
      ['ANNA', '', 'Writer; Reader'],
      ['anna', 'other@kommun.test', 'Admin'],
    ]);
    expect(out.rows.map((r) => r.action)).toEqual(['create', 'create', 'error']);
    expect(out.rows[2]!.errors).toEqual([{ column: 'Email', cell: 'B4', message: '"other@kommun.test" differs from row 2 for the same user name ("anna.andersson@kommun.test").' }]);
    expect(out.plan.creates).toHaveLength(1);
    expect(out.plan.creates[0]![5]).toBe('p-anna');
    expect(out.newRoles).toEqual(['Reader', 'Writer']);
    expect(out.plan.effects).toMatchObject({ accountsCreated: 1, grantsStarted: 2, rolesCreated: 2 });
  });

  it('full mode ends grants the list no longer shows and removes missing accounts, but not those of rows with errors', () => {
    const world = {
      roles: [role('r-read', 'Reader'), role('r-admin', 'Admin', 'active')],
      accounts: [account('a-anna', 'anna', 'p-anna'), account('a-bo', 'bo'), account('a-gone', 'gone'), account('a-held', 'held')],
      grants: [grant('g1', 'a-anna', 'r-read', 'p-anna'), grant('g2', 'a-anna', 'r-admin', 'p-anna'), grant('g3', 'a-gone', 'r-read'), grant('g4', 'a-held', 'r-admin'), grant('g5', 'a-bo', 'r-read')],
    };
    const table = [
      ['Username', 'Role', 'Type'],
      ['anna', 'Reader', ''],
      ['bo', 'Reader', 'Tjänstekonto'],
      ['held', 'Reader', 'robot'],
    ];
    const full = plan(table, world, 'full');
    expect(full.plan.ends.map(([id]) => id).sort()).toEqual(['g2', 'g3']);
    expect(full.plan.removals).toEqual([['a-gone', 'active']]);
    expect(full.rows.map((r) => [r.action, r.ended ?? [], r.changes ?? []])).toEqual([
      ['update', ['Admin'], []],
      ['update', [], ['type']],
      ['error', [], []],
    ]);
    const partial = plan(table, world, 'partial');
    expect([partial.plan.ends, partial.plan.removals]).toEqual([[], []]);
  });

  it('a row with errors and no user name withholds every removal; a retired role cannot be granted; no role column ends nothing', () => {
    const world = { roles: [role('r-old', 'Old', 'retired')], accounts: [account('a-gone', 'gone')], grants: [grant('g1', 'a-gone', 'r-old')] };
    const out = plan([['Username', 'Role', 'Email'], ['', 'Reader', 'x@kommun.test'], ['anna', 'Old', '']], world, 'full');
    expect(out.warnings.map((w) => w.code)).toEqual(['removals_withheld']);
    expect(out.plan.removals).toEqual([]);
    expect(out.rows[1]!.errors![0]!.message).toContain('retired');
    const noRoles = plan([['Username', 'Email'], ['anna', 'anna.andersson@kommun.test']], { ...world, roles: [role('r-old', 'Old')] }, 'full');
    expect(noRoles.warnings.map((w) => w.code)).toEqual(['no_role_column']);
    expect(noRoles.plan.removals).toEqual([['a-gone', 'active']]);
    expect(noRoles.plan.starts).toEqual([]);
  });
});
