import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endGrant } from '../../server/modules/access/index.ts';
import { confirmRemovalsOfEndedGrants, orderDueRemovals, orderRemovals } from '../../server/modules/access-orders/index.ts';
import { orderDetail, ordersPage } from '../../server/modules/access-orders/schemas.ts';
import { inTransaction } from '../../server/platform/audit/audit.ts';
import { settled } from '../../server/platform/changes.ts';
import { servicesOf, systemCtx } from '../../server/platform/context.ts';
import { createDb, type Db } from '../../server/platform/db/index.ts';
import { fold, sortKey } from '../../server/platform/text.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, TEST_NOW, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/** Access roles, accounts and grants straight in the database (the access module owns their API). */
async function insertAccess(db: Db, systemId: string, roles: string[], grants: Array<{ id: string; person: string; role: string; validTo?: string; ended?: boolean }>) {
  for (const name of roles) {
    await db
      .insertInto('access_roles')
      .values({
        id: `ar-${fold(name)}`, system_id: systemId, name, name_key: fold(name), name_sort: sortKey(name), description: null,
        privileged: 0, status: 'active', created_at: TEST_NOW, updated_at: TEST_NOW, version: 1,
      })
      .execute();
  }
  for (const g of grants) {
    const accountId = `acc-${systemId}-${g.person}`;
    const exists = await db.selectFrom('access_accounts').select('id').where('id', '=', accountId).executeTakeFirst();
    if (!exists) {
      await db
        .insertInto('access_accounts')
        .values({
          id: accountId, system_id: systemId, username: g.person, username_key: g.person, display_name: null, email: null, type: 'personal',
          status: 'active', person_id: g.person, last_login_at: null, created_at: TEST_NOW, updated_at: TEST_NOW, version: 1,
        })
        .execute();
    }
    await db
      .insertInto('access_grants')
      .values({
        id: g.id, system_id: systemId, account_id: accountId, access_role_id: `ar-${fold(g.role)}`, person_id: g.person, origin: 'migration', order_id: null,
        valid_from: '2025-01-01', valid_to: g.validTo ?? null, started_at: TEST_NOW, ended_at: g.ended ? TEST_NOW : null, end_reason: g.ended ? 'import' : null,
        end_order_id: null, ended_by: null, created_at: TEST_NOW, version: 1,
      })
      .execute();
  }
}

/**
 * Offboarding and expiry (docs/ACCESS.md): Anna (Hemtjänsten) holds two roles in Procapita and one in Skolportalen,
 * and an ended one; Bo's Procapita role is temporary, to 20 April 2026; Carl's is not. Bea executes Procapita's orders.
 */
