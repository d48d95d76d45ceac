import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { importPreviewSchema, importResultSchema } from '../../server/modules/access/import/schemas.ts';
import { csv, form, xlsx } from '../fixtures/files.ts';
import { errorOf, expectBody } from '../fixtures/systems.ts';
import { accessCounts, buildAccessWorld, insertAccessRole, insertAccount, insertGrant, type AccessWorld } from './access-fixtures.ts';
import { type Agent, createHarness, dialects, type Harness } from './harness.ts';

type Cell = string | number | null;

const SV_HEADER = ['Användarnamn', 'Namn', 'E-post', 'Anst.nr', 'Behörighet', 'Senaste inloggning', 'Status', 'Kontotyp'];
const SV_ROWS: Cell[][] = [
  // By employee id (the e-mail in the list is another), two roles in one cell.
  ['aan01', 'Anna Andersson', 'anna@annanstans.test', 'E1001', 'Handläggare; Läsare', '2026-04-01 08:15', 'Aktiv', 'Personligt'],
  // By e-mail.
  ['bober', 'Bo Berg', 'BO.BERG@kommun.test', '', 'Läsare|Rapporter', '2026-03-30', 'Ja', ''],
  // By the user name: the local part of Cecilia's address.
  ['cecilia.ek', 'Cecilia Ek', '', '', 'Läsare', '', 'inaktiv', ''],
  // Unmatched: a personal account of no one known.
  ['okand', 'Okänd Person', 'okand@extern.test', '', 'Läsare', 'aldrig', '', ''],
  // A service account is no one's, whatever its e-mail says.
  ['svc-batch', 'Nattkörning', 'anna.andersson@kommun.test', '', 'Systemadministratör', '', '', 'Tjänstekonto'],
];

