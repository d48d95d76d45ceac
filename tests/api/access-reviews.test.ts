import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { remindOverdueReviews } from '../../server/modules/access-reviews/jobs.ts';
import { itemsPage, reviewDetail, reviewsPage } from '../../server/modules/access-reviews/schemas.ts';
import { notificationsPage } from '../../server/modules/notifications/schemas.ts';
import type { Db } from '../../server/platform/db/index.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, TEST_NOW, type Harness } from './harness.ts';

type Item = z.infer<typeof itemsPage>['items'][number];

let seq = 0;

/** An account with an access role granted, straight in the database (the access routes belong to another module). */
async function grantAccess(
  db: Db,
  g: { systemId: string; username: string; personId: string | null; role: string; privileged?: boolean },
): Promise<string> {
  const at = TEST_NOW;
  const key = g.role.toLowerCase();
  let role = await db.selectFrom('access_roles').select('id').where('system_id', '=', g.systemId).where('name_key', '=', key).executeTakeFirst();
  if (!role) {
    role = { id: `role${++seq}` };
    await db.insertInto('access_roles').values({
      id: role.id, system_id: g.systemId, name: g.role, name_key: key, name_sort: key, description: null, privileged: g.privileged ? 1 : 0, status: 'active',
      created_at: at, updated_at: at, version: 1,
    }).execute();
  }
  const ukey = g.username.toLowerCase();
  let account = await db.selectFrom('access_accounts').select('id').where('system_id', '=', g.systemId).where('username_key', '=', ukey).executeTakeFirst();
  if (!account) {
    account = { id: `acc${++seq}` };
    await db.insertInto('access_accounts').values({
      id: account.id, system_id: g.systemId, username: g.username, username_key: ukey, display_name: null, email: null,
      type: g.personId ? 'personal' : 'service', status: 'active', person_id: g.personId, last_login_at: null, created_at: at, updated_at: at, version: 1,
    }).execute();
  }
  const id = `grant${String(++seq).padStart(4, '0')}`;
  await db.insertInto('access_grants').values({
    id, system_id: g.systemId, account_id: account.id, access_role_id: role.id, person_id: g.personId, origin: 'migration', order_id: null,
    valid_from: '2024-01-01', valid_to: null, started_at: at, ended_at: null, end_reason: null, end_order_id: null, ended_by: null, created_at: at, version: 1,
  }).execute();
  return id;
}

/**
 * Review campaigns (docs/ACCESS.md, "Reviews"). Procapita is owned by Hemtjänsten; Hanna leads Hemtjänsten, Sune
 * Socialförvaltningen above it; Anna works in Hemtjänst Norr (no chef of its own: Hanna reviews her). Frida is
 * Procapita's systemförvaltare, Åke its and Treserva's systemägare. Skolportalen is Utbildningsförvaltningen's.
 */
