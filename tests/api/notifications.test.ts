import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkDueDates } from '../../server/modules/notifications/due-check.ts';
import { insertNotifications, type NotificationInput } from '../../server/modules/notifications/repository.ts';
import { calendarCreated, markReadResult, notificationsPage, remindersSchema } from '../../server/modules/notifications/schemas.ts';
import { addOwner, dueIn, insertKommunUnits, ownedFindings, runJobs, systemOwnedBy, type Owner } from '../fixtures/notifications.ts';
import { errorOf, expectBody } from '../fixtures/systems.ts';
import { Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Page = z.infer<typeof notificationsPage>;

describe.each(dialects())('notifications, reminders and the calendar feed (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let sara: Owner;
  let olle: Owner;
  let findings: Awaited<ReturnType<typeof ownedFindings>>;

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommunUnits(h);
    sara = await addOwner(h, admin, { email: 'sara@kommun.test', personId: 'p-sara', name: 'Sara Systemägare' });
    olle = await addOwner(h, admin, { email: 'olle@kommun.test', personId: 'p-olle', name: 'Olle Annan', linked: true });
    await systemOwnedBy(admin, sara.personId, 'Procapita');
    await systemOwnedBy(admin, sara.personId, 'Lifecare');
    findings = await ownedFindings(h, admin, sara.personId);
    expect(findings.length).toBeGreaterThanOrEqual(3);
  });
  afterEach(async () => h.close());

  const tell = (items: NotificationInput[], at = h.clock.now()) => h.handle.db.transaction().execute((trx) => insertNotifications(trx, at, items));
  const page = async (agent: Agent, qs = '') => expectBody(await agent.get(`/api/me/notifications${qs ? `?${qs}` : ''}`), 200, notificationsPage);
  const notificationRows = (personId: string) => h.handle.db.selectFrom('notifications').selectAll().where('person_id', '=', personId).orderBy('event_key').execute();

  it('the due-date check tells the owner once of what is due soon and what is overdue', async () => {
    const [late, soon, handled] = findings;
    const lateOn = await dueIn(h, late!.id, -2);
    const soonOn = await dueIn(h, soon!.id, 3);
    // Handled findings (not applicable, an accepted risk) are not chased.
    if (handled) {
      await dueIn(h, handled.id, -5);
      await h.handle.db.updateTable('findings').set({ handling: 'not_applicable' }).where('id', '=', handled.id).execute();
    }
    await runJobs(h);
    let rows = await notificationRows(sara.personId);
    expect(rows.map((r) => [r.kind, r.event_key, r.finding_id])).toEqual([
      ['due_soon', `due_soon:${soon!.id}:${soonOn}`, soon!.id],
      ['overdue', `overdue:${late!.id}:${lateOn}`, late!.id],
    ]);
    expect(JSON.parse(rows[1]!.params_json)).toMatchObject({ text_sv: late!.text_sv, text_en: late!.text_en, dueOn: lateOn });

    // The next hour's check tells nothing new.
    h.clock.advance(60 * 60 * 1000);
    await runJobs(h);
    expect(await notificationRows(sara.personId)).toHaveLength(2);

    // Days later the due-soon one is overdue: told again, as overdue. A new due date is a new event too.
    h.clock.advance(4 * 24 * 60 * 60 * 1000);
    const newLateOn = await dueIn(h, late!.id, 2);
    await runJobs(h);
    rows = await notificationRows(sara.personId);
    expect(rows.map((r) => r.event_key).sort()).toEqual(
      [`due_soon:${soon!.id}:${soonOn}`, `overdue:${late!.id}:${lateOn}`, `overdue:${soon!.id}:${soonOn}`, `due_soon:${late!.id}:${newLateOn}`].sort(),
    );
    expect(await notificationRows(olle.personId)).toEqual([]);
  });

  it('checks due dates in chunks across many findings (one query per chunk, not per finding)', async () => {
    const template = await h.handle.db.selectFrom('findings').selectAll().where('id', '=', findings[0]!.id).executeTakeFirstOrThrow();
    const many = Array.from({ length: 1234 }, (_, i) => ({
      ...template,
      id: `zz-${String(i).padStart(5, '0')}`,
      fingerprint: `bulk|${i}`,
      due_on: '2026-04-01',
    }));
    for (let i = 0; i < many.length; i += 200) await h.handle.db.insertInto('findings').values(many.slice(i, i + 200)).execute();
    // The job's handler itself: a findings refresh (another job) would resolve these made-up findings first.
    expect(await checkDueDates(h.services)).toBe(1234);
    expect(await checkDueDates(h.services)).toBe(0);
    const told = await h.handle.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'overdue').executeTakeFirstOrThrow();
    expect(Number(told.n)).toBe(1234);
    const first = expectBody(await sara.agent.get('/api/me/notifications?limit=1'), 200, notificationsPage);
    expect(first).toMatchObject({ total: 1234, unread: 1234 });
  });

  it('lists the caller’s own notifications newest first, in their language, keyset-paged, with the unread count', async () => {
    const f = findings[0]!;
    const base = h.clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      await tell(
        [{ personId: sara.personId, kind: i % 2 ? 'assigned' : 'overdue', eventKey: `e${i}`, findingId: f.id, systemId: f.system_id, params: { text_sv: f.text_sv, text_en: f.text_en, dueOn: '2026-04-01' } }],
        new Date(base + i * 1000),
      );
    }
    await tell([{ personId: olle.personId, kind: 'assigned', eventKey: 'olle', findingId: f.id, params: { text_sv: 'Hemligt', text_en: 'Secret' } }]);

    const first = await page(sara.agent, 'limit=2');
    expect(first).toMatchObject({ total: 5, unread: 5 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ kind: 'overdue', findingId: f.id, systemId: f.system_id, read: false });
    expect(first.items[0]!.text).toBe(`Försenad, skulle ha varit åtgärdad senast 2026-04-01: ${f.text_sv}`);
    expect(first.items[1]!.text).toBe(`Du har fått en avvikelse att åtgärda: ${f.text_sv}`);
    const seen: Page['items'] = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(sara.agent, `limit=2&cursor=${cursor}`);
      expect(next.total).toBeNull();
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    expect(new Set(seen.map((n) => n.id)).size).toBe(5);
    expect(seen.some((n) => n.text.includes('Hemligt'))).toBe(false);

    // In English for a caller who reads English.
    const english = new Agent(h.app, { 'accept-language': 'en' });
    await english.login(sara.email);
    expect((await page(english, 'limit=1')).items[0]!.text).toBe(`Overdue, was due by 2026-04-01: ${f.text_en}`);

    // Olle sees only his own.
    const hisPage = await page(olle.agent);
    expect(hisPage).toMatchObject({ total: 1, unread: 1 });
    expect(hisPage.items[0]!.text).toContain('Hemligt');
  });

  it('marks read only the caller’s own, by id or all', async () => {
    const f = findings[0]!;
    await tell([1, 2, 3].map((i) => ({ personId: sara.personId, kind: 'assigned' as const, eventKey: `s${i}`, findingId: f.id, params: { text_sv: 'x', text_en: 'x' } })));
    await tell([{ personId: olle.personId, kind: 'assigned', eventKey: 'o1', findingId: f.id, params: {} }]);
    const mine = (await page(sara.agent)).items;
    const his = (await page(olle.agent)).items[0]!;

    const one = expectBody(await sara.agent.post('/api/me/notifications/read', { ids: [mine[0]!.id, his.id] }), 200, markReadResult);
    expect(one).toEqual({ marked: 1, unread: 2 });
    expect((await page(olle.agent)).unread).toBe(1);
    const unread = await page(sara.agent, 'unread=true');
    expect(unread.items.map((n) => n.id).sort()).toEqual([mine[1]!.id, mine[2]!.id].sort());
    expect(unread.total).toBe(2);
    expect((await page(sara.agent)).items.find((n) => n.id === mine[0]!.id)!.read).toBe(true);

    expect(expectBody(await sara.agent.post('/api/me/notifications/read', { all: true }), 200, markReadResult)).toEqual({ marked: 2, unread: 0 });
    expect((await page(olle.agent)).unread).toBe(1);
    // Again: nothing left to mark.
    expect(expectBody(await sara.agent.post('/api/me/notifications/read', { all: true }), 200, markReadResult)).toEqual({ marked: 0, unread: 0 });
  });

  it('refuses bad input with field messages, and strangers', async () => {
    const nothing = await sara.agent.post('/api/me/notifications/read', {});
    expect(nothing.statusCode).toBe(400);
    expect(Object.keys(errorOf(nothing).fields ?? {})).toEqual(['ids']);
    const tooMany = await sara.agent.post('/api/me/notifications/read', { ids: Array.from({ length: 501 }, (_, i) => `n${i}`) });
    expect(tooMany.statusCode).toBe(400);
    expect((await sara.agent.post('/api/me/notifications/read', { ids: ['x'], extra: 1 })).statusCode).toBe(400);
    expect((await sara.agent.get('/api/me/notifications?limit=0')).statusCode).toBe(400);
    expect((await sara.agent.get('/api/me/notifications?limit=501')).statusCode).toBe(400);
    expect((await sara.agent.get('/api/me/notifications?unread=maybe')).statusCode).toBe(400);
    const cursor = await sara.agent.get('/api/me/notifications?cursor=bm9wZQ');
    expect(cursor.statusCode).toBe(400);
    expect(errorOf(cursor).fields).toHaveProperty('cursor');
    const frequency = await sara.agent.put('/api/me/reminders', { frequency: 'hourly' });
    expect(frequency.statusCode).toBe(400);
    expect(errorOf(frequency).fields).toHaveProperty('frequency');
    // Without a session: 401; without the CSRF token: 403.
    const stranger = new Agent(h.app);
    expect((await stranger.get('/api/me/notifications')).statusCode).toBe(401);
    expect((await stranger.get('/api/me/reminders')).statusCode).toBe(401);
    expect((await sara.agent.post('/api/me/notifications/read', { all: true }, { csrf: false })).statusCode).toBe(403);
    // A user who is no person in Ansvar has no notifications.
    const plain = expectBody(await admin.get('/api/me/notifications'), 200, notificationsPage);
    expect(plain).toEqual({ items: [], total: 0, unread: 0, nextCursor: null });
  });

  it('keeps each user’s reminder frequency, with the kommun’s default, and audits a change', async () => {
    const initial = expectBody(await sara.agent.get('/api/me/reminders'), 200, remindersSchema);
    expect(initial).toEqual({ frequency: null, kommunDefault: 'weekly', emailEnabled: false, calendar: { active: false, createdAt: null } });
    const daily = expectBody(await sara.agent.put('/api/me/reminders', { frequency: 'daily' }), 200, remindersSchema);
    expect(daily.frequency).toBe('daily');
    expect(expectBody(await olle.agent.get('/api/me/reminders'), 200, remindersSchema).frequency).toBeNull();
    expect(expectBody(await sara.agent.put('/api/me/reminders', { frequency: 'off' }), 200, remindersSchema).frequency).toBe('off');
    expect(expectBody(await sara.agent.put('/api/me/reminders', { frequency: null }), 200, remindersSchema).frequency).toBeNull();
    const events = await h.handle.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', sara.userId)
      .where('action', '=', 'reminders_update')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => JSON.parse(e.after_json!).frequency)).toEqual(['daily', 'off', null]);
  });

  it('serves a calendar feed of the owner’s due dates through a secret URL, replaced and revoked on request', async () => {
    const f = findings[0]!;
    const due = await dueIn(h, f.id, 10);
    const created = expectBody(await sara.agent.post('/api/me/calendar'), 201, calendarCreated);
    expect(created.url).toMatch(/^http:\/\/ansvar\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(created.url).pathname;
    // Only the hash is kept.
    const settings = await h.handle.db.selectFrom('reminder_settings').selectAll().where('user_id', '=', sara.userId).executeTakeFirstOrThrow();
    expect(created.url).not.toContain(settings.calendar_token_hash!);
    expect(settings.calendar_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(expectBody(await sara.agent.get('/api/me/reminders'), 200, remindersSchema).calendar).toEqual({ active: true, createdAt: h.clock.now().toISOString() });

    // No session needed: the token is the key.
    const feed = await h.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = feed.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(findings.length);
    expect(lines).toContain(`UID:${f.id}@ansvar.test`);
    expect(lines).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`);
    expect(lines).toContain(`URL:http://ansvar.test/findings/${f.id}`);
    expect(lines.some((l) => l.startsWith('SUMMARY:Förfaller: '))).toBe(true);

    // Another's feed shows only their own (Olle owns nothing).
    const his = expectBody(await olle.agent.post('/api/me/calendar'), 201, calendarCreated);
    const hisFeed = await h.app.inject({ method: 'GET', url: new URL(his.url).pathname });
    expect(hisFeed.statusCode).toBe(200);
    expect(hisFeed.body).not.toContain('BEGIN:VEVENT');

    // A new URL replaces the old one.
    const again = expectBody(await sara.agent.post('/api/me/calendar'), 201, calendarCreated);
    expect(again.url).not.toBe(created.url);
    expect((await h.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: new URL(again.url).pathname })).statusCode).toBe(200);

    // Revoked: 404, and the settings say so.
    expect((await sara.agent.delete('/api/me/calendar')).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: new URL(again.url).pathname })).statusCode).toBe(404);
    expect(expectBody(await sara.agent.get('/api/me/reminders'), 200, remindersSchema).calendar).toEqual({ active: false, createdAt: null });
    expect((await sara.agent.delete('/api/me/calendar')).statusCode).toBe(204);

    // Unknown and malformed tokens: 404.
    expect((await h.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(43)}` })).statusCode).toBe(404);

    const actions = await h.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', sara.userId).where('action', 'like', 'calendar_%').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['calendar_create', 'calendar_create', 'calendar_revoke']);
  });

  it('gives the feed in the owner’s language and leaves out what is handled or resolved', async () => {
    expect((await sara.agent.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    const [kept, handled, resolved] = findings;
    await h.handle.db.updateTable('findings').set({ handling: 'risk_accepted' }).where('id', '=', handled!.id).execute();
    await h.handle.db.updateTable('findings').set({ status: 'resolved', resolved_at: h.clock.now().toISOString() }).where('id', '=', resolved!.id).execute();
    const { url } = expectBody(await sara.agent.post('/api/me/calendar'), 201, calendarCreated);
    const lines = (await h.app.inject({ method: 'GET', url: new URL(url).pathname })).body.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain(`UID:${kept!.id}@ansvar.test`);
    expect(lines).not.toContain(`UID:${handled!.id}@ansvar.test`);
    expect(lines).not.toContain(`UID:${resolved!.id}@ansvar.test`);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(findings.length - 2);
    expect(lines.filter((l) => l.startsWith('SUMMARY:')).every((l) => l.startsWith('SUMMARY:Due: '))).toBe(true);
    expect(lines).toContain('X-WR-CALNAME:Ansvar: my due dates');
    // A deactivated user's feed stops.
    await h.handle.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', sara.userId).execute();
    expect((await h.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(404);
  });
});
