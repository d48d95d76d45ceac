import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bulkResult, findingDetail, findingHistory, findingsPage } from '../../server/modules/findings/schemas.ts';
import { announce } from '../../server/platform/changes.ts';
import { summarySchema, tasksPage } from '../../server/modules/tasks/schemas.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Finding = z.infer<typeof findingDetail>;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Acting on findings and Mitt ansvar (docs/FOLLOW-UP.md). Procapita is i drift in Hemtjänsten (Socialförvaltningen)
 * without a classification: the finding "classification missing" names its systemförvaltare Frida. Åke is its
 * systemägare (the risk approver); Olle works in Utbildningsförvaltningen and sees none of it.
 */
describe.each(dialects())('acting on findings and Mitt ansvar (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let frida: Agent;
  let ake: Agent;
  let olle: Agent;
  let sys: SystemJson;

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it', personalData: 'sensitive' });
    const skola = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' });
    for (const [id, name] of [['p-frida', 'Frida Förvaltare'], ['p-ake', 'Åke Ägare'], ['p-olle', 'Olle Utanför'], ['p-drift', 'Dagny Drift']] as const) {
      await insertPerson(db, { id, name });
    }
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: sys.id });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-ake', systemId: sys.id });
    await assignRole(db, { roleKey: 'driftansvarig', personId: 'p-drift', systemId: sys.id });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-olle', systemId: skola.id });
    expect((await admin.post(`/api/systems/${sys.id}/lifecycle`, { version: 1, lifecycle: 'implementing' })).statusCode).toBe(200);
    expect((await admin.post(`/api/systems/${sys.id}/lifecycle`, { version: 2, lifecycle: 'in_operation' })).statusCode).toBe(200);
    const user = async (email: string, unit: string, person: string) => {
      const agent = await addUser(h, admin, email, 'user');
      await grantOnUnit(db, email, 'user', unit);
      await linkUserToPerson(db, email, person);
      return agent;
    };
    frida = await user('frida@kommun.test', 'soc', 'p-frida');
    ake = await user('ake@kommun.test', 'soc', 'p-ake');
    olle = await user('olle@kommun.test', 'utb', 'p-olle');
  });
  afterEach(async () => h.close());

  const detail = async (agent: Agent, id: string) => expectBody(await agent.get(`/api/findings/${id}`), 200, findingDetail);
  const missing = async (): Promise<Finding> => {
    const list = expectBody(await frida.get(`/api/findings?systemId=${sys.id}&rule=classification_missing`), 200, findingsPage);
    expect(list.items).toHaveLength(1);
    return detail(frida, list.items[0]!.id);
  };
  const post = (agent: Agent, f: Pick<Finding, 'id'>, action: string, body: Record<string, unknown>) => agent.post(`/api/findings/${f.id}/${action}`, body);
  const notifications = (personId: string) => h.handle.db.selectFrom('notifications').selectAll().where('person_id', '=', personId).execute();

  it('a finding names its owner with a default due date, and shows in their tasks and summary', async () => {
    const f = await missing();
    expect(f).toMatchObject({
      handling: 'none', owner: { id: 'p-frida', name: 'Frida Förvaltare' }, assignee: null, dueSet: false, overdue: false, version: 1,
      may: { act: true, approveRisk: false },
    });
    // Medium: 90 days from the day it opened (15 April 2026).
    expect(f.severity).toBe('medium');
    expect(f.dueOn).toBe('2026-07-14');
    const tasks = expectBody(await frida.get('/api/me/tasks'), 200, tasksPage);
    expect(tasks.items.map((t) => t.id)).toContain(f.id);
    expect(tasks.total).toBe(tasks.items.length);
    const summary = expectBody(await frida.get('/api/me/summary'), 200, summarySchema);
    expect(summary.person).toEqual({ id: 'p-frida', name: 'Frida Förvaltare' });
    expect(summary.roles).toEqual([{ role: 'Systemförvaltare', subject: { kind: 'system', id: sys.id, name: 'Procapita' } }]);
    expect(summary.tasks.total).toBe(tasks.total);
    expect(summary.rolesTotal).toBe(1);
    expect(summary.tasks.riskApprovals).toBe(0);
    expect(summary.unread).toBe((await notifications('p-frida')).filter((n) => n.read_at === null).length);
    expect(summary.since.at).toBeNull();
    // Åke owns the system and leads Socialförvaltningen: the open findings of both are his to see in the summary.
    await assignRole(h.handle.db, { roleKey: 'chef', personId: 'p-ake', unitId: 'soc' });
    const akeSummary = expectBody(await ake.get('/api/me/summary'), 200, summarySchema);
    const onSystem = expectBody(await ake.get(`/api/findings?systemId=${sys.id}&limit=1`), 200, findingsPage).total;
    const inUnit = expectBody(await admin.get('/api/findings?unitId=soc&limit=1'), 200, findingsPage).total;
    expect(akeSummary.responsible).toEqual(
      expect.arrayContaining([
        { kind: 'system', id: sys.id, name: 'Procapita', open: onSystem, overdue: 0 },
        { kind: 'unit', id: 'soc', name: 'Socialförvaltningen', open: inUnit, overdue: 0 },
      ]),
    );
    expect(akeSummary.responsible).toHaveLength(2);
    // Olle sees none of it: 404 on the finding and on every action, nothing in his tasks.
    expect((await olle.get(`/api/findings/${f.id}`)).statusCode).toBe(404);
    expect((await olle.get(`/api/findings/${f.id}/history`)).statusCode).toBe(404);
    const bodies: Record<string, Record<string, unknown>> = {
      assign: { version: 1, personId: null },
      'due-date': { version: 1, dueOn: null },
      acknowledge: { version: 1 },
      'not-applicable': { version: 1, reason: 'x' },
      'accept-risk': { version: 1, motivation: 'x', expiresOn: '2026-06-01' },
      'approve-risk': { version: 1 },
      'reject-risk': { version: 1, reason: 'x' },
      reopen: { version: 1 },
      comment: { text: 'x' },
    };
    for (const [action, body] of Object.entries(bodies)) expect((await post(olle, f, action, body)).statusCode, action).toBe(404);
    expect((await detail(frida, f.id)).version).toBe(1);
    expect(expectBody(await olle.get('/api/me/tasks'), 200, tasksPage).items.map((t) => t.id)).not.toContain(f.id);
  });

  it('assigns, sets a due date, acknowledges and comments, each in the history and the audit trail, with field errors for bad input', async () => {
    let f = await missing();
    const unknown = await post(frida, f, 'assign', { version: f.version, personId: 'p-nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields?.personId).toBeTruthy();
    expect((await post(frida, f, 'assign', { version: 'x', personId: 'p-ake' })).statusCode).toBe(400);
    f = expectBody(await post(frida, f, 'assign', { version: f.version, personId: 'p-ake' }), 200, findingDetail);
    expect(f).toMatchObject({ assignee: { id: 'p-ake' }, owner: { id: 'p-ake' }, version: 2 });
    expect((await notifications('p-ake')).map((n) => n.kind)).toEqual(['assigned']);
    expect(expectBody(await ake.get('/api/me/tasks?kind=finding'), 200, tasksPage).items.map((t) => t.id)).toContain(f.id);

    const past = await post(frida, f, 'due-date', { version: f.version, dueOn: '2026-04-01' });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(errorOf(past).fields ?? {})).toEqual(['dueOn']);
    expect((await post(frida, f, 'due-date', { version: f.version, dueOn: '15/5' })).statusCode).toBe(400);
    f = expectBody(await post(frida, f, 'due-date', { version: f.version, dueOn: '2026-06-30' }), 200, findingDetail);
    expect(f).toMatchObject({ dueOn: '2026-06-30', dueSet: true });
    f = expectBody(await post(frida, f, 'due-date', { version: f.version, dueOn: null }), 200, findingDetail);
    expect(f).toMatchObject({ dueOn: '2026-07-14', dueSet: false });

    f = expectBody(await post(ake, f, 'acknowledge', { version: f.version }), 200, findingDetail);
    expect(f.handling).toBe('acknowledged');
    const again = await post(ake, f, 'acknowledge', { version: f.version });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('refused');
    expect((await post(frida, f, 'comment', { text: '' })).statusCode).toBe(400);
    expectBody(await post(frida, f, 'comment', { text: 'Vi klassar i maj.' }), 200, findingDetail);

    const history = expectBody(await frida.get(`/api/findings/${f.id}/history`), 200, findingHistory);
    expect(history.items.map((e) => e.kind)).toEqual(['opened', 'assigned', 'due_date', 'due_date', 'acknowledged', 'comment']);
    expect(history.items[1]).toMatchObject({ by: expect.any(String), person: 'Åke Ägare' });
    expect(history.items[5]).toMatchObject({ text: 'Vi klassar i maj.' });
    const audited = await h.handle.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'finding').where('entity_id', '=', f.id).execute();
    expect(audited).toHaveLength(5);
  });

  it('a risk proposed by the systemförvaltare is approved by the systemägare, counts as handled, and opens again when it expires', async () => {
    let f = await missing();
    const tooFar = await post(frida, f, 'accept-risk', { version: f.version, motivation: 'Ersätts i höst.', expiresOn: '2027-06-01' });
    expect(tooFar.statusCode).toBe(400);
    expect(errorOf(tooFar).fields?.expiresOn).toContain('12');
    expect((await post(frida, f, 'accept-risk', { version: f.version, motivation: 'Ersätts i höst.', expiresOn: '2026-04-15' })).statusCode).toBe(400);
    expect((await post(frida, f, 'accept-risk', { version: f.version, motivation: '', expiresOn: '2026-09-30' })).statusCode).toBe(400);
    f = expectBody(await post(frida, f, 'accept-risk', { version: f.version, motivation: 'Ersätts i höst.', expiresOn: '2026-09-30' }), 200, findingDetail);
    expect(f).toMatchObject({ handling: 'risk_proposed', riskApprover: { id: 'p-ake' }, riskExpiresOn: '2026-09-30', reason: 'Ersätts i höst.' });
    expect((await notifications('p-ake')).map((n) => n.kind)).toEqual(['risk_to_approve']);
    expect(expectBody(await ake.get('/api/me/tasks?kind=risk_approval'), 200, tasksPage).items.map((t) => t.id)).toEqual([f.id]);
    // Both kinds of finding task in one list (read as one union), each counted in the total.
    const akeTasks = expectBody(await ake.get('/api/me/tasks'), 200, tasksPage);
    expect(akeTasks.items.filter((t) => t.kind === 'risk_approval').map((t) => t.id)).toEqual([f.id]);
    expect(akeTasks.total).toBe(akeTasks.items.length);
    const akeSummary = expectBody(await ake.get('/api/me/summary'), 200, summarySchema);
    expect(akeSummary.tasks.riskApprovals).toBe(1);
    expect(akeSummary.unread).toBe(1);

    // Frida is not an approver: 403 naming the role; Åke is.
    const notApprover = await post(frida, f, 'approve-risk', { version: f.version });
    expect(notApprover.statusCode).toBe(403);
    expect(errorOf(notApprover).fields?.handling).toContain('Systemägare');
    expect((await detail(ake, f.id)).may.approveRisk).toBe(true);
    f = expectBody(await post(ake, f, 'approve-risk', { version: f.version }), 200, findingDetail);
    expect(f.handling).toBe('risk_accepted');
    expect((await notifications('p-frida')).map((n) => n.kind)).toEqual(['risk_approved']);
    const handled = expectBody(await frida.get(`/api/findings?systemId=${sys.id}&handling=handled`), 200, findingsPage);
    expect(handled.items.map((x) => x.id)).toEqual([f.id]);
    expect(expectBody(await frida.get(`/api/findings?systemId=${sys.id}&handling=risk_accepted`), 200, findingsPage).total).toBe(1);
    expect(expectBody(await frida.get('/api/me/tasks'), 200, tasksPage).items.map((t) => t.id)).not.toContain(f.id);
    // Accepted risks are in the export too, with the motivation, the approver and the expiry.
    const xlsx = await frida.get(`/api/findings/export.xlsx?systemId=${sys.id}&handling=handled`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [sheet] = await readExcelFile(xlsx.rawPayload);
    const cells = sheet!.data.map((row) => row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Hantering');
    expect(cells[1]).toEqual(expect.arrayContaining(['Accepterad risk', 'Ersätts i höst.', 'Åke Ägare', '2026-09-30', 'Procapita']));
    expect((await olle.get(`/api/findings/export.xlsx?systemId=${sys.id}`)).statusCode).toBe(200);
    const [theirs] = await readExcelFile((await olle.get(`/api/findings/export.xlsx?systemId=${sys.id}`)).rawPayload);
    expect(theirs!.data).toHaveLength(1);

    // The day after its last day the risk is no longer accepted: the hourly job opens it again.
    h.clock.advance(Date.parse('2026-10-01T08:00:00Z') - h.clock.now().getTime());
    await h.app.background.jobs.runDue();
    await frida.login('frida@kommun.test');
    f = await detail(frida, f.id);
    expect(f).toMatchObject({ handling: 'none', riskExpiresOn: null, dueOn: '2026-12-30' });
    const kinds = expectBody(await frida.get(`/api/findings/${f.id}/history`), 200, findingHistory).items.map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(['risk_proposed', 'risk_accepted', 'risk_expired']);
    expect((await notifications('p-frida')).map((n) => n.kind).sort()).toEqual(['risk_approved', 'risk_expired']);
    // Running the jobs again changes nothing.
    await h.app.background.jobs.runDue();
    expect((await detail(frida, f.id)).version).toBe(f.version);
  });

  it('rejects a risk with a reason, marks not applicable and reopens', async () => {
    let f = await missing();
    f = expectBody(await post(frida, f, 'accept-risk', { version: f.version, motivation: 'Tillfälligt.', expiresOn: '2026-06-30' }), 200, findingDetail);
    expect((await post(ake, f, 'reject-risk', { version: f.version, reason: '' })).statusCode).toBe(400);
    f = expectBody(await post(ake, f, 'reject-risk', { version: f.version, reason: 'Klassa först.' }), 200, findingDetail);
    expect(f).toMatchObject({ handling: 'none', riskApprover: null, reason: null });
    expect((await post(frida, f, 'reopen', { version: f.version })).statusCode).toBe(409);
    f = expectBody(await post(frida, f, 'not-applicable', { version: f.version, reason: 'Testmiljö.' }), 200, findingDetail);
    expect(f).toMatchObject({ handling: 'not_applicable', reason: 'Testmiljö.' });
    f = expectBody(await post(frida, f, 'reopen', { version: f.version }), 200, findingDetail);
    expect(f.handling).toBe('none');
  });

  it('of two actions on the same version one wins and the other is a 409, with nothing of it written', async () => {
    const f = await missing();
    const [a, b] = await Promise.all([
      post(frida, f, 'assign', { version: f.version, personId: 'p-ake' }),
      post(ake, f, 'not-applicable', { version: f.version, reason: 'Gäller inte.' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const now = await detail(frida, f.id);
    expect(now.version).toBe(2);
    expect(a.statusCode === 200 ? now.handling : now.assignee).toEqual(a.statusCode === 200 ? 'none' : null);
  });

  it('a bulk action handles every finding the filter lets through, all or nothing', async () => {
    const open = expectBody(await frida.get(`/api/findings?systemId=${sys.id}&handling=todo`), 200, findingsPage);
    expect(open.total).toBeGreaterThan(0);
    const res = expectBody(await frida.post('/api/findings/bulk', { action: 'due_date', filter: { systemId: sys.id }, dueOn: '2026-08-31' }), 200, bulkResult);
    expect(res.changed).toBe(open.total);
    const after = expectBody(await frida.get(`/api/findings?systemId=${sys.id}`), 200, findingsPage);
    expect(new Set(after.items.map((x) => x.dueOn))).toEqual(new Set(['2026-08-31']));
    expect((await frida.post('/api/findings/bulk', { action: 'due_date', filter: { systemId: sys.id }, dueOn: 'snart' })).statusCode).toBe(400);
    expect((await frida.post('/api/findings/bulk', { action: 'explode', filter: {} })).statusCode).toBe(400);
    // Olle's filter lets none of Procapita's through.
    expect(expectBody(await olle.post('/api/findings/bulk', { action: 'acknowledge', filter: { systemId: sys.id } }), 200, bulkResult).changed).toBe(0);
  });

  it('a finding that comes back keeps its assignee and its history', async () => {
    const db = h.handle.db;
    const vacate = () => db.deleteFrom('role_assignments').where('role_key', '=', 'systemforvaltare').execute();
    // The roles change behind the API's back: told as a committed change, the findings follow on the next read.
    const refreshed = async () => {
      announce(db, [{ entityType: 'role_assignment', entityId: 'test', action: 'end' }]);
      await frida.get('/api/findings');
    };
    await vacate();
    await refreshed();
    const vacant = expectBody(await frida.get(`/api/findings?systemId=${sys.id}&rule=role_vacant`), 200, findingsPage).items;
    expect(vacant).toHaveLength(1);
    // Frida holds no role on Procapita any more; an administrator assigns the vacancy to her.
    const first = expectBody(await post(admin, vacant[0]!, 'assign', { version: vacant[0]!.version, personId: 'p-frida' }), 200, findingDetail);
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: sys.id });
    await refreshed();
    expect(expectBody(await frida.get(`/api/findings/${first.id}`), 200, findingDetail).status).toBe('resolved');
    h.clock.advance(DAY);
    await frida.login('frida@kommun.test');
    await vacate();
    await refreshed();
    const back = expectBody(await frida.get(`/api/findings?systemId=${sys.id}&rule=role_vacant`), 200, findingsPage).items[0]!;
    expect(back.id).not.toBe(first.id);
    expect(back).toMatchObject({ assignee: { id: 'p-frida' }, handling: 'none', dueOn: '2026-05-16' });
    const kinds = expectBody(await frida.get(`/api/findings/${back.id}/history`), 200, findingHistory).items.map((e) => e.kind);
    // (The vacancy was there once before, while the system was registered and its roles not yet given.)
    expect(kinds.slice(-4)).toEqual(['opened', 'assigned', 'resolved', 'opened']);
  });

  it('pages the tasks in due order across kinds, the total on the first page', async () => {
    // Every finding on Procapita becomes Frida's, with due dates a day apart.
    const all = expectBody(await admin.get(`/api/findings?systemId=${sys.id}`), 200, findingsPage).items;
    let day = 1;
    for (const f of all) {
      let d = await detail(admin, f.id);
      if (d.owner?.id !== 'p-frida') d = expectBody(await post(admin, d, 'assign', { version: d.version, personId: 'p-frida' }), 200, findingDetail);
      expectBody(await post(admin, d, 'due-date', { version: d.version, dueOn: `2026-05-${String(10 + day++).padStart(2, '0')}` }), 200, findingDetail);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const page: z.infer<typeof tasksPage> = expectBody(await frida.get(`/api/me/tasks?limit=1${cursor ? `&cursor=${cursor}` : ''}`), 200, tasksPage);
      if (!cursor) total = page.total;
      else expect(page.total).toBeNull();
      seen.push(...page.items.map((t) => `${t.dueOn}|${t.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total!);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await frida.get('/api/me/tasks?state=soon')).statusCode).toBe(400);
    expect(expectBody(await frida.get('/api/me/tasks?state=overdue'), 200, tasksPage).total).toBe(0);
    h.clock.advance(40 * DAY);
    await frida.login('frida@kommun.test');
    expect(expectBody(await frida.get('/api/me/tasks?state=overdue'), 200, tasksPage).total).toBe(total);
  });
});
