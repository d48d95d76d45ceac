import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { orderDetail, ordersPage } from '../../server/modules/access-orders/schemas.ts';
import type { Db } from '../../server/platform/db/index.ts';
import { fold, sortKey } from '../../server/platform/text.ts';
import { csv, form } from '../fixtures/files.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, TEST_NOW, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Order = z.infer<typeof orderDetail>;

/** An access role straight in the database (the access module owns its API). */
async function insertAccessRole(db: Db, r: { id: string; systemId: string; name: string; privileged?: boolean; status?: 'active' | 'retired' }) {
  await db
    .insertInto('access_roles')
    .values({
      id: r.id, system_id: r.systemId, name: r.name, name_key: fold(r.name), name_sort: sortKey(r.name), description: null,
      privileged: r.privileged ? 1 : 0, status: r.status ?? 'active', created_at: TEST_NOW, updated_at: TEST_NOW, version: 1,
    })
    .execute();
}

/**
 * Ordering access (docs/ACCESS.md, "The trail"). Procapita belongs to Hemtjänsten (Socialförvaltningen). Cecilia is
 * chef of Socialförvaltningen and orders for Anna (Hemtjänsten); Sara is Procapita's systemägare (approves), Bea its
 * behörighetsadministratör (executes), Ivar works in the IT unit (executes too). Ulf is chef in
 * Utbildningsförvaltningen and sees nothing of Procapita; Olle works at Åbyskolan.
 */