describe.each(dialects())('user-list import of a system (%s)', (dialect) => {
  let h: Harness;
  let w: AccessWorld;
  beforeEach(async () => {
    h = await createHarness(dialect);
    w = await buildAccessWorld(h);
  });
  afterEach(async () => h.close());

  const upload = (systemId: string, file: Buffer | null, mode = 'partial', as: Agent = w.forvaltare, fileName = 'anvandare.csv', lang = 'sv') =>
    as.post(`/api/systems/${systemId}/access/import`, form(file, { mode }, fileName), { headers: { 'accept-language': lang } });
  const apply = (id: string, as: Agent = w.forvaltare) => as.post(`/api/access/imports/${id}/apply`);
  const preview = async (file: Buffer, mode = 'partial', fileName?: string) => expectBody(await upload(w.sys.id, file, mode, w.forvaltare, fileName), 200, importPreviewSchema);
  const accounts = () => h.handle.db.selectFrom('access_accounts').selectAll().where('system_id', '=', w.sys.id).orderBy('username_key').execute();
  const currentGrants = () =>
    h.handle.db
      .selectFrom('access_grants as g')
      .innerJoin('access_accounts as a', 'a.id', 'g.account_id')
      .innerJoin('access_roles as r', 'r.id', 'g.access_role_id')
      .select(['a.username', 'r.name', 'g.person_id', 'g.origin'])
      .where('g.system_id', '=', w.sys.id)
      .where('g.ended_at', 'is', null)
      .orderBy('a.username_key')
      .orderBy('r.name_key')
      .execute();

  it('Swedish headers in a CSV: matches by employee id, e-mail and user name, previews, then applies once', async () => {
    const p = await preview(csv([['Användare i Procapita, uttag 2026-04-14'], [], SV_HEADER, ...SV_ROWS], { bom: true }));
    expect(p.counts).toEqual({ create: 5, update: 0, unchanged: 0, error: 0 });
    expect(p.newRoles.sort()).toEqual(['Handläggare', 'Läsare', 'Rapporter', 'Systemadministratör']);
    expect(p.rows.map((r) => [r.row, r.username, r.person?.name ?? null, r.matchedBy])).toEqual([
      [4, 'aan01', 'Anna Andersson', 'employeeId'],
      [5, 'bober', 'Bo Berg', 'email'],
      [6, 'cecilia.ek', 'Cecilia Ek', 'username'],
      [7, 'okand', null, null],
      [8, 'svc-batch', null, null],
    ]);
    expect(p.rows[0]!.roles).toEqual(['Handläggare', 'Läsare']);
    expect(p.effects).toMatchObject({ rolesCreated: 4, accountsCreated: 5, grantsStarted: 7, grantsEnded: 0, unmatched: 1 });
    expect(await accessCounts(h.handle.db)).toMatchObject({ roles: 0, accounts: 0, grants: 0, imports: 1 });

    const result = expectBody(await apply(p.id), 200, importResultSchema);
    expect(result).toMatchObject({ systemId: w.sys.id, mode: 'partial', effects: { accountsCreated: 5, grantsStarted: 7 } });
    const rows = await accounts();
    expect(rows.map((a) => [a.username, a.type, a.status, a.person_id, a.email, a.last_login_at])).toEqual([
      ['aan01', 'personal', 'active', w.people.anna, 'anna@annanstans.test', '2026-04-01T08:15:00'],
      ['bober', 'personal', 'active', w.people.bo, 'bo.berg@kommun.test', '2026-03-30'],
      ['cecilia.ek', 'personal', 'disabled', w.people.cecilia, null, null],
      ['okand', 'personal', 'active', null, 'okand@extern.test', null],
      ['svc-batch', 'service', 'active', null, 'anna.andersson@kommun.test', null],
    ]);
    const grants = await currentGrants();
    expect(grants.map((g) => [g.username, g.name, g.person_id, g.origin])).toContainEqual(['aan01', 'Handläggare', w.people.anna, 'import']);
    expect(grants).toHaveLength(7);
    const roles = await h.handle.db.selectFrom('access_roles').select(['name', 'privileged', 'status']).where('system_id', '=', w.sys.id).execute();
    expect(roles.every((r) => Number(r.privileged) === 0 && r.status === 'active')).toBe(true);
    const events = await h.handle.db.selectFrom('audit_events').select(['entity_type', 'action', 'after_json']).where('origin', '=', 'import').execute();
    const count = (type: string, action: string) => events.filter((e) => e.entity_type === type && e.action === action).length;
    expect([count('access_role', 'create'), count('access_account', 'create'), count('access_import', 'apply')]).toEqual([4, 5, 1]);
    // A new account's event names the grants it starts with.
    const named = events.filter((e) => e.action === 'create' && e.entity_type === 'access_account').flatMap((e) => JSON.parse(e.after_json!).grants as Array<{ id: string }>);
    expect(named).toHaveLength(7);
    expect(JSON.parse(events.find((e) => e.entity_type === 'access_import')!.after_json!)).toMatchObject({ changes: 9, effects: { grantsStarted: 7 } });

    // Applied once: a second apply is a 409 and writes nothing.
    const before = await accessCounts(h.handle.db);
    expect((await apply(p.id)).statusCode).toBe(409);
    expect(await accessCounts(h.handle.db)).toEqual(before);
    // The same file again changes nothing.
    const again = await preview(csv([SV_HEADER, ...SV_ROWS]));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 5, error: 0 });
  });

  it('English headers in an XLSX, a row per role, full mode: ends what the list no longer shows and removes missing accounts', async () => {
    const db = h.handle.db;
    const reader = await insertAccessRole(db, { systemId: w.sys.id, name: 'Reader' });
    const admin = await insertAccessRole(db, { systemId: w.sys.id, name: 'Admin', privileged: true });
    const anna = await insertAccount(db, { systemId: w.sys.id, username: 'anna', personId: w.people.anna });
    const bo = await insertAccount(db, { systemId: w.sys.id, username: 'bo' });
    const gone = await insertAccount(db, { systemId: w.sys.id, username: 'former', personId: w.people.frida });
    const annaReader = await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: reader, personId: w.people.anna });
    const annaAdmin = await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: admin, personId: w.people.anna });
    const boReader = await insertGrant(db, { systemId: w.sys.id, accountId: bo, accessRoleId: reader });
    const goneAdmin = await insertGrant(db, { systemId: w.sys.id, accountId: gone, accessRoleId: admin, personId: w.people.frida });
    const file = await xlsx([
      {
        sheet: 'Users',
        data: [
          ['Procapita user export', null, null, null],
          ['Username', 'Full name', 'Email', 'Role'],
          ['ANNA', 'Anna Andersson', null, 'reader'],
          ['bo', 'Bo Berg', 'bo.berg@kommun.test', 'Reader'],
          ['bo', null, null, 'Case worker'],
        ],
      },
    ]);
    const res = await upload(w.sys.id, file, 'full', w.behorig, 'users.xlsx', 'en');
    const p = expectBody(res, 200, importPreviewSchema);
    expect(p.mode).toBe('full');
    expect(p.rows.map((r) => [r.row, r.action, r.username])).toEqual([
      [3, 'update', 'ANNA'],
      [4, 'update', 'bo'],
      [5, 'update', 'bo'],
    ]);
    expect(p.rows[0]).toMatchObject({ ended: ['Admin'], changes: ['displayName'], matchedBy: 'existing', person: { id: w.people.anna } });
    expect(p.rows[1]).toMatchObject({ matchedBy: 'email', person: { id: w.people.bo } });
    expect(p.rows[2]!.started).toEqual(['Case worker']);
    expect(p.newRoles).toEqual(['Case worker']);
    expect(p.removedAccounts).toEqual([{ id: gone, username: 'former' }]);
    expect(p.endedGrants.map((g) => g.id).sort()).toEqual([annaAdmin, goneAdmin].sort());
    expect(p.effects).toMatchObject({ accountsRemoved: 1, grantsEnded: 2, grantsStarted: 1, grantsRepersoned: 1, unmatched: 0 });

    expectBody(await apply(p.id, w.behorig), 200, importResultSchema);
    const grants = await db.selectFrom('access_grants').selectAll().where('system_id', '=', w.sys.id).execute();
    const byId = new Map(grants.map((g) => [g.id, g]));
    expect(byId.get(annaReader)!.ended_at).toBeNull();
    expect(byId.get(annaAdmin)).toMatchObject({ end_reason: 'import', ended_at: expect.any(String) });
    expect(byId.get(goneAdmin)).toMatchObject({ end_reason: 'import' });
    expect(byId.get(boReader)).toMatchObject({ ended_at: null, person_id: w.people.bo });
    const rows = await accounts();
    expect(rows.map((a) => [a.username, a.status, a.person_id])).toEqual([
      ['anna', 'active', w.people.anna],
      ['bo', 'active', w.people.bo],
      ['former', 'removed', w.people.frida],
    ]);
    const ends = await db.selectFrom('audit_events').select(['entity_id', 'after_json']).where('entity_type', '=', 'access_grant').where('action', '=', 'end').execute();
    expect(ends.map((e) => e.entity_id).sort()).toEqual([annaAdmin, goneAdmin].sort());
    expect(JSON.parse(ends[0]!.after_json!)).toMatchObject({ reason: 'import', systemId: w.sys.id });

    // Partial mode only adds and updates: a list without bo ends nothing.
    const partial = await preview(csv([['Username', 'Role'], ['anna', 'Reader']]));
    expect(partial.effects).toMatchObject({ grantsEnded: 0, accountsRemoved: 0 });
    expect(partial.counts.unchanged).toBe(1);
  });

  it('refuses bad files and bad rows with messages naming the row and the column as the spreadsheet shows them', async () => {
    expect(errorOf(await upload(w.sys.id, null)).fields).toEqual({ file: expect.any(String) });
    const badMode = await upload(w.sys.id, csv([SV_HEADER, ...SV_ROWS]), 'everything');
    expect(badMode.statusCode).toBe(400);
    expect(Object.keys(errorOf(badMode).fields ?? {})).toEqual(['mode']);
    const noHeader = await upload(w.sys.id, csv([['Förnamn', 'Efternamn'], ['Anna', 'Andersson']]));
    expect(noHeader.statusCode).toBe(400);
    expect(errorOf(noHeader).fields?.file).toContain('rubrikrad');
    expect((await upload(w.sys.id, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).statusCode).toBe(400);

    await insertAccessRole(h.handle.db, { systemId: w.sys.id, name: 'Gammal', status: 'retired' });
    const file = csv([
      ['Username', 'Email', 'Role', 'Status', 'Type', 'Last login'],
      ['ok', '', 'Reader', 'active', 'personal', '2026-04-01T06:00:00Z'],
      ['', 'x@kommun.test', 'Reader', '', '', ''],
      ['bad', 'not-an-address', 'Gammal', 'maybe', 'robot', 'yesterday'],
      ['ok', 'other@kommun.test', 'Writer', 'disabled', '', ''],
    ]);
    const res = await upload(w.sys.id, file, 'full', w.forvaltare, 'list.csv', 'en');
    const p = expectBody(res, 200, importPreviewSchema);
    expect(p.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 3 });
    expect(p.rows[1]!.errors).toEqual([{ column: 'Username', cell: 'A3', message: 'The user name is missing.' }]);
    expect(p.rows[2]!.errors!.map((e) => e.cell)).toEqual(['B4', 'E4', 'D4', 'F4', 'C4']);
    expect(p.rows[2]!.errors![0]!.message).toBe('Invalid e-mail address "not-an-address".');
    expect(p.rows[2]!.errors![4]!.message).toContain('retired');
    expect(p.rows[3]!.errors!.map((e) => [e.cell, e.message])).toEqual([['D5', '"disabled" differs from row 2 for the same user name ("active").']]);
    // A row without a user name could be anyone's: the full import ends nothing and removes no one.
    expect(p.warnings.map((w) => w.code)).toEqual(['removals_withheld']);
    const sv = expectBody(await upload(w.sys.id, file), 200, importPreviewSchema);
    expect(sv.rows[1]!.errors![0]!.message).toBe('Användarnamn saknas.');
  });

  it('another förvaltning’s system, a reader, a granskare, and someone else’s dry-run: refused, nothing changes', async () => {
    const file = csv([SV_HEADER, ...SV_ROWS]);
    expect((await upload(w.sys.id, file, 'partial', w.outsider)).statusCode).toBe(404);
    expect((await upload(w.sys.id, file, 'partial', w.reader)).statusCode).toBe(403);
    expect((await upload(w.sys.id, file, 'partial', w.granskare)).statusCode).toBe(403);
    expect((await upload('no-such-system', file)).statusCode).toBe(404);
    const p = await preview(file);
    const before = await accessCounts(h.handle.db);
    // Only the maker applies a dry-run: for anyone else, the administrator too, it does not exist.
    expect((await apply(p.id, w.behorig)).statusCode).toBe(404);
    expect((await apply(p.id, w.admin)).statusCode).toBe(404);
    expect((await apply(p.id, w.outsider)).statusCode).toBe(404);
    expect((await apply('no-such-import')).statusCode).toBe(404);
    expect(await accessCounts(h.handle.db)).toEqual(before);
    // Olle imports Skolportalen's list; it does not touch Procapita.
    expectBody(await apply(expectBody(await upload(w.other.id, file, 'full', w.outsider), 200, importPreviewSchema).id, w.outsider), 200, importResultSchema);
    expect(await accounts()).toEqual([]);
  });

  it('a change to the system’s access after the dry-run makes the apply a 409, and nothing is written', async () => {
    const role = await insertAccessRole(h.handle.db, { systemId: w.sys.id, name: 'Läsare' });
    const p = await preview(csv([SV_HEADER, ...SV_ROWS]));
    expect((await w.forvaltare.request('PATCH', `/api/systems/${w.sys.id}/access-roles/${role}`, { version: 1, privileged: true })).statusCode).toBe(200);
    const before = await accessCounts(h.handle.db);
    expect((await apply(p.id)).statusCode).toBe(409);
    expect({ ...(await accessCounts(h.handle.db)), imports: 0 }).toEqual({ ...before, imports: 0 });
    expect(await accounts()).toEqual([]);
  });
});

