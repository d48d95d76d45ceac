import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { accessRoleSchema, accessRolesSchema, accountsPage, grantsPage, personAccessSchema } from '../../server/modules/access/schemas.ts';
import { errorOf, expectBody } from '../fixtures/systems.ts';
import { accessCounts, buildAccessWorld, insertAccessRole, insertAccount, insertGrant, type AccessWorld } from './access-fixtures.ts';
import { type Agent, createHarness, dialects, type Harness } from './harness.ts';

const api = (agent: Agent) => ({
  roles: (systemId: string) => agent.get(`/api/systems/${systemId}/access-roles`),
  createRole: (systemId: string, body: Record<string, unknown>) => agent.post(`/api/systems/${systemId}/access-roles`, body),
  patchRole: (systemId: string, roleId: string, body: Record<string, unknown>) => agent.request('PATCH', `/api/systems/${systemId}/access-roles/${roleId}`, body),
  accounts: (systemId: string, qs = '') => agent.get(`/api/systems/${systemId}/accounts${qs ? `?${qs}` : ''}`),
  grants: (systemId: string, qs = '') => agent.get(`/api/systems/${systemId}/grants${qs ? `?${qs}` : ''}`),
  personAccess: (personId: string) => agent.get(`/api/people/${personId}/access`),
});