describe.each(dialects())('access orders (%s)', (dialect) => {
  let h: Harness;
  let db: Db;
  let admin: Agent;
  let chef: Agent;
  let sara: Agent;
  let bea: Agent;
  let ivar: Agent;
  let ulf: Agent;
  let sys: SystemJson;
  let skola: SystemJson;

  beforeEach(async () => {
    h = await createHarness(dialect);
    db = h.handle.db;
    admin = await setupAdmin(h);
    await insertSystemsKommun(db);
    sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    skola = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' });
    const people: Array<[string, string, string]> = [
      ['p-chef', 'Cecilia Chef', 'soc'], ['p-anna', 'Anna Anställd', 'hem'], ['p-sara', 'Sara Systemägare', 'soc'], ['p-bea', 'Bea Behörighet', 'soc'],
      ['p-ivar', 'Ivar IT', 'it'], ['p-ulf', 'Ulf Utbildningschef', 'utb'], ['p-olle', 'Olle Lärare', 'skola'],
    ];
    for (const [id, name, unit] of people) await insertPerson(db, { id, name, homeUnitId: unit });
    await assignRole(db, { roleKey: 'chef', personId: 'p-chef', unitId: 'soc' });
    await assignRole(db, { roleKey: 'chef', personId: 'p-ulf', unitId: 'utb' });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-sara', systemId: sys.id });
    await assignRole(db, { roleKey: 'behorighetsadministrator', personId: 'p-bea', systemId: sys.id });
    const user = async (email: string, unit: string, person: string) => {
      const agent = await addUser(h, admin, email, 'user');
      await grantOnUnit(db, email, 'user', unit);
      await linkUserToPerson(db, email, person);
      return agent;
    };
    chef = await user('chef@kommun.test', 'soc', 'p-chef');
    sara = await user('sara@kommun.test', 'soc', 'p-sara');
    bea = await user('bea@kommun.test', 'soc', 'p-bea');
    ivar = await user('ivar@kommun.test', 'it', 'p-ivar');
    ulf = await user('ulf@kommun.test', 'utb', 'p-ulf');
    await insertAccessRole(db, { id: 'ar-read', systemId: sys.id, name: 'Läsare' });
    await insertAccessRole(db, { id: 'ar-admin', systemId: sys.id, name: 'Administratör', privileged: true });
    await insertAccessRole(db, { id: 'ar-old', systemId: sys.id, name: 'Gammal', status: 'retired' });
    await insertAccessRole(db, { id: 'ar-skola', systemId: skola.id, name: 'Lärare' });
  });
  afterEach(async () => h.close());

  const grantOrder = (over: Record<string, unknown> = {}) => ({
    kind: 'grant', systemId: sys.id, accessRoleId: 'ar-read', personId: 'p-anna', reason: 'Ny i hemtjänsten.', validFrom: '2026-04-15', ...over,
  });
  const order = async (agent: Agent, body: Record<string, unknown>) => expectBody(await agent.post('/api/access-orders', body), 201, orderDetail);
  const step = (agent: Agent, o: Pick<Order, 'id'>, action: string, body: Record<string, unknown>) => agent.post(`/api/access-orders/${o.id}/${action}`, body);
  const get = async (agent: Agent, id: string) => expectBody(await agent.get(`/api/access-orders/${id}`), 200, orderDetail);
  const list = async (agent: Agent, qs: string) => expectBody(await agent.get(`/api/access-orders?${qs}`), 200, ordersPage);
  const count = async () => (await db.selectFrom('access_orders').select('id').execute()).length;

  it('walks the whole trail: order, approve, execute, the grant, a removal, execute, confirm — each step in the trail', async () => {
    let o = await order(chef, grantOrder({ accessRoleId: 'ar-admin', validTo: '2026-12-31' }));
    expect(o).toMatchObject({
      kind: 'grant', origin: 'ordered', state: 'awaiting_approval', approvalRequired: true, version: 1,
      system: { id: sys.id, name: 'Procapita', registerNo: sys.registerNo }, accessRole: { id: 'ar-admin', name: 'Administratör', privileged: true },
      person: { id: 'p-anna', name: 'Anna Anställd' }, orderer: { id: 'p-chef', name: 'Cecilia Chef' }, validTo: '2026-12-31', actions: ['cancel'],
    });
    // Waiting for Sara's approval: in her list, not in Bea's.
    expect((await list(sara, 'role=approver')).items.map((x) => [x.id, x.actions])).toEqual([[o.id, ['approve', 'reject']]]);
    expect((await list(bea, 'role=approver')).items).toEqual([]);
    // Ivar (the IT unit) cannot read Procapita: the order is not his to see until it waits for execution.
    expect((await ivar.get(`/api/access-orders/${o.id}`)).statusCode).toBe(404);
    expect((await list(chef, 'role=orderer')).total).toBe(1);

    // Bea is no approver: 403 naming who is; nothing changed.
    const notApprover = await step(bea, o, 'approve', { version: 1 });
    expect(notApprover.statusCode).toBe(403);
    expect(errorOf(notApprover).fields?.order).toContain('Systemägare');
    o = expectBody(await step(sara, o, 'approve', { version: 1, comment: 'OK för i år.' }), 200, orderDetail);
    expect(o).toMatchObject({ state: 'awaiting_execution', decidedBy: { id: 'p-sara' }, decisionComment: 'OK för i år.', version: 2 });

    // Bea and the IT unit both see it waiting for execution; the chef does not.
    expect((await list(bea, 'role=executor')).items.map((x) => x.actions)).toEqual([['execute']]);
    expect((await list(ivar, 'role=executor')).items.map((x) => x.id)).toEqual([o.id]);
    expect((await list(chef, 'role=executor')).items).toEqual([]);
    // Anna has no account in Procapita: the user name is needed.
    const noUser = await step(bea, o, 'execute', { version: 2, ticketRef: 'INC-1001' });
    expect(noUser.statusCode).toBe(400);
    expect(Object.keys(errorOf(noUser).fields ?? {})).toEqual(['username']);
    o = expectBody(await step(bea, o, 'execute', { version: 2, ticketRef: 'INC-1001', username: 'anna.a' }), 200, orderDetail);
    expect(o).toMatchObject({ state: 'done', executedBy: { id: 'p-bea' }, ticketRef: 'INC-1001', account: { username: 'anna.a' }, actions: [] });
    const grant = await db.selectFrom('access_grants').selectAll().where('id', '=', o.grantId!).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ system_id: sys.id, access_role_id: 'ar-admin', person_id: 'p-anna', origin: 'order', order_id: o.id, valid_to: '2026-12-31', ended_at: null });
    const account = await db.selectFrom('access_accounts').selectAll().where('id', '=', grant.account_id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ username: 'anna.a', person_id: 'p-anna', type: 'personal' });
    expect(o.trail.map((s) => [s.step, s.by])).toEqual([
      ['ordered', 'User chef@kommun.test'], ['approved', 'User sara@kommun.test'], ['executed', 'User bea@kommun.test'],
    ]);
    expect(o.trail[0]!.comment).toBe('Ny i hemtjänsten.');
    expect(o.trail[2]!.ticketRef).toBe('INC-1001');
    // Ordering it again: she holds it already.
    const again = await chef.post('/api/access-orders', grantOrder({ accessRoleId: 'ar-admin' }));
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).fields?.accessRoleId).toBeTruthy();

    // The removal needs no approval; a second one of the same grant is a 409.
    let removal = await order(chef, { kind: 'removal', grantId: grant.id, reason: 'Byter tjänst.' });
    expect(removal).toMatchObject({ kind: 'removal', state: 'awaiting_execution', approvalRequired: false, grantId: grant.id, account: { username: 'anna.a' } });
    const twice = await chef.post('/api/access-orders', { kind: 'removal', grantId: grant.id, reason: 'Igen.' });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).fields?.grantId).toBeTruthy();
    // The IT unit executes it (Ivar cannot read Procapita, yet the order is his to execute).
    removal = expectBody(await step(ivar, removal, 'execute', { version: 1, ticketRef: 'INC-1002' }), 200, orderDetail);
    expect(removal).toMatchObject({ state: 'done', executedBy: { id: 'p-ivar' }, confirmedAt: null });
    const ended = await db.selectFrom('access_grants').selectAll().where('id', '=', grant.id).executeTakeFirstOrThrow();
    expect(ended).toMatchObject({ end_reason: 'order', end_order_id: removal.id });
    expect(ended.ended_at).not.toBeNull();
    expect((await get(chef, removal.id)).actions).toEqual(['confirm']);
    expect((await step(ivar, removal, 'confirm', { version: 2 })).statusCode).toBe(403);
    removal = expectBody(await step(chef, removal, 'confirm', { version: 2, comment: 'Kontrollerat i Procapita.' }), 200, orderDetail);
    expect(removal).toMatchObject({ confirmedBy: { id: 'p-chef' }, actions: [] });
    expect(removal.confirmedAt).not.toBeNull();
    expect(removal.trail.map((s) => s.step)).toEqual(['ordered', 'executed', 'confirmed']);
    expect((await step(chef, removal, 'confirm', { version: 3 })).statusCode).toBe(409);

    // Every step is an audit event, and each marked the system for the findings.
    const events = await db.selectFrom('audit_events').select(['entity_type', 'action']).where('entity_type', 'in', ['access_order', 'access_grant', 'access_account']).orderBy('seq').execute();
    expect(events.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'access_order:order', 'access_order:approve', 'access_account:create', 'access_grant:start', 'access_order:execute',
      'access_order:order', 'access_grant:end', 'access_order:execute', 'access_order:confirm',
    ]);
  });

  it('refuses bad input with field messages', async () => {
    const empty = await chef.post('/api/access-orders', { kind: 'grant' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(errorOf(empty).fields ?? {})).toEqual(expect.arrayContaining(['systemId', 'accessRoleId', 'personId', 'reason', 'validFrom']));
    const cases: Array<[Record<string, unknown>, string]> = [
      [grantOrder({ validFrom: '15/4' }), 'validFrom'],
      [grantOrder({ validFrom: '2026-04-14' }), 'validFrom'],
      [grantOrder({ validFrom: '2026-05-01', validTo: '2026-04-30' }), 'validTo'],
      [grantOrder({ accessRoleId: 'ar-skola' }), 'accessRoleId'],
      [grantOrder({ accessRoleId: 'ar-old' }), 'accessRoleId'],
      [grantOrder({ accessRoleId: 'ar-nothing' }), 'accessRoleId'],
      [grantOrder({ personId: 'p-nobody' }), 'personId'],
      [grantOrder({ reason: '' }), 'reason'],
      [{ kind: 'removal', grantId: 'g-nothing', reason: 'x' }, 'grantId'],
      [{ kind: 'other' }, 'kind'],
    ];
    for (const [body, fieldName] of cases) {
      const res = await chef.post('/api/access-orders', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {}), JSON.stringify(body)).toContain(fieldName);
    }
    expect(await count()).toBe(0);

    // A role that is not privileged on a system without classification needs no approval…
    const plain = await order(chef, grantOrder());
    expect(plain).toMatchObject({ state: 'awaiting_execution', approvalRequired: false });
    // …but on a system classified konfidentialitet 3 it does.
    await db
      .insertInto('classifications')
      .values({
        id: 'c-1', system_id: sys.id, version: 1, status: 'approved', scale_id: 'k', scale_version: '1', level_confidentiality: 3,
        answers_json: '{}', justifications_json: '{}', method: 'other', row_version: 1, created_at: TEST_NOW, updated_at: TEST_NOW,
      })
      .execute();
    await insertPerson(db, { id: 'p-nils', name: 'Nils Ny', homeUnitId: 'hem' });
    const classified = await order(chef, grantOrder({ personId: 'p-nils' }));
    expect(classified).toMatchObject({ state: 'awaiting_approval', approvalRequired: true });
    // A rejection needs a comment; an execution a ticket.
    const noComment = await step(sara, classified, 'reject', { version: 1 });
    expect(noComment.statusCode).toBe(400);
    expect(Object.keys(errorOf(noComment).fields ?? {})).toEqual(['comment']);
    const rejected = expectBody(await step(sara, classified, 'reject', { version: 1, comment: 'Behövs inte.' }), 200, orderDetail);
    expect(rejected).toMatchObject({ state: 'rejected', decisionComment: 'Behövs inte.', actions: [] });
    const noTicket = await step(bea, plain, 'execute', { version: 1, ticketRef: '', username: 'anna' });
    expect(noTicket.statusCode).toBe(400);
    expect(Object.keys(errorOf(noTicket).fields ?? {})).toEqual(['ticketRef']);
    // A stale version is a 409.
    expect((await step(bea, plain, 'execute', { version: 2, ticketRef: 'INC-1', username: 'anna' })).statusCode).toBe(409);
  });

  it('refuses a chef outside the unit (403), another förvaltning (404), self-execution and a non-approver (403)', async () => {
    // Cecilia is no chef of Åbyskolan: 403, nothing written.
    const outside = await chef.post('/api/access-orders', grantOrder({ personId: 'p-olle' }));
    expect(outside.statusCode).toBe(403);
    expect(errorOf(outside).fields?.order).toContain('Chef');
    // Ulf is Olle's chef but cannot read Procapita: 404, nothing written.
    expect((await ulf.post('/api/access-orders', grantOrder({ personId: 'p-olle' }))).statusCode).toBe(404);
    expect(await count()).toBe(0);
    const events = (await db.selectFrom('audit_events').select('id').execute()).length;
    // An order on Skolportalen for Olle is his to make.
    expect((await order(ulf, grantOrder({ personId: 'p-olle', systemId: skola.id, accessRoleId: 'ar-skola' }))).state).toBe('awaiting_execution');

    // Cecilia's order on Procapita is invisible to Ulf: 404 on it and every step, nothing changed.
    const o = await order(chef, grantOrder());
    expect((await ulf.get(`/api/access-orders/${o.id}`)).statusCode).toBe(404);
    for (const [action, body] of Object.entries({
      approve: { version: 1 }, reject: { version: 1, comment: 'x' }, execute: { version: 1, ticketRef: 'x', username: 'x' }, cancel: { version: 1 }, confirm: { version: 1 },
    })) {
      expect((await step(ulf, o, action, body)).statusCode, action).toBe(404);
    }
    expect((await list(ulf, '')).items.map((x) => x.system.name)).toEqual(['Skolportalen']);
    expect((await get(chef, o.id)).version).toBe(1);
    expect((await db.selectFrom('audit_events').select('id').execute()).length).toBe(events + 2);

    // Cecilia also administers Procapita's access, but may not execute her own order; nor may Anna hers.
    await assignRole(db, { roleKey: 'behorighetsadministrator', personId: 'p-chef', systemId: sys.id });
    await assignRole(db, { roleKey: 'behorighetsadministrator', personId: 'p-anna', systemId: sys.id });
    expect((await get(chef, o.id)).actions).toEqual(['cancel']);
    const own = await step(chef, o, 'execute', { version: 1, ticketRef: 'INC-7', username: 'anna' });
    expect(own.statusCode).toBe(403);
    expect(errorOf(own).fields?.order).toMatch(/beställt/);
    const anna = await addUser(h, admin, 'anna@kommun.test', 'user');
    await grantOnUnit(db, 'anna@kommun.test', 'user', 'hem');
    await linkUserToPerson(db, 'anna@kommun.test', 'p-anna');
    expect((await step(anna, o, 'execute', { version: 1, ticketRef: 'INC-7', username: 'anna' })).statusCode).toBe(403);
    // Sara owns the system but neither executes nor (the order needs no approval) approves.
    expect((await step(sara, o, 'approve', { version: 1 })).statusCode).toBe(409);
    const saraExecutes = await step(sara, o, 'execute', { version: 1, ticketRef: 'INC-7', username: 'anna' });
    expect(saraExecutes.statusCode).toBe(403);
    expect(errorOf(saraExecutes).fields?.order).toContain('IT-enheten');
    expect((await step(sara, o, 'cancel', { version: 1 })).statusCode).toBe(403);
    expect(await db.selectFrom('access_grants').select('id').execute()).toEqual([]);
    // The orderer cancels it.
    const cancelled = expectBody(await step(chef, o, 'cancel', { version: 1, comment: 'Fel person.' }), 200, orderDetail);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledBy: 'User chef@kommun.test', actions: [] });
    expect(cancelled.trail.map((s) => [s.step, s.comment])).toEqual([['ordered', 'Ny i hemtjänsten.'], ['cancelled', 'Fel person.']]);
  });

  it('two concurrent executions of one order: one wins, the other is a 409, one grant', async () => {
    const o = await order(chef, grantOrder());
    const results = await Promise.all([
      step(bea, o, 'execute', { version: 1, ticketRef: 'INC-1', username: 'anna' }),
      step(ivar, o, 'execute', { version: 1, ticketRef: 'INC-2', username: 'anna' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await db.selectFrom('access_grants').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('access_accounts').select('id').execute()).toHaveLength(1);
    expect((await db.selectFrom('audit_events').select('id').where('entity_type', '=', 'access_order').where('action', '=', 'execute').execute()).length).toBe(1);
    // Anna has her account now: a second order of another role finds it without a user name.
    const next = await order(chef, grantOrder({ accessRoleId: 'ar-admin' }));
    const approved = expectBody(await step(sara, next, 'approve', { version: 1 }), 200, orderDetail);
    expect(expectBody(await step(bea, approved, 'execute', { version: 2, ticketRef: 'INC-3' }), 200, orderDetail).account?.username).toBe('anna');
  });

  it('a grant on an account of no person is removed by the system’s access administrator, not by a chef', async () => {
    await db
      .insertInto('access_accounts')
      .values({
        id: 'acc-x', system_id: sys.id, username: 'gammal', username_key: 'gammal', display_name: null, email: null, type: 'personal', status: 'active',
        person_id: null, last_login_at: null, created_at: TEST_NOW, updated_at: TEST_NOW, version: 1,
      })
      .execute();
    await db
      .insertInto('access_grants')
      .values({
        id: 'g-x', system_id: sys.id, account_id: 'acc-x', access_role_id: 'ar-read', person_id: null, origin: 'import', order_id: null, valid_from: '2025-01-01',
        valid_to: null, started_at: TEST_NOW, ended_at: null, end_reason: null, end_order_id: null, ended_by: null, created_at: TEST_NOW, version: 1,
      })
      .execute();
    const body = { kind: 'removal', grantId: 'g-x', reason: 'Okänt konto.' };
    expect((await chef.post('/api/access-orders', body)).statusCode).toBe(403);
    expect((await ulf.post('/api/access-orders', body)).statusCode).toBe(404);
    const o = await order(bea, body);
    expect(o).toMatchObject({ kind: 'removal', person: null, orderer: { id: 'p-bea' }, account: { username: 'gammal' } });
    // Bea ordered it, so Ivar of the IT unit executes it.
    expect((await get(bea, o.id)).actions).toEqual(['cancel']);
    expect(expectBody(await step(ivar, o, 'execute', { version: 1, ticketRef: 'INC-8' }), 200, orderDetail).state).toBe('done');
  });

  it('lists orders newest first, keyset-paginated with the total on the first page, filtered by state, system and person', async () => {
    await insertPerson(db, { id: 'p-nils', name: 'Nils Ny', homeUnitId: 'hem' });
    const a = await order(chef, grantOrder());
    h.clock.advance(1000);
    const b = await order(chef, grantOrder({ personId: 'p-nils' }));
    h.clock.advance(1000);
    const c = await order(chef, grantOrder({ accessRoleId: 'ar-admin' }));
    const first = await list(admin, 'limit=2');
    expect(first.items.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(first.total).toBe(3);
    const second = await list(admin, `limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((x) => x.id)).toEqual([a.id]);
    expect(second).toMatchObject({ total: null, nextCursor: null });
    expect((await list(admin, 'state=awaiting_approval')).items.map((x) => x.id)).toEqual([c.id]);
    expect((await list(admin, 'personId=p-nils')).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(admin, `systemId=${skola.id}`)).total).toBe(0);
    expect((await admin.get('/api/access-orders?cursor=bad')).statusCode).toBe(400);
    expect((await admin.get('/api/access-orders?role=nobody')).statusCode).toBe(400);
    // The administrator (grant over everything) may order and cancel, not approve or execute.
    expect((await get(admin, c.id)).actions).toEqual(['cancel']);
  });

  it('a full import of the system’s own list confirms a done removal whose access it no longer shows, and finishes an open one', async () => {
    const importList = async (rows: string[][]) => {
      const preview = await bea.post(`/api/systems/${sys.id}/access/import`, form(csv([['Användarnamn', 'Behörighet'], ...rows]), { mode: 'full' }));
      expect(preview.statusCode, preview.body).toBe(200);
      expect((await bea.post(`/api/access/imports/${(preview.json() as { id: string }).id}/apply`)).statusCode).toBe(200);
    };
    let o = await order(chef, grantOrder());
    o = expectBody(await step(bea, o, 'execute', { version: 1, ticketRef: 'INC-1', username: 'anna.a' }), 200, orderDetail);
    const grantId = o.grantId!;
    let removal = await order(chef, { kind: 'removal', grantId, reason: 'Byter tjänst.' });
    removal = expectBody(await step(ivar, removal, 'execute', { version: 1, ticketRef: 'INC-2' }), 200, orderDetail);
    expect(removal.confirmedAt).toBeNull();
    // The list still shows her access: nothing is confirmed, and the access is back as the system has it.
    await importList([['anna.a', 'Läsare'], ['bo.b', 'Läsare']]);
    expect((await get(chef, removal.id)).confirmedAt).toBeNull();
    const back = await db.selectFrom('access_grants').selectAll().where('account_id', '=', o.account!.id).where('ended_at', 'is', null).execute();
    expect(back.map((g) => g.origin)).toEqual(['import']);
    // Removed again by hand in the system, and a second removal order waits; the next list no longer shows her.
    const second = await order(chef, { kind: 'removal', grantId: back[0]!.id, reason: 'Fortfarande kvar.' });
    await importList([['bo.b', 'Läsare']]);
    const first = await get(chef, removal.id);
    expect(first.confirmedAt).not.toBeNull();
    expect(await get(chef, second.id)).toMatchObject({ state: 'done' });
    expect((await get(chef, second.id)).confirmedAt).not.toBeNull();
    expect(first.trail.at(-1)!.step).toBe('confirmed');
  });
});