/**
 * The scale the issue asks for: a 50,000-row user list (an account per row, two roles each, a third of them found
 * by employee id, a third by e-mail) dry-run and applied on SQLite in under 10 s, then imported again with every
 * last login moved (50,000 account updates). The bound is on the time the server works (CPU time of the process,
 * the reading worker included); on a machine that is not busy with other work (load average under its cores) on
 * the wall-clock time too. Both are printed.
 */
// Declared for SQLite only (not skipped elsewhere: CI fails on a skipped test).
describe.each(dialects().filter((d) => d === 'sqlite'))('user-list import of 50,000 rows (%s)', () => {
  const N = 50_000;
  let h: Harness;
  let w: AccessWorld;
  beforeAll(async () => {
    h = await createHarness('sqlite');
    w = await buildAccessWorld(h);
    const people = Array.from({ length: 5000 }, (_, i) => ({ id: `sp-${i}`, name: `Person ${i}`, email: `person.${i}@kommun.test`, external_id: `S${i}` }));
    for (let i = 0; i < people.length; i += 500) {
      await h.handle.db
        .insertInto('people')
        .values(
          people.slice(i, i + 500).map((p) => ({
            ...p,
            name_search: p.name.toLowerCase(),
            name_sort: p.name.toLowerCase(),
            title: null,
            home_unit_id: 'hem',
            manager_id: null,
            status: 'active' as const,
            left_at: null,
            version: 1,
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .execute();
    }
  }, 120_000);
  afterAll(async () => h.close());

  const list = (login: string) =>
    csv([
      ['Användarnamn', 'Namn', 'E-post', 'Anställningsnummer', 'Behörighet', 'Senaste inloggning'],
      ...Array.from({ length: N }, (_, i) => [
        `user${i}`,
        `Användare ${i}`,
        i % 3 === 1 ? `person.${i % 5000}@kommun.test` : '',
        i % 3 === 0 ? `S${i % 5000}` : '',
        `Roll ${i % 40}; Roll ${(i + 7) % 40}`,
        login,
      ]),
    ]);

  async function timed(file: Buffer) {
    const quiet = loadavg()[0]! < cpus().length;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await w.forvaltare.post(`/api/systems/${w.sys.id}/access/import`, form(file, { mode: 'full' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const preview = res.json() as z.infer<typeof importPreviewSchema>;
    const applied = await w.forvaltare.post(`/api/access/imports/${preview.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`access import of ${N} rows: dry-run + apply ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
    // The CPU counts the test's own client too (the form, the injected requests), so its bound has room over the
    // 10 s target: it is there to catch work that grows faster than the rows, which would take minutes, not seconds.
    expect(cpuSeconds).toBeLessThan(15);
    if (quiet) expect(seconds).toBeLessThan(10);
    return preview;
  }

  it('first import: 50,000 accounts and 100,000 grants', async () => {
    const preview = await timed(list('2026-04-01'));
    expect(preview.effects).toMatchObject({ accountsCreated: N, grantsStarted: 2 * N, rolesCreated: 40, unmatched: N - Math.ceil(N / 3) - Math.floor((N + 1) / 3) });
    expect(await h.handle.db.selectFrom('access_grants').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()).toEqual({ n: 2 * N });
  }, 120_000);

  it('the next import: every account’s last login moved', async () => {
    const preview = await timed(list('2026-04-14'));
    expect(preview.effects).toMatchObject({ accountsCreated: 0, accountsUpdated: N, grantsStarted: 0, grantsEnded: 0, grantsRepersoned: 0 });
  }, 120_000);
});