describe.each(dialects())('access review campaigns (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let socAdmin: Agent;
  let utbAdmin: Agent;
  let hanna: Agent;
  let frida: Agent;
  let olle: Agent;
  const sys: Record<string, string> = {};
  const grants: Record<string, string> = {};

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    await insertUnit(db, { id: 'norr', name: 'Hemtjänst Norr', parentId: 'hem' });
    sys.procapita = (await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'saas' })).id;
    sys.treserva = (await createSystem(admin, { name: 'Treserva', owningUnitId: 'soc', hosting: 'saas' })).id;
    sys.skola = (await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' })).id;
    sys.gammal = (await createSystem(admin, { name: 'Gamla journalen', owningUnitId: 'soc', hosting: 'saas' })).id;
    expect((await admin.post(`/api/systems/${sys.gammal}/lifecycle`, { version: 1, lifecycle: 'retired' })).statusCode).toBe(200);
    const people: Array<[string, string, string]> = [
      ['p-hanna', 'Hanna Hemchef', 'hem'], ['p-sune', 'Sune Socialchef', 'soc'], ['p-anna', 'Anna Andersson', 'norr'], ['p-bo', 'Bo Berg', 'hem'],
      ['p-frida', 'Frida Förvaltare', 'it'], ['p-ake', 'Åke Ägare', 'soc'], ['p-olle', 'Olle Lärare', 'skola'],
    ];
    for (const [id, name, homeUnitId] of people) await insertPerson(db, { id, name, homeUnitId });
    await assignRole(db, { roleKey: 'chef', personId: 'p-hanna', unitId: 'hem' });
    await assignRole(db, { roleKey: 'chef', personId: 'p-sune', unitId: 'soc' });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: sys.procapita });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-ake', systemId: sys.procapita });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-ake', systemId: sys.treserva });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-olle', systemId: sys.skola });
    grants.anna = await grantAccess(db, { systemId: sys.procapita, username: 'anna', personId: 'p-anna', role: 'Handläggare' });
    grants.annaAdm = await grantAccess(db, { systemId: sys.procapita, username: 'anna', personId: 'p-anna', role: 'Admin', privileged: true });
    grants.bo = await grantAccess(db, { systemId: sys.procapita, username: 'bo', personId: 'p-bo', role: 'Handläggare' });
    grants.hanna = await grantAccess(db, { systemId: sys.procapita, username: 'hanna', personId: 'p-hanna', role: 'Handläggare' });
    grants.frida = await grantAccess(db, { systemId: sys.procapita, username: 'frida', personId: 'p-frida', role: 'Admin' });
    grants.service = await grantAccess(db, { systemId: sys.treserva, username: 'svc-batch', personId: null, role: 'Läsare' });
    grants.boTreserva = await grantAccess(db, { systemId: sys.treserva, username: 'bo', personId: 'p-bo', role: 'Läsare' });
    grants.olle = await grantAccess(db, { systemId: sys.skola, username: 'olle', personId: 'p-olle', role: 'Lärare' });
    const user = async (email: string, role: 'administrator' | 'user', unit: string, person?: string) => {
      const agent = await addUser(h, admin, email, role);
      await grantOnUnit(db, email, role, unit);
      if (person) await linkUserToPerson(db, email, person);
      return agent;
    };
    socAdmin = await user('soc-admin@kommun.test', 'administrator', 'soc');
    utbAdmin = await user('utb-admin@kommun.test', 'administrator', 'utb');
    hanna = await user('hanna@kommun.test', 'user', 'hem', 'p-hanna');
    frida = await user('frida@kommun.test', 'user', 'it', 'p-frida');
    olle = await user('olle@kommun.test', 'user', 'skola', 'p-olle');
  });
  afterEach(async () => h.close());

  const start = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/access-reviews', { name: 'Behörighetskontroll VT 2026', dueOn: '2026-05-15', ...body });
  const reviewersOf = async (reviewId: string) => {
    const rows = await h.handle.db.selectFrom('access_review_reviewers').select(['grant_id', 'reviewer_person_id', 'role_key']).where('review_id', '=', reviewId).execute();
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.grant_id] ??= []).push(`${r.reviewer_person_id}:${r.role_key}`);
    for (const k of Object.keys(out)) out[k]!.sort();
    return out;
  };
  const auditOf = (reviewId: string) =>
    h.handle.db.selectFrom('audit_events').select(['action', 'after_json']).where('entity_type', '=', 'access_review').where('entity_id', '=', reviewId).execute();
  const items = async (agent: Agent, id: string, qs: string) => expectBody(await agent.get(`/api/access-reviews/${id}/items?${qs}`), 200, itemsPage);
  /** Every item, a page of `limit` at a time. */
  const walk = async (agent: Agent, id: string, qs: string, limit: number): Promise<Item[]> => {
    const out: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await items(agent, id, `${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  it('starts a campaign over chosen systems: every current grant with its reviewers, one audit event with the counts', async () => {
    const review = expectBody(await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita, sys.treserva] }), 201, reviewDetail);
    expect(review).toMatchObject({ scope: 'systems', unit: null, systems: 2, state: 'open', overdue: false, progress: { total: 7, decided: 0 } });
    expect(review.may).toMatchObject({ close: true, evidence: true, decide: false });
    expect(await reviewersOf(review.id)).toEqual({
      // Anna's unit has no chef: Hanna, of the unit above, reviews her, with Procapita's systemförvaltare.
      [grants.anna!]: ['p-frida:systemforvaltare', 'p-hanna:chef'],
      [grants.annaAdm!]: ['p-frida:systemforvaltare', 'p-hanna:chef'],
      [grants.bo!]: ['p-frida:systemforvaltare', 'p-hanna:chef'],
      // Hanna does not review her own grant: the chef above her does.
      [grants.hanna!]: ['p-frida:systemforvaltare', 'p-sune:chef'],
      // Frida's unit has no chef and she is its systemförvaltare: nobody else reviews it, so the systemägare does.
      [grants.frida!]: ['p-ake:systemagare'],
      // A service account of no person, on a system without a systemförvaltare: the systemägare.
      [grants.service!]: ['p-ake:systemagare'],
      [grants.boTreserva!]: ['p-hanna:chef'],
    });
    const items = await h.handle.db.selectFrom('access_review_items').select(['grant_id', 'privileged']).where('review_id', '=', review.id).execute();
    expect(items.find((i) => i.grant_id === grants.annaAdm)?.privileged).toBe(1);
    const audit = await auditOf(review.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ systems: 2, items: 7, reviewers: 4, withoutReviewer: 0 });
    expect(expectBody(await admin.get(`/api/access-reviews/${review.id}`), 200, reviewDetail).reviewers.map((r) => [r.person.name, r.total])).toEqual([
      ['Frida Förvaltare', 4], ['Hanna Hemchef', 4], ['Sune Socialchef', 1], ['Åke Ägare', 2],
    ]);
  });

  it('starts a campaign over a unit and the units below it, leaving out retired systems and other units’ systems', async () => {
    const review = expectBody(await start(socAdmin, { scope: 'unit', unitId: 'soc' }), 201, reviewDetail);
    expect(review).toMatchObject({ scope: 'unit', unit: { id: 'soc', name: 'Socialförvaltningen' }, systems: 2, progress: { total: 7 } });
    const covered = await h.handle.db.selectFrom('access_review_systems').select('system_id').where('review_id', '=', review.id).execute();
    expect(covered.map((c) => c.system_id).sort()).toEqual([sys.procapita, sys.treserva].sort());
  });

  it('refuses a past due date, an empty scope, unknown systems, someone not an administrator and another förvaltning’s administrator', async () => {
    const count = async () => (await h.handle.db.selectFrom('access_reviews').selectAll().execute()).length;
    const past = await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita], dueOn: '2026-04-14' });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(errorOf(past).fields ?? {})).toEqual(['dueOn']);
    expect((await start(socAdmin, { scope: 'systems', systemIds: [] })).statusCode).toBe(400);
    const retiredOnly = await start(socAdmin, { scope: 'systems', systemIds: [sys.gammal] });
    expect(retiredOnly.statusCode).toBe(400);
    expect(errorOf(retiredOnly).fields?.systemIds).toBeTruthy();
    const emptyUnit = await start(utbAdmin, { scope: 'unit', unitId: 'skola' });
    expect(emptyUnit.statusCode).toBe(400);
    expect(errorOf(emptyUnit).fields?.unitId).toBeTruthy();
    expect(errorOf(await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita, 'nope'] })).fields?.systemIds).toContain('1');
    const foreign = await start(utbAdmin, { scope: 'systems', systemIds: [sys.procapita, sys.skola] });
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).fields?.systemIds).toContain('1');
    expect((await start(utbAdmin, { scope: 'unit', unitId: 'soc' })).statusCode).toBe(403);
    expect((await start(hanna, { scope: 'systems', systemIds: [sys.procapita] })).statusCode).toBe(403);
    expect(await count()).toBe(0);
  });

  it('a reviewer’s inbox, grouped by system and by person, keyset-paginated, with filters', async () => {
    const review = expectBody(await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita, sys.treserva] }), 201, reviewDetail);
    const bySystem = await items(hanna, review.id, 'reviewer=me&group=system');
    expect(bySystem.total).toBe(4);
    expect(bySystem.items.map((i) => i.grantId).sort()).toEqual([grants.anna, grants.annaAdm, grants.bo, grants.boTreserva].sort());
    const systemsInOrder = bySystem.items.map((i) => i.system.id);
    expect(systemsInOrder.filter((s, i) => i === 0 || s !== systemsInOrder[i - 1])).toHaveLength(2);
    expect(await walk(hanna, review.id, 'reviewer=me&group=system', 1)).toEqual(bySystem.items);
    const byPerson = await items(hanna, review.id, 'reviewer=me&group=person');
    const peopleInOrder = byPerson.items.map((i) => i.person?.id);
    expect(peopleInOrder.filter((p, i) => i === 0 || p !== peopleInOrder[i - 1])).toHaveLength(2);
    expect(await walk(hanna, review.id, 'reviewer=me&group=person', 1)).toEqual(byPerson.items);
    const adm = bySystem.items.find((i) => i.grantId === grants.annaAdm)!;
    expect(adm).toMatchObject({
      system: { id: sys.procapita, name: 'Procapita', registerNo: expect.stringMatching(/^SYS-/) },
      person: { id: 'p-anna', name: 'Anna Andersson' },
      account: { username: 'anna', type: 'personal' },
      accessRole: { name: 'Admin', privileged: true },
      since: '2024-01-01', origin: 'migration', decision: null, decidedBy: null, version: 1,
      reviewers: ['Frida Förvaltare', 'Hanna Hemchef'],
    });
    expect((await items(hanna, review.id, `reviewer=me&systemId=${sys.treserva}`)).items.map((i) => i.grantId)).toEqual([grants.boTreserva]);
    const fridas = await walk(frida, review.id, 'reviewer=me&group=person', 3);
    expect(fridas.map((i) => i.grantId).sort()).toEqual([grants.anna, grants.annaAdm, grants.bo, grants.hanna].sort());
    expect((await items(hanna, review.id, 'reviewer=me&group=person&personId=p-bo')).total).toBe(2);
    // Someone who only reviews sees their own items whatever they ask; the administrator sees them all, both ways.
    expect((await items(hanna, review.id, 'group=system')).total).toBe(4);
    const all = await walk(socAdmin, review.id, 'group=person', 2);
    expect(all).toHaveLength(7);
    expect(all[all.length - 1]).toMatchObject({ grantId: grants.service, person: null });
    expect((await walk(socAdmin, review.id, 'group=system', 3)).map((i) => i.grantId).sort()).toEqual(Object.values(grants).filter((g) => g !== grants.olle).sort());
    expect((await items(socAdmin, review.id, 'reviewer=me')).total).toBe(0);
    expect((await items(hanna, review.id, 'reviewer=me&decided=true')).total).toBe(0);
    expect((await hanna.get(`/api/access-reviews/${review.id}/items?cursor=bad`)).statusCode).toBe(400);
    // The reviewer sees the campaign, their own progress only.
    const seen = expectBody(await hanna.get(`/api/access-reviews/${review.id}`), 200, reviewDetail);
    expect(seen).toMatchObject({ mine: { total: 4, decided: 0 }, may: { close: false, evidence: false, decide: true } });
    expect(seen.reviewers.map((r) => r.person.id)).toEqual(['p-hanna']);
    expect(expectBody(await hanna.get('/api/access-reviews'), 200, reviewsPage).items.map((r) => r.id)).toEqual([review.id]);
  });

  it('is not there for another förvaltning’s administrator or someone who reviews nothing in it (404, nothing changed)', async () => {
    const review = expectBody(await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita] }), 201, reviewDetail);
    for (const agent of [utbAdmin, olle]) {
      expect((await agent.get(`/api/access-reviews/${review.id}`)).statusCode).toBe(404);
      expect((await agent.get(`/api/access-reviews/${review.id}/items`)).statusCode).toBe(404);
      expect((await agent.get(`/api/access-reviews/${review.id}/evidence.xlsx`)).statusCode).toBe(404);
      expect((await agent.get(`/api/access-reviews/${review.id}/evidence.pdf`)).statusCode).toBe(404);
      expect((await agent.post(`/api/access-reviews/${review.id}/close`, { version: 1 })).statusCode).toBe(404);
      const decision = await agent.post(`/api/access-reviews/${review.id}/decisions`, { decisions: [{ grantId: grants.bo, decision: 'keep', version: 1 }] });
      expect(decision.statusCode).toBe(404);
      expect(expectBody(await agent.get('/api/access-reviews'), 200, reviewsPage)).toMatchObject({ items: [], total: 0 });
    }
    expect(expectBody(await socAdmin.get(`/api/access-reviews/${review.id}`), 200, reviewDetail)).toMatchObject({ state: 'open', version: 1, progress: { decided: 0 } });
    expect(expectBody(await admin.get('/api/access-reviews'), 200, reviewsPage).total).toBe(1);
  });

  it('reminds the reviewers after the due date and weekly, escalates to the systemägare once, a week late', async () => {
    const review = expectBody(await start(socAdmin, { scope: 'systems', systemIds: [sys.procapita] }), 201, reviewDetail);
    const db = h.handle.db;
    const row = () => db.selectFrom('access_reviews').select(['reminded_on', 'escalated_on']).where('id', '=', review.id).executeTakeFirstOrThrow();
    const told = async () =>
      (await db.selectFrom('notifications').select(['person_id', 'kind', 'system_id', 'params_json']).where('kind', 'in', ['access_review_reminder', 'access_review_escalated'])
        .orderBy('person_id').orderBy('created_at').execute())
        .map((n) => `${n.person_id}:${n.kind}:${n.system_id ?? ''}:${(JSON.parse(n.params_json) as { count: number }).count}`);
    const toDay = (day: string) => h.clock.advance(Date.parse(`${day}T06:00:00Z`) - h.clock.now().getTime());
    await h.app.background.jobs.runDue();
    expect(await row()).toEqual({ reminded_on: null, escalated_on: null });

    // The day after the due date: each reviewer with undecided items is reminded, with their own count.
    toDay('2026-05-16');
    await h.app.background.jobs.runDue();
    expect(await row()).toEqual({ reminded_on: '2026-05-16', escalated_on: null });
    expect(await told()).toEqual([
      'p-frida:access_review_reminder::4', 'p-hanna:access_review_reminder::3', 'p-sune:access_review_reminder::1',
      'p-ake:access_review_reminder::1',
    ].sort());
    await hanna.login('hanna@kommun.test');
    const mine = expectBody(await hanna.get('/api/me/notifications'), 200, notificationsPage).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'access_review_reminder', path: `/access-reviews/${review.id}/inbox` });
    expect(mine[0]!.text).toBe('Behörighetsgranskningen ”Behörighetskontroll VT 2026” skulle ha varit klar 2026-05-15. Beslut som väntar på dig: 3');

    // Hanna decides hers; the next days tell nobody, two instances running the job at once tell once.
    const items = expectBody(await hanna.get(`/api/access-reviews/${review.id}/items?reviewer=me`), 200, itemsPage).items;
    const decided = await hanna.post(`/api/access-reviews/${review.id}/decisions`, {
      decisions: items.map((i: Item) => ({ grantId: i.grantId, decision: 'keep', version: i.version, comment: 'Behövs i tjänsten.' })),
    });
    expect(decided.statusCode).toBe(200);
    toDay('2026-05-17');
    await Promise.all([remindOverdueReviews(h.services), remindOverdueReviews(h.services)]);
    expect(await told()).toHaveLength(4);

    // A week later: reminded again (not Hanna, who is done), and Åke, Procapita's systemägare, is told once.
    toDay('2026-05-23');
    await Promise.all([remindOverdueReviews(h.services), remindOverdueReviews(h.services)]);
    expect(await row()).toEqual({ reminded_on: '2026-05-23', escalated_on: '2026-05-23' });
    const after = await told();
    expect(after.filter((n) => n.startsWith('p-hanna'))).toHaveLength(1);
    expect(after.filter((n) => n.startsWith('p-frida'))).toEqual(['p-frida:access_review_reminder::4', 'p-frida:access_review_reminder::1']);
    expect(after.filter((n) => n.includes('escalated'))).toEqual([`p-ake:access_review_escalated:${sys.procapita}:2`]);
    const actions = (await auditOf(review.id)).map((a) => a.action);
    expect(actions).toEqual(['create', 'remind', 'decide', 'decide', 'decide', 'escalate', 'remind']);
    expect(JSON.parse((await auditOf(review.id))[1]!.after_json!)).toMatchObject({ undecided: 5, reviewers: 4 });
    toDay('2026-05-24');
    expect(await remindOverdueReviews(h.services)).toBe(0);
  });
});