describe.each(dialects())('access model (%s)', (dialect) => {
  let h: Harness;
  let w: AccessWorld;
  beforeEach(async () => {
    h = await createHarness(dialect);
    w = await buildAccessWorld(h);
  });
  afterEach(async () => h.close());

  const auditOf = (entityId: string) =>
    h.handle.db.selectFrom('audit_events').select(['entity_type', 'action', 'before_json', 'after_json']).where('entity_id', '=', entityId).orderBy('seq').execute();

  it('a systemförvaltare and a behörighetsadministratör keep the access roles; a reader sees them with their grant counts', async () => {
    const created = expectBody(await api(w.forvaltare).createRole(w.sys.id, { name: 'Handläggare', description: 'Läser och skriver ärenden' }), 201, accessRoleSchema);
    expect(created).toMatchObject({ name: 'Handläggare', privileged: false, status: 'active', grantCount: 0, version: 1, systemId: w.sys.id });
    const admin = expectBody(await api(w.behorig).createRole(w.sys.id, { name: 'Systemadministratör', privileged: true }), 201, accessRoleSchema);
    expect(admin.privileged).toBe(true);
    expect((await auditOf(created.id)).map((e) => [e.entity_type, e.action])).toEqual([['access_role', 'create']]);

    const account = await insertAccount(h.handle.db, { systemId: w.sys.id, username: 'anna', personId: w.people.anna });
    await insertGrant(h.handle.db, { systemId: w.sys.id, accountId: account, accessRoleId: created.id, personId: w.people.anna });
    const list = expectBody(await api(w.reader).roles(w.sys.id), 200, accessRolesSchema);
    expect(list.items.map((r) => [r.name, r.grantCount])).toEqual([['Handläggare', 1], ['Systemadministratör', 0]]);
    expect(list.can.administer).toBe(false);
    expect(expectBody(await api(w.behorig).roles(w.sys.id), 200, accessRolesSchema).can.administer).toBe(true);

    // Change and retire; a name another role has (in any case) is a 409 naming the field.
    const renamed = expectBody(await api(w.forvaltare).patchRole(w.sys.id, created.id, { version: 1, name: 'Handläggare socialtjänst', privileged: true }), 200, accessRoleSchema);
    expect(renamed).toMatchObject({ name: 'Handläggare socialtjänst', privileged: true, version: 2, grantCount: 1 });
    const taken = await api(w.forvaltare).patchRole(w.sys.id, created.id, { version: 2, name: 'SYSTEMADMINISTRATÖR' });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).fields?.name).toContain('Systemadministratör');
    const dup = await api(w.forvaltare).createRole(w.sys.id, { name: 'handläggare SOCIALTJÄNST' });
    expect(dup.statusCode).toBe(409);
    const retired = expectBody(await api(w.forvaltare).patchRole(w.sys.id, created.id, { version: 2, status: 'retired' }), 200, accessRoleSchema);
    expect(retired).toMatchObject({ status: 'retired', version: 3 });
    // Nothing changed: nothing written.
    const before = await accessCounts(h.handle.db);
    expectBody(await api(w.forvaltare).patchRole(w.sys.id, created.id, { version: 3, status: 'retired' }), 200, accessRoleSchema);
    expect(await accessCounts(h.handle.db)).toEqual(before);
    const trail = await auditOf(created.id);
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(trail[1]!.before_json!)).toEqual({ name: 'Handläggare', privileged: false });
  });

  it('refuses bad input with field messages in Swedish and English', async () => {
    const bad = await api(w.forvaltare).createRole(w.sys.id, { name: '', privileged: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['name', 'privileged']);
    const role = await insertAccessRole(h.handle.db, { systemId: w.sys.id, name: 'Läsare' });
    const badPatch = await api(w.forvaltare).patchRole(w.sys.id, role, { version: 1, status: 'gone' });
    expect(badPatch.statusCode).toBe(400);
    expect(errorOf(badPatch).fields?.status).toBeTruthy();
    const noVersion = await w.forvaltare.request('PATCH', `/api/systems/${w.sys.id}/access-roles/${role}`, { name: 'X' }, { headers: { 'accept-language': 'en' } });
    expect(noVersion.statusCode).toBe(400);
    expect(errorOf(noVersion).fields?.version).toMatch(/required/i);
    expect((await api(w.reader).accounts(w.sys.id, 'status=gone')).statusCode).toBe(400);
    expect((await api(w.reader).grants(w.sys.id, 'cursor=nonsense')).statusCode).toBe(400);
    expect((await api(w.forvaltare).patchRole(w.sys.id, 'no-such-role', { version: 1, name: 'X' })).statusCode).toBe(404);
  });

  it('another förvaltning’s system: 404 to read, 403/404 to write, and nothing changes', async () => {
    const role = await insertAccessRole(h.handle.db, { systemId: w.sys.id, name: 'Läsare' });
    const before = await accessCounts(h.handle.db);
    for (const res of [
      await api(w.outsider).roles(w.sys.id),
      await api(w.outsider).accounts(w.sys.id),
      await api(w.outsider).grants(w.sys.id),
      await api(w.outsider).createRole(w.sys.id, { name: 'Smygroll' }),
      await api(w.outsider).patchRole(w.sys.id, role, { version: 1, privileged: true }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    // A reader of the system who may not change it, and a granskare: 403.
    expect((await api(w.reader).createRole(w.sys.id, { name: 'Smygroll' })).statusCode).toBe(403);
    expect((await api(w.reader).patchRole(w.sys.id, role, { version: 1, privileged: true })).statusCode).toBe(403);
    expect((await api(w.granskare).createRole(w.sys.id, { name: 'Smygroll' })).statusCode).toBe(403);
    expect((await api(w.granskare).roles(w.sys.id)).statusCode).toBe(200);
    // Olle is systemförvaltare of Skolportalen, not of Procapita: a role of Procapita through Skolportalen's path is not found.
    expect((await api(w.outsider).patchRole(w.other.id, role, { version: 1, privileged: true })).statusCode).toBe(404);
    expect(await accessCounts(h.handle.db)).toEqual(before);
  });

  it('two concurrent changes of one access role: one wins, the other is a 409', async () => {
    const role = await insertAccessRole(h.handle.db, { systemId: w.sys.id, name: 'Läsare' });
    const [a, b] = await Promise.all([
      api(w.forvaltare).patchRole(w.sys.id, role, { version: 1, description: 'Från Frida' }),
      api(w.behorig).patchRole(w.sys.id, role, { version: 1, privileged: true }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const row = await h.handle.db.selectFrom('access_roles').selectAll().where('id', '=', role).executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(2);
    expect((await auditOf(role)).length).toBe(1);
  });

  it('lists accounts with their person and grant count, filters and pages them', async () => {
    const db = h.handle.db;
    const lasare = await insertAccessRole(db, { systemId: w.sys.id, name: 'Läsare' });
    const admin = await insertAccessRole(db, { systemId: w.sys.id, name: 'Admin', privileged: true });
    const anna = await insertAccount(db, { systemId: w.sys.id, username: 'anna', personId: w.people.anna, email: 'anna.andersson@kommun.test' });
    const bo = await insertAccount(db, { systemId: w.sys.id, username: 'bo', personId: w.people.bo });
    const ghost = await insertAccount(db, { systemId: w.sys.id, username: 'ghost' });
    await insertAccount(db, { systemId: w.sys.id, username: 'svc-batch', type: 'service' });
    await insertAccount(db, { systemId: w.sys.id, username: 'gone', status: 'removed' });
    await insertAccount(db, { systemId: w.other.id, username: 'cecilia', personId: w.people.cecilia });
    await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: lasare, personId: w.people.anna });
    await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: admin, personId: w.people.anna });
    await insertGrant(db, { systemId: w.sys.id, accountId: bo, accessRoleId: lasare, personId: w.people.bo, endedAt: '2026-03-01T10:00:00.000Z' });
    await insertGrant(db, { systemId: w.sys.id, accountId: ghost, accessRoleId: lasare });

    const all = expectBody(await api(w.reader).accounts(w.sys.id), 200, accountsPage);
    expect(all.total).toBe(5);
    expect(all.items.map((a) => [a.username, a.person?.name ?? null, a.grantCount])).toEqual([
      ['anna', 'Anna Andersson', 2],
      ['bo', 'Bo Berg', 0],
      ['ghost', null, 1],
      ['gone', null, 0],
      ['svc-batch', null, 0],
    ]);
    expect(expectBody(await api(w.reader).accounts(w.sys.id, 'unmatched=true'), 200, accountsPage).items.map((a) => a.username)).toEqual(['ghost']);
    expect(expectBody(await api(w.reader).accounts(w.sys.id, 'status=removed'), 200, accountsPage).items.map((a) => a.username)).toEqual(['gone']);
    expect(expectBody(await api(w.reader).accounts(w.sys.id, `q=${encodeURIComponent('ANDERSSON')}`), 200, accountsPage).items.map((a) => a.username)).toEqual(['anna']);
    // Two at a time: the total on the first page only, every account once.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: z.infer<typeof accountsPage> = expectBody(await api(w.reader).accounts(w.sys.id, `limit=2${cursor ? `&cursor=${cursor}` : ''}`), 200, accountsPage);
      expect(page.total).toBe(pages === 0 ? 5 : null);
      seen.push(...page.items.map((a) => a.username));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(['anna', 'bo', 'ghost', 'gone', 'svc-batch']);
  });

  it('lists current grants and their history, filtered and paged', async () => {
    const db = h.handle.db;
    const lasare = await insertAccessRole(db, { systemId: w.sys.id, name: 'Läsare' });
    const admin = await insertAccessRole(db, { systemId: w.sys.id, name: 'Admin', privileged: true });
    const anna = await insertAccount(db, { systemId: w.sys.id, username: 'anna', personId: w.people.anna });
    const bo = await insertAccount(db, { systemId: w.sys.id, username: 'bo', personId: w.people.bo });
    const ghost = await insertAccount(db, { systemId: w.sys.id, username: 'ghost' });
    const g1 = await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: lasare, personId: w.people.anna });
    const g2 = await insertGrant(db, { systemId: w.sys.id, accountId: anna, accessRoleId: admin, personId: w.people.anna, origin: 'order' });
    const g3 = await insertGrant(db, { systemId: w.sys.id, accountId: ghost, accessRoleId: lasare });
    const e1 = await insertGrant(db, { systemId: w.sys.id, accountId: bo, accessRoleId: lasare, personId: w.people.bo, endedAt: '2026-03-01T10:00:00.000Z' });
    const e2 = await insertGrant(db, { systemId: w.sys.id, accountId: bo, accessRoleId: admin, personId: w.people.bo, endedAt: '2026-04-01T10:00:00.000Z' });

    const current = expectBody(await api(w.reader).grants(w.sys.id), 200, grantsPage);
    expect(current.total).toBe(3);
    expect(current.items.map((g) => g.id)).toEqual([g3, g2, g1]);
    expect(current.items[1]).toMatchObject({
      account: { id: anna, username: 'anna', type: 'personal' },
      person: { id: w.people.anna, name: 'Anna Andersson' },
      accessRole: { id: admin, name: 'Admin', privileged: true },
      origin: 'order',
      endedAt: null,
      endReason: null,
    });
    expect(current.items[0]!.person).toBeNull();
    const history = expectBody(await api(w.reader).grants(w.sys.id, 'ended=true'), 200, grantsPage);
    expect(history.items.map((g) => [g.id, g.endReason])).toEqual([[e2, 'order'], [e1, 'order']]);
    const filter = async (qs: string) => expectBody(await api(w.reader).grants(w.sys.id, qs), 200, grantsPage).items.map((g) => g.id);
    expect(await filter('privileged=true')).toEqual([g2]);
    expect(await filter('privileged=false')).toEqual([g3, g1]);
    expect(await filter(`accessRoleId=${lasare}`)).toEqual([g3, g1]);
    expect(await filter(`q=${encodeURIComponent('anna andersson')}`)).toEqual([g2, g1]);
    expect(await filter('q=GHO')).toEqual([g3]);
    // The total follows every filter, whether it reads the grant's own columns or its role, account and person.
    const total = async (qs: string) => expectBody(await api(w.reader).grants(w.sys.id, qs), 200, grantsPage).total;
    expect([await total('privileged=true'), await total(`accessRoleId=${lasare}`), await total('q=GHO'), await total('ended=true')]).toEqual([1, 2, 1, 2]);
    const first = expectBody(await api(w.reader).grants(w.sys.id, 'ended=true&limit=1'), 200, grantsPage);
    const second = expectBody(await api(w.reader).grants(w.sys.id, `ended=true&limit=1&cursor=${first.nextCursor}`), 200, grantsPage);
    expect([first.items[0]!.id, second.items[0]!.id, second.nextCursor, second.total]).toEqual([e2, e1, null, null]);
  });

  it('a person’s access everywhere: grants on a system the caller may not read are left out and counted', async () => {
    const db = h.handle.db;
    const lasare = await insertAccessRole(db, { systemId: w.sys.id, name: 'Läsare' });
    const elev = await insertAccessRole(db, { systemId: w.other.id, name: 'Elevadmin', privileged: true });
    const a1 = await insertAccount(db, { systemId: w.sys.id, username: 'anna', personId: w.people.anna });
    const a2 = await insertAccount(db, { systemId: w.other.id, username: 'anna.a', personId: w.people.anna });
    const old = await insertGrant(db, { systemId: w.sys.id, accountId: a1, accessRoleId: lasare, personId: w.people.anna, startedAt: '2025-01-01T08:00:00.000Z', endedAt: '2025-06-01T08:00:00.000Z' });
    const now = await insertGrant(db, { systemId: w.sys.id, accountId: a1, accessRoleId: lasare, personId: w.people.anna, startedAt: '2026-01-01T08:00:00.000Z' });
    await insertGrant(db, { systemId: w.other.id, accountId: a2, accessRoleId: elev, personId: w.people.anna, startedAt: '2026-02-01T08:00:00.000Z' });

    const seen = expectBody(await api(w.reader).personAccess(w.people.anna), 200, personAccessSchema);
    expect(seen.person).toEqual({ id: w.people.anna, name: 'Anna Andersson' });
    expect(seen.items.map((i) => i.id)).toEqual([now, old]);
    expect(seen.items[0]).toMatchObject({ system: { id: w.sys.id, registerNo: w.sys.registerNo, name: 'Procapita' }, accessRole: { name: 'Läsare' }, account: { username: 'anna' } });
    expect(seen.hiddenCount).toBe(1);
    expect(seen.items[1]!.endedAt).not.toBeNull();
    expect(JSON.stringify(seen)).not.toContain('Skolportalen');
    expect(JSON.stringify(seen)).not.toContain('Elevadmin');
    const everything = expectBody(await api(w.admin).personAccess(w.people.anna), 200, personAccessSchema);
    expect([everything.items.length, everything.hiddenCount]).toEqual([3, 0]);
    // A person of another förvaltning is not found; nor is one that does not exist.
    expect((await api(w.reader).personAccess(w.people.cecilia)).statusCode).toBe(404);
    expect((await api(w.reader).personAccess('no-such-person')).statusCode).toBe(404);
  });
});