describe.each(dialects())('offboarding and expiry removals (%s)', (dialect) => {
  let h: Harness;
  let db: Db;
  let admin: Agent;
  let bea: Agent;
  let sys: SystemJson;
  let skola: SystemJson;

  beforeEach(async () => {
    h = await createHarness(dialect);
    db = h.handle.db;
    admin = await setupAdmin(h);
    await insertSystemsKommun(db);
    sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    skola = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' });
    for (const [id, name] of [['p-anna', 'Anna Anställd'], ['p-bo', 'Bo Vikarie'], ['p-carl', 'Carl Kvar'], ['p-bea', 'Bea Behörighet']] as const) {
      await insertPerson(db, { id, name, homeUnitId: 'hem' });
    }
    await insertAccess(db, sys.id, ['Läsare', 'Handläggare'], [
      { id: 'g-a1', person: 'p-anna', role: 'Läsare' },
      { id: 'g-a2', person: 'p-anna', role: 'Handläggare' },
      { id: 'g-a4', person: 'p-anna', role: 'Läsare', ended: true },
      { id: 'g-b1', person: 'p-bo', role: 'Läsare', validTo: '2026-04-20' },
      { id: 'g-c1', person: 'p-carl', role: 'Läsare' },
    ]);
    await insertAccess(db, skola.id, ['Lärare'], [{ id: 'g-a3', person: 'p-anna', role: 'Lärare' }]);
    await assignRole(db, { roleKey: 'behorighetsadministrator', personId: 'p-bea', systemId: sys.id });
    bea = await addUser(h, admin, 'bea@kommun.test', 'user');
    await grantOnUnit(db, 'bea@kommun.test', 'user', 'soc');
    await linkUserToPerson(db, 'bea@kommun.test', 'p-bea');
  });
  afterEach(async () => h.close());

  const removals = () =>
    db.selectFrom('access_orders').select(['id', 'grant_id', 'origin', 'state', 'person_id', 'ordered_by_person_id', 'review_id']).where('kind', '=', 'removal').orderBy('grant_id').execute();

  it('a person marked left gets a removal order for each current grant; running again makes nothing twice', async () => {
    const res = await admin.request('PATCH', '/api/people/p-anna', { version: 1, status: 'left' });
    expect(res.statusCode, res.body).toBe(200);
    await settled(db);
    const made = await removals();
    expect(made.map((o) => [o.grant_id, o.origin, o.state, o.person_id, o.ordered_by_person_id])).toEqual([
      ['g-a1', 'offboarding', 'awaiting_execution', 'p-anna', null],
      ['g-a2', 'offboarding', 'awaiting_execution', 'p-anna', null],
      ['g-a3', 'offboarding', 'awaiting_execution', 'p-anna', null],
    ]);
    const audited = await db.selectFrom('audit_events').select('entity_id').where('entity_type', '=', 'access_order').where('action', '=', 'order').execute();
    expect(audited.map((e) => e.entity_id).sort()).toEqual(made.map((o) => o.id).sort());
    // They wait for execution, with no orderer, in the list of whoever executes on Procapita.
    const waiting = expectBody(await bea.get('/api/access-orders?role=executor'), 200, ordersPage);
    expect(waiting.items.map((o) => [o.origin, o.orderer, o.person?.name, o.actions])).toEqual([
      ['offboarding', null, 'Anna Anställd', ['execute']],
      ['offboarding', null, 'Anna Anställd', ['execute']],
    ]);

    expect(await orderDueRemovals(h.services)).toBe(0);
    await h.app.background.jobs.runDue();
    expect(await removals()).toHaveLength(3);

    // Executed, the grant ends as offboarding; the order is not made again.
    const first = waiting.items[0]!;
    const done = expectBody(await bea.post(`/api/access-orders/${first.id}/execute`, { version: first.version, ticketRef: 'INC-9' }), 200, orderDetail);
    expect(done.state).toBe('done');
    const grant = await db.selectFrom('access_grants').select(['end_reason', 'end_order_id']).where('id', '=', done.grantId!).executeTakeFirstOrThrow();
    expect(grant).toEqual({ end_reason: 'offboarding', end_order_id: first.id });
    expect(await orderDueRemovals(h.services)).toBe(0);
  });

  it('a person marked left by mistake and made active again keeps their access: waiting removals are cancelled, executed ones stay', async () => {
    expect((await admin.request('PATCH', '/api/people/p-anna', { version: 1, status: 'left' })).statusCode).toBe(200);
    await settled(db);
    const waiting = expectBody(await bea.get('/api/access-orders?role=executor'), 200, ordersPage).items;
    const first = waiting[0]!;
    expect((await bea.post(`/api/access-orders/${first.id}/execute`, { version: first.version, ticketRef: 'INC-10' })).statusCode).toBe(200);
    const back = await admin.request('PATCH', '/api/people/p-anna', { version: 2, status: 'active' });
    expect(back.statusCode, back.body).toBe(200);
    await settled(db);
    expect((await removals()).map((o) => [o.grant_id, o.state])).toEqual([
      [first.grantId, 'done'],
      ...['g-a1', 'g-a2', 'g-a3'].filter((g) => g !== first.grantId).map((g) => [g, 'cancelled']),
    ].sort());
    const cancelled = await db.selectFrom('audit_events').select(['entity_id', 'after_json']).where('entity_type', '=', 'access_order').where('action', '=', 'cancel').execute();
    expect(cancelled).toHaveLength(2);
    expect(JSON.parse(cancelled[0]!.after_json!)).toEqual({ state: 'cancelled', personActive: true });
    expect(expectBody(await bea.get('/api/access-orders?role=executor'), 200, ordersPage).items).toEqual([]);
    // Nothing more happens on the next runs, and Anna's other grants are current.
    expect(await orderDueRemovals(h.services)).toBe(0);
    const current = await db.selectFrom('access_grants').select('id').where('person_id', '=', 'p-anna').where('ended_at', 'is', null).orderBy('id').execute();
    expect(current.map((g) => g.id)).toEqual(['g-a1', 'g-a2', 'g-a3'].filter((g) => g !== first.grantId));
  });

  it('a temporary grant past its last day gets an expiry removal from the hourly job', async () => {
    expect(await orderDueRemovals(h.services)).toBe(0);
    // 20 April is its last day: on the 20th nothing, on the 21st the removal.
    h.clock.advance(Date.parse('2026-04-20T20:00:00Z') - h.clock.now().getTime());
    await h.app.background.jobs.runDue();
    expect(await removals()).toEqual([]);
    h.clock.advance(Date.parse('2026-04-21T06:00:00Z') - h.clock.now().getTime());
    await h.app.background.jobs.runDue();
    expect((await removals()).map((o) => [o.grant_id, o.origin, o.state])).toEqual([['g-b1', 'expiry', 'awaiting_execution']]);
    const job = await db.selectFrom('jobs').select(['state']).where('kind', '=', 'access.removals').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(job.state).toBe('done');
    expect(await orderDueRemovals(h.services)).toBe(0);
    expect(await removals()).toHaveLength(1);
  });

  it('two instances ordering at once make each removal once', async () => {
    await db.updateTable('people').set({ status: 'left', left_at: TEST_NOW }).where('id', 'in', ['p-anna', 'p-carl']).execute();
    h.clock.advance(7 * 24 * 60 * 60 * 1000);
    // PostgreSQL: a second instance with its own pool. SQLite has one instance per file (its writes are serial): the
    // runs meet on one connection.
    const other =
      dialect === 'postgres' ? createDb({ dataDir: h.config.dataDir, databaseUrl: process.env.ANSVAR_TEST_PG_URL, ...(h.schema ? { schema: h.schema } : {}) }) : null;
    try {
      const second = other ? servicesOf(other, h.config, h.clock.now) : h.services;
      const counts = await Promise.all([orderDueRemovals(h.services), orderDueRemovals(second), orderDueRemovals(h.services), orderDueRemovals(second)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    } finally {
      await other?.destroy();
    }
    expect((await removals()).map((o) => [o.grant_id, o.origin])).toEqual([
      ['g-a1', 'offboarding'], ['g-a2', 'offboarding'], ['g-a3', 'offboarding'], ['g-b1', 'expiry'], ['g-c1', 'offboarding'],
    ]);
  });

  it('a review’s removals reuse an open removal, and an import that no longer shows a grant confirms its removal', async () => {
    const ctx = { ...systemCtx(h.services), origin: 'api' as const };
    const first = await inTransaction(ctx, (trx) =>
      orderRemovals(trx, ctx, [
        { grantId: 'g-c1', origin: 'review', reviewId: 'r-1', reason: 'Behövs inte längre.' },
        { grantId: 'g-a1', origin: 'review', reviewId: 'r-1', reason: null },
        { grantId: 'g-a4', origin: 'review', reviewId: 'r-1', reason: null },
      ]),
    );
    expect([...first.keys()].sort()).toEqual(['g-a1', 'g-c1']);
    const again = await inTransaction(ctx, (trx) => orderRemovals(trx, ctx, [{ grantId: 'g-c1', origin: 'review', reviewId: 'r-2', reason: null }]));
    expect(again.get('g-c1')).toBe(first.get('g-c1'));
    expect((await removals()).map((o) => [o.grant_id, o.origin, o.review_id])).toEqual([
      ['g-a1', 'review', 'r-1'],
      ['g-c1', 'review', 'r-1'],
    ]);

    // Bea executes Anna's; an import then shows both grants gone: Anna's removal is confirmed, Carl's done and confirmed.
    const annas = expectBody(await bea.get(`/api/access-orders/${first.get('g-a1')}`), 200, orderDetail);
    expectBody(await bea.post(`/api/access-orders/${annas.id}/execute`, { version: 1, ticketRef: 'INC-5' }), 200, orderDetail);
    const changed = await inTransaction(ctx, async (trx) => {
      await endGrant(trx, ctx, { grantId: 'g-c1', reason: 'import', orderId: null });
      return confirmRemovalsOfEndedGrants(trx, ctx, ['g-a1', 'g-c1', 'g-b1']);
    });
    expect(changed).toBe(2);
    const anna = expectBody(await bea.get(`/api/access-orders/${annas.id}`), 200, orderDetail);
    expect(anna).toMatchObject({ state: 'done', confirmedBy: null, actions: [] });
    expect(anna.confirmedAt).not.toBeNull();
    expect(anna.trail.map((s) => s.step)).toEqual(['ordered', 'executed', 'confirmed']);
    const carl = expectBody(await bea.get(`/api/access-orders/${first.get('g-c1')}`), 200, orderDetail);
    expect(carl).toMatchObject({ state: 'done', executedBy: null, confirmedBy: null });
    expect(carl.trail.map((s) => [s.step, s.by])).toEqual([['ordered', null], ['executed', null], ['confirmed', null]]);
    // Nothing more to confirm.
    expect(await inTransaction(ctx, (trx) => confirmRemovalsOfEndedGrants(trx, ctx, ['g-a1', 'g-c1']))).toBe(0);
  });
});
