import { inflateSync } from 'node:zlib';
import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionsResult, itemsPage, reviewDetail } from '../../server/modules/access-reviews/schemas.ts';
import type { Db } from '../../server/platform/db/index.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, TEST_NOW, type Harness } from './harness.ts';

let seq = 0;

/** An account of the person with an access role granted, straight in the database (the access routes are another module's). */
async function grantAccess(db: Db, g: { systemId: string; username: string; personId: string; role: string; privileged?: boolean }): Promise<string> {
  const at = TEST_NOW;
  const n = ++seq;
  await db.insertInto('access_roles').values({
    id: `role${n}`, system_id: g.systemId, name: g.role, name_key: `${g.role.toLowerCase()}${n}`, name_sort: g.role.toLowerCase(), description: null,
    privileged: g.privileged ? 1 : 0, status: 'active', created_at: at, updated_at: at, version: 1,
  }).execute();
  await db.insertInto('access_accounts').values({
    id: `acc${n}`, system_id: g.systemId, username: g.username, username_key: `${g.username}${n}`, display_name: null, email: null, type: 'personal',
    status: 'active', person_id: g.personId, last_login_at: null, created_at: at, updated_at: at, version: 1,
  }).execute();
  const id = `grant${String(n).padStart(4, '0')}`;
  await db.insertInto('access_grants').values({
    id, system_id: g.systemId, account_id: `acc${n}`, access_role_id: `role${n}`, person_id: g.personId, origin: 'import', order_id: null,
    valid_from: '2025-02-01', valid_to: null, started_at: at, ended_at: null, end_reason: null, end_order_id: null, ended_by: null, created_at: at, version: 1,
  }).execute();
  return id;
}

/** The text a PDF shows: its content streams inflated, the hex strings of their Tj operators read as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const content = inflateSync(pdf.subarray(start + 7, end)).toString('latin1');
    for (const [, hex] of content.matchAll(/<([0-9a-f]*)> Tj/g)) out.push(Buffer.from(hex!, 'hex').toString('latin1'));
    at = end + 10;
  }
  return out.join('\n');
}

/**
 * Decisions, closing and evidence (docs/ACCESS.md, "Reviews"). Procapita is owned by Hemtjänsten: Hanna leads it and
 * Frida is its systemförvaltare, so both review Anna's and Bo's grants; Frida's own grant goes to Åke, its systemägare.
 */
describe.each(dialects())('access review decisions (%s)', (dialect) => {
  let h: Harness;
  let socAdmin: Agent;
  let hanna: Agent;
  let frida: Agent;
  let reviewId: string;
  const g: Record<string, string> = {};

  beforeEach(async () => {
    h = await createHarness(dialect);
    const admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    const procapita = (await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'saas' })).id;
    for (const [id, name, unit] of [['p-hanna', 'Hanna Hemchef', 'hem'], ['p-anna', 'Anna Andersson', 'hem'], ['p-bo', 'Bo Berg', 'hem'], ['p-frida', 'Frida Förvaltare', 'it'], ['p-ake', 'Åke Ägare', 'soc']] as const) {
      await insertPerson(db, { id, name, homeUnitId: unit });
    }
    await assignRole(db, { roleKey: 'chef', personId: 'p-hanna', unitId: 'hem' });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: procapita });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-ake', systemId: procapita });
    g.anna = await grantAccess(db, { systemId: procapita, username: 'anna', personId: 'p-anna', role: 'Handläggare' });
    g.annaAdm = await grantAccess(db, { systemId: procapita, username: 'anna.adm', personId: 'p-anna', role: 'Systemadministratör', privileged: true });
    g.bo = await grantAccess(db, { systemId: procapita, username: 'bo', personId: 'p-bo', role: 'Handläggare' });
    g.frida = await grantAccess(db, { systemId: procapita, username: 'frida', personId: 'p-frida', role: 'Läsare' });
    const user = async (email: string, role: 'administrator' | 'user', unit: string, person?: string) => {
      const agent = await addUser(h, admin, email, role);
      await grantOnUnit(db, email, role, unit);
      if (person) await linkUserToPerson(db, email, person);
      return agent;
    };
    socAdmin = await user('soc-admin@kommun.test', 'administrator', 'soc');
    hanna = await user('hanna@kommun.test', 'user', 'hem', 'p-hanna');
    frida = await user('frida@kommun.test', 'user', 'it', 'p-frida');
    const made = await socAdmin.post('/api/access-reviews', { name: 'Behörighetskontroll Procapita', dueOn: '2026-05-15', scope: 'systems', systemIds: [procapita] });
    reviewId = expectBody(made, 201, reviewDetail).id;
  });
  afterEach(async () => h.close());

  const decide = (agent: Agent, decisions: Array<Record<string, unknown>>) => agent.post(`/api/access-reviews/${reviewId}/decisions`, { decisions });
  const itemRows = () =>
    h.handle.db.selectFrom('access_review_items').select(['grant_id', 'decision', 'comment', 'version', 'removal_order_id']).where('review_id', '=', reviewId).orderBy('grant_id').execute();
  const decisionEvents = async () =>
    (await h.handle.db.selectFrom('audit_events').select('after_json').where('entity_type', '=', 'access_review').where('action', '=', 'decide').execute()).length;

  it('takes decisions in bulk, each with its version and audit event; a stale version is a 409 and changes nothing', async () => {
    const res = expectBody(
      await decide(hanna, [
        { grantId: g.anna, decision: 'keep', version: 1 },
        { grantId: g.bo, decision: 'remove', comment: 'Har slutat i verksamheten.', version: 1 },
        { grantId: g.annaAdm, decision: 'change', comment: 'Ska bara ha läsbehörighet.', version: 1 },
      ]),
      200,
      decisionsResult,
    );
    expect(res).toEqual({
      decided: 3,
      items: [
        { grantId: g.anna, decision: 'keep', version: 2 },
        { grantId: g.bo, decision: 'remove', version: 2 },
        { grantId: g.annaAdm, decision: 'change', version: 2 },
      ],
    });
    expect(await decisionEvents()).toBe(3);
    const page = expectBody(await frida.get(`/api/access-reviews/${reviewId}/items?reviewer=me&decided=true`), 200, itemsPage);
    expect(page.total).toBe(3);
    expect(page.items.find((i) => i.grantId === g.bo)).toMatchObject({
      decision: 'remove', comment: 'Har slutat i verksamheten.', decidedBy: { id: 'p-hanna', name: 'Hanna Hemchef' }, decidedAt: expect.any(String), version: 2,
    });
    const review = expectBody(await socAdmin.get(`/api/access-reviews/${reviewId}`), 200, reviewDetail);
    expect(review.progress).toEqual({ total: 4, decided: 3, keep: 1, remove: 1, change: 1 });
    expect(review.reviewers.find((r) => r.person.id === 'p-hanna')).toMatchObject({ total: 3, decided: 3 });
    // Frida saw version 1 of Anna's grant: her change is refused, and so is the rest of the request.
    const before = await itemRows();
    const stale = await decide(frida, [
      { grantId: g.bo, decision: 'keep', version: 2 },
      { grantId: g.anna, decision: 'remove', version: 1 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect(await itemRows()).toEqual(before);
    expect(await decisionEvents()).toBe(3);
    // The reviewers' tallies count an item once, whoever decides it and however often; the refused request counted nothing.
    const fridaBefore = review.reviewers.find((r) => r.person.id === 'p-frida')!;
    expect(fridaBefore.decided).toBe(3);
    expect((await decide(frida, [{ grantId: g.bo, decision: 'keep', version: 2 }])).statusCode).toBe(200);
    const after = expectBody(await socAdmin.get(`/api/access-reviews/${reviewId}`), 200, reviewDetail);
    expect(after.reviewers.find((r) => r.person.id === 'p-hanna')).toMatchObject({ total: 3, decided: 3 });
    expect(after.reviewers.find((r) => r.person.id === 'p-frida')).toMatchObject({ total: fridaBefore.total, decided: 3 });
    const undecided = expectBody(await frida.get(`/api/access-reviews/${reviewId}/items?reviewer=me&decided=false`), 200, itemsPage);
    expect(undecided.total).toBe(fridaBefore.total - 3);
    expect(undecided.items).toHaveLength(fridaBefore.total - 3);
  });

  it('refuses items the caller does not review (403 with the count), missing comments (400) and too many at once', async () => {
    const before = await itemRows();
    const notMine = await decide(hanna, [
      { grantId: g.anna, decision: 'keep', version: 1 },
      { grantId: g.frida, decision: 'keep', version: 1 },
      { grantId: 'no-such-grant', decision: 'keep', version: 1 },
    ]);
    expect(notMine.statusCode).toBe(403);
    expect(errorOf(notMine).fields?.decisions).toContain('2');
    const privileged = await decide(hanna, [
      { grantId: g.anna, decision: 'keep', version: 1 },
      { grantId: g.annaAdm, decision: 'keep', version: 1 },
      { grantId: g.bo, decision: 'change', comment: '  ', version: 1 },
    ]);
    expect(privileged.statusCode).toBe(400);
    expect(Object.keys(errorOf(privileged).fields ?? {}).sort()).toEqual(['decisions.1.comment', 'decisions.2.comment']);
    expect(errorOf(privileged).fields?.['decisions.1.comment']).toContain('privilegierade');
    const twice = await decide(hanna, [{ grantId: g.anna, decision: 'keep', version: 1 }, { grantId: g.anna, decision: 'remove', version: 1 }]);
    expect(twice.statusCode).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => ({ grantId: `x${i}`, decision: 'keep', version: 1 }));
    expect((await decide(hanna, many)).statusCode).toBe(400);
    expect((await decide(hanna, [{ grantId: g.anna, decision: 'maybe', version: 1 }])).statusCode).toBe(400);
    expect(await itemRows()).toEqual(before);
    expect(await decisionEvents()).toBe(0);
    // With a comment, keeping the privileged grant is fine.
    expect((await decide(hanna, [{ grantId: g.annaAdm, decision: 'keep', comment: 'Driftansvarig.', version: 1 }])).statusCode).toBe(200);
  });

  it('of two concurrent decisions on the same grant one wins and the other is a 409', async () => {
    const [a, b] = await Promise.all([
      decide(hanna, [{ grantId: g.bo, decision: 'keep', version: 1 }]),
      decide(frida, [{ grantId: g.bo, decision: 'remove', comment: 'Behövs inte.', version: 1 }]),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const row = (await itemRows()).find((r) => r.grant_id === g.bo)!;
    expect(row.version).toBe(2);
    expect(row.decision).toBe(a.statusCode === 200 ? 'keep' : 'remove');
    expect(await decisionEvents()).toBe(1);
    // Decisions on different grants that share their reviewers both land, and each is counted once for each reviewer.
    const [c, d] = await Promise.all([
      decide(hanna, [{ grantId: g.anna, decision: 'keep', version: 1 }]),
      decide(frida, [{ grantId: g.annaAdm, decision: 'change', comment: 'Bara läsbehörighet.', version: 1 }]),
    ]);
    expect([c.statusCode, d.statusCode]).toEqual([200, 200]);
    const review = expectBody(await socAdmin.get(`/api/access-reviews/${reviewId}`), 200, reviewDetail);
    expect(review.reviewers.find((r) => r.person.id === 'p-hanna')).toMatchObject({ total: 3, decided: 3 });
    expect(review.reviewers.find((r) => r.person.id === 'p-frida')).toMatchObject({ decided: 3 });
  });

  it('closes: every remove decision becomes a removal order, and the campaign takes no more decisions', async () => {
    expect((await decide(hanna, [{ grantId: g.bo, decision: 'remove', comment: 'Har slutat.', version: 1 }, { grantId: g.anna, decision: 'remove', version: 1 }])).statusCode).toBe(200);
    const notCloser = await hanna.post(`/api/access-reviews/${reviewId}/close`, { version: 1 });
    expect(notCloser.statusCode).toBe(403);
    expect((await socAdmin.post(`/api/access-reviews/${reviewId}/close`, { version: 7 })).statusCode).toBe(409);
    const closed = expectBody(await socAdmin.post(`/api/access-reviews/${reviewId}/close`, { version: 1 }), 200, reviewDetail);
    expect(closed).toMatchObject({ state: 'closed', closedBy: expect.any(String), closedAt: expect.any(String), version: 2, may: { close: false, decide: false } });
    const orders = await h.handle.db.selectFrom('access_orders').selectAll().where('review_id', '=', reviewId).orderBy('grant_id').execute();
    expect(orders.map((o) => [o.grant_id, o.kind, o.origin, o.state])).toEqual([
      [g.anna, 'removal', 'review', 'awaiting_execution'],
      [g.bo, 'removal', 'review', 'awaiting_execution'],
    ]);
    expect(orders.find((o) => o.grant_id === g.bo)?.reason).toBe('Har slutat.');
    const items = await itemRows();
    expect(items.filter((i) => i.removal_order_id).map((i) => [i.grant_id, i.removal_order_id])).toEqual(orders.map((o) => [o.grant_id, o.id]));
    const late = await decide(frida, [{ grantId: g.annaAdm, decision: 'keep', comment: 'Ok.', version: 1 }]);
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).fields?.state).toBeTruthy();
    expect((await socAdmin.post(`/api/access-reviews/${reviewId}/close`, { version: 2 })).statusCode).toBe(409);
    const audit = await h.handle.db.selectFrom('audit_events').select('after_json').where('entity_id', '=', reviewId).where('action', '=', 'close').execute();
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ removals: 2, ordered: 2, undecided: 2 });
  });

  it('gives the evidence as XLSX and PDF with every grant, its decision, who and when, and the removal', async () => {
    expect((await decide(hanna, [{ grantId: g.bo, decision: 'remove', comment: 'Har slutat i hemtjänsten.', version: 1 }, { grantId: g.anna, decision: 'keep', version: 1 }])).statusCode).toBe(200);
    expect((await socAdmin.post(`/api/access-reviews/${reviewId}/close`, { version: 1 })).statusCode).toBe(200);
    // Frida reviews Procapita but cannot read the register of Hemtjänsten: her own items, not the evidence. Hanna (chef,
    // a user in Hemtjänsten) reads every system of the campaign, so she sees all of it, as the systems' access tabs.
    expect((await frida.get(`/api/access-reviews/${reviewId}/evidence.xlsx`)).statusCode).toBe(403);
    expect((await hanna.get(`/api/access-reviews/${reviewId}/evidence.xlsx`)).statusCode).toBe(200);
    const xlsx = await socAdmin.get(`/api/access-reviews/${reviewId}/evidence.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const [summary, sheet] = await readExcelFile(xlsx.rawPayload);
    expect(summary!.data).toEqual(expect.arrayContaining([['Granskning', 'Behörighetskontroll Procapita'], ['Tas bort', '1'], ['Ej granskade', '2']]));
    const rows = sheet!.data.map((row) => row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('Beslut');
    const bo = rows.find((r) => r.includes('Bo Berg'))!;
    expect(bo).toEqual(
      expect.arrayContaining(['Procapita', 'bo', 'Handläggare', 'Nej', '2025-02-01', 'Ta bort', 'Har slutat i hemtjänsten.', 'Hanna Hemchef', 'Väntar på utförande']),
    );
    expect(bo.join('|')).toContain('Frida Förvaltare, Hanna Hemchef');
    expect(rows.find((r) => r.includes('anna.adm'))).toEqual(expect.arrayContaining(['Systemadministratör', 'Ja', 'Ej granskad']));

    const pdf = await socAdmin.get(`/api/access-reviews/${reviewId}/evidence.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.subarray(-6).toString()).toBe('%%EOF\n');
    const text = pdfText(pdf.rawPayload);
    for (const expected of ['Behörighetskontroll: Behörighetskontroll Procapita', 'Bo Berg', 'Ta bort', 'Har slutat i hemtjänsten.', 'Behåll', 'Ej granskad', 'Väntar på utförande', 'Åke Ägare']) {
      expect(text).toContain(expected);
    }
  });
});
