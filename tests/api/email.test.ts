import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailLogEntry, emailLogPage } from '../../server/modules/notifications/schemas.ts';
import { addOwner, dueIn, insertKommunUnits, ownedFindings, runJobs, systemOwnedBy, type Owner } from '../fixtures/notifications.ts';
import { errorOf, expectBody } from '../fixtures/systems.ts';
import { Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

// ——— A local SMTP server that keeps what it is sent ———

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Quoted-printable (RFC 2045) to UTF-8 text. */
const decodeQP = (s: string): string =>
  Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
/** Encoded words in a header (RFC 2047); the space between two encoded words is not part of the text. */
const decodeWords = (s: string): string =>
  s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=(\s+(?==\?))?/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQP(text.replace(/_/g, ' ')),
  );

function headersOf(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) map.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  return map;
}

const bodyOf = (headers: Map<string, string>, body: string): string => {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQP(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
};

/** A message as nodemailer writes it: text, or multipart/alternative with a text and an HTML part. */
function parseMessage(raw: string, envelope: { from: string; to: string[] }): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headersOf(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const at = part.indexOf('\r\n\r\n');
      if (at < 0) continue;
      const h = headersOf(part.slice(0, at).replace(/^\r\n/, ''));
      const type = (h.get('content-type') ?? '').split(';')[0]!.trim();
      parts[type] = bodyOf(h, part.slice(at + 4).replace(/\r\n$/, ''));
    }
  } else {
    parts['text/plain'] = bodyOf(headers, body);
  }
  const lf = (t: string | undefined) => (t ?? '').replace(/\r\n/g, '\n');
  return { ...envelope, subject: decodeWords(headers.get('subject') ?? ''), text: lf(parts['text/plain']), html: lf(parts['text/html']) };
}

interface SmtpStub {
  port: number;
  received: Received[];
  /** While set, every message is refused with this reply (a temporary failure). */
  refuse: string | null;
  close: () => Promise<void>;
}

async function startSmtp(): Promise<SmtpStub> {
  const stub: SmtpStub = { port: 0, received: [], refuse: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stub.refuse) {
          const err = Object.assign(new Error(stub.refuse), { responseCode: 451 });
          callback(err);
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        stub.received.push(parseMessage(Buffer.concat(chunks).toString('utf8'), { from, to: session.envelope.rcptTo.map((r) => r.address) }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.port = (server.server.address() as AddressInfo).port;
  stub.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stub;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describe.each(dialects())('e-mail: the digest, the send log, retries and the test e-mail (%s)', (dialect) => {
  let smtp: SmtpStub;
  let h: Harness;
  let admin: Agent;
  let sara: Owner;
  let frida: Owner;
  let saraLate: { id: string; text_en: string; text_sv: string };
  let fridaLate: { id: string; text_en: string; text_sv: string };

  beforeEach(async () => {
    smtp = await startSmtp();
    // Sessions outlast the days the clock is moved forward.
    h = await createHarness(dialect, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=ansvar@kommun.test`, SESSION_IDLE_MINUTES: '20000', SESSION_ABSOLUTE_HOURS: '1000' });
    admin = await setupAdmin(h);
    await insertKommunUnits(h);
    sara = await addOwner(h, admin, { email: 'sara@kommun.test', personId: 'p-sara', name: 'Sara Systemägare' });
    frida = await addOwner(h, admin, { email: 'frida@kommun.test', personId: 'p-frida', name: 'Frida Förvaltare', linked: true });
    expect((await sara.agent.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    await systemOwnedBy(admin, sara.personId, 'Procapita');
    await systemOwnedBy(admin, frida.personId, 'Skolportalen');
    saraLate = (await ownedFindings(h, admin, sara.personId))[0]!;
    fridaLate = (await ownedFindings(h, admin, frida.personId))[0]!;
    await dueIn(h, saraLate.id, -3);
    await dueIn(h, fridaLate.id, -1);
    // Wednesday: the due-date check tells them; the weekly digest (the kommun's default) is not due.
    await runJobs(h);
    expect(await emailRows()).toEqual([]);
  });
  afterEach(async () => {
    await h.close();
    await smtp.close();
  });

  const emailRows = () => h.handle.db.selectFrom('email_log').selectAll().orderBy('created_at').orderBy('to_address').execute();
  /** The digest's hour, then the send job's next minute (jobs of one period run in no set order). */
  const nextHour = async () => {
    h.clock.advance(HOUR);
    await runJobs(h);
    h.clock.advance(MINUTE);
    await runJobs(h);
  };
  const daily = async (o: Owner) => expect((await o.agent.put('/api/me/reminders', { frequency: 'daily' })).statusCode).toBe(200);

  it('sends each user one digest in their language, with links into Ansvar, and only once', async () => {
    await daily(sara);
    await daily(frida);
    await nextHour();
    expect(smtp.received).toHaveLength(2);
    const toSara = smtp.received.find((m) => m.to.includes('sara@kommun.test'))!;
    const toFrida = smtp.received.find((m) => m.to.includes('frida@kommun.test'))!;
    expect(toSara.to).toEqual(['sara@kommun.test']);
    expect(toSara.from).toBe('ansvar@kommun.test');
    expect(toSara.subject).toBe('Ansvar: 1 thing to follow up');
    expect(toSara.text).toContain('Hello User sara@kommun.test,');
    expect(toSara.text).toContain('Overdue (1)');
    expect(toSara.text).toContain(saraLate.text_en);
    expect(toSara.text).toContain(`http://ansvar.test/findings/${saraLate.id}`);
    expect(toSara.text).toContain('\nhttp://ansvar.test/\n');
    expect(toSara.text).not.toContain(fridaLate.text_en);
    expect(toSara.html).toContain(`<a href="http://ansvar.test/findings/${saraLate.id}">Open</a>`);
    expect(toFrida.subject).toBe('Ansvar: 1 sak att följa upp');
    expect(toFrida.text).toContain('Försenade (1)');
    expect(toFrida.text).toContain(fridaLate.text_sv);
    expect(toFrida.text).toContain(`http://ansvar.test/findings/${fridaLate.id}`);

    const rows = await emailRows();
    expect(rows.map((r) => [r.kind, r.to_address, r.locale, r.state, r.attempts])).toEqual([
      ['digest', 'frida@kommun.test', 'sv', 'sent', 1],
      ['digest', 'sara@kommun.test', 'en', 'sent', 1],
    ]);
    const unsent = await h.handle.db.selectFrom('notifications').select('id').where('emailed_at', 'is', null).execute();
    expect(unsent).toEqual([]);

    // Later runs the same day, and the next day with nothing new, send nothing.
    await nextHour();
    await nextHour();
    h.clock.advance(20 * HOUR);
    await nextHour();
    expect(smtp.received).toHaveLength(2);

    // The administrator's send log.
    const log = expectBody(await admin.get('/api/admin/email-log'), 200, emailLogPage);
    expect(log.total).toBe(2);
    expect(log.items.map((i) => [i.kind, i.state, i.lastError])).toEqual([
      ['digest', 'sent', null],
      ['digest', 'sent', null],
    ]);
    const paged = expectBody(await admin.get('/api/admin/email-log?limit=1'), 200, emailLogPage);
    expect(paged.items).toHaveLength(1);
    const rest = expectBody(await admin.get(`/api/admin/email-log?limit=1&cursor=${paged.nextCursor}`), 200, emailLogPage);
    expect(rest.total).toBeNull();
    expect(rest.items[0]!.id).not.toBe(paged.items[0]!.id);
    expect(expectBody(await admin.get('/api/admin/email-log?state=failed'), 200, emailLogPage)).toMatchObject({ items: [], total: 0 });
    expect((await sara.agent.get('/api/admin/email-log')).statusCode).toBe(403);
    expect((await admin.get('/api/admin/email-log?state=lost')).statusCode).toBe(400);
  });

  it('weekly comes on Monday morning; off sends nothing and leaves the notifications', async () => {
    expect((await frida.agent.put('/api/me/reminders', { frequency: 'off' })).statusCode).toBe(200);
    await nextHour();
    expect(smtp.received).toEqual([]);
    // Monday 20 April 2026, 07:00 in Stockholm is 05:00 UTC; the clock stands at Wednesday 13:01.
    const monday = Date.parse('2026-04-20T05:10:00.000Z');
    h.clock.advance(monday - h.clock.now().getTime() - HOUR);
    await nextHour();
    expect(smtp.received.map((m) => m.to)).toEqual([['sara@kommun.test']]);
    const fridas = await h.handle.db.selectFrom('notifications').select(['emailed_at']).where('person_id', '=', frida.personId).execute();
    expect(fridas.length).toBeGreaterThan(0);
    expect(fridas.every((n) => n.emailed_at === null)).toBe(true);
  });

  it('an SMTP server that refuses: the e-mail is kept, retried later with its reason logged, and the app carries on', async () => {
    await daily(sara);
    smtp.refuse = 'Mailbox busy, try again later';
    await nextHour();
    let [row] = await emailRows();
    // Tried once or twice in the two runs (the send job may come before or after the digest in the first).
    expect(row!.state).toBe('pending');
    const tries = row!.attempts;
    expect([1, 2]).toContain(tries);
    expect(row!.last_error).toContain('Mailbox busy');
    expect(Date.parse(row!.next_attempt_at!) - h.clock.now().getTime()).toBe((tries === 1 ? 1 : 5) * MINUTE);
    // The app carries on.
    expect((await sara.agent.get('/api/me/notifications')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const logged = expectBody(await admin.get('/api/admin/email-log?state=pending'), 200, emailLogPage);
    expect(logged.items[0]!.lastError).toContain('Mailbox busy');

    // Not again before its pause is over; then sent.
    const next = Date.parse(row!.next_attempt_at!);
    h.clock.advance(next - 30_000 - h.clock.now().getTime());
    await runJobs(h);
    expect((await emailRows())[0]!.attempts).toBe(tries);
    smtp.refuse = null;
    h.clock.advance(30_000);
    await runJobs(h);
    [row] = await emailRows();
    expect(row).toMatchObject({ state: 'sent', attempts: tries + 1, last_error: null });
    expect(smtp.received.map((m) => m.to)).toEqual([['sara@kommun.test']]);
  });

  it('gives up after six attempts, pausing 1, 5, 30 minutes, 2 and 6 hours between them', async () => {
    await daily(sara);
    smtp.refuse = 'Mailbox busy';
    await nextHour();
    const pauses = [1, 5, 30, 120, 360];
    for (let guard = 0; guard < 6; guard++) {
      const row = (await emailRows())[0]!;
      if (row.state !== 'pending') break;
      // Each failure sets the next try a growing pause after it.
      expect(Date.parse(row.next_attempt_at!) - h.clock.now().getTime()).toBe(pauses[row.attempts - 1]! * MINUTE);
      h.clock.advance(Date.parse(row.next_attempt_at!) - h.clock.now().getTime());
      await runJobs(h);
    }
    const row = (await emailRows())[0]!;
    expect(row).toMatchObject({ state: 'failed', attempts: 6, next_attempt_at: null });
    expect(row.last_error).toContain('Mailbox busy');
    smtp.refuse = null;
    h.clock.advance(24 * HOUR);
    await runJobs(h);
    expect((await emailRows())[0]).toMatchObject({ state: 'failed', attempts: 6 });
    expect(smtp.received).toEqual([]);
    expect(expectBody(await admin.get('/api/admin/email-log?state=failed'), 200, emailLogPage).items).toHaveLength(1);
  });

  it('a server that is down: the reason is logged and the e-mail waits', async () => {
    await daily(sara);
    await smtp.close();
    await nextHour();
    const [row] = await emailRows();
    expect(row!.state).toBe('pending');
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect((await sara.agent.get('/api/me/reminders')).statusCode).toBe(200);
  });

  it('sends a test e-mail at once and answers with its log entry', async () => {
    const sent = expectBody(await admin.post('/api/admin/test-email', { to: ' IT@Kommun.test ' }), 200, emailLogEntry);
    expect(sent).toMatchObject({ kind: 'test', to: 'it@kommun.test', state: 'sent', attempts: 1, lastError: null, subject: 'Ansvar: testmejl' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['it@kommun.test']);
    expect(smtp.received[0]!.text).toContain('http://ansvar.test');
    const audit = await h.handle.db.selectFrom('audit_events').select(['entity_id', 'after_json']).where('action', '=', 'test_send').execute();
    expect(audit).toEqual([{ entity_id: sent.id, after_json: JSON.stringify({ to: 'it@kommun.test' }) }]);

    // A refusing server: pending, with the reason; the send job tries again.
    smtp.refuse = 'Relay denied for now';
    const pending = expectBody(await admin.post('/api/admin/test-email', { to: 'it@kommun.test' }), 200, emailLogEntry);
    expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
    expect(pending.lastError).toContain('Relay denied');
    smtp.refuse = null;
    h.clock.advance(MINUTE + 1000);
    await runJobs(h);
    expect((await h.handle.db.selectFrom('email_log').select('state').where('id', '=', pending.id).executeTakeFirstOrThrow()).state).toBe('sent');

    // A bad address: 400 with the field's message in the caller's language.
    const bad = await admin.post('/api/admin/test-email', { to: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ to: 'Ange en giltig e-postadress.' });
    const english = new Agent(h.app, { 'accept-language': 'en' });
    await english.login('admin@kommun.test');
    expect(errorOf(await english.post('/api/admin/test-email', { to: 'x@' })).fields).toEqual({ to: 'Enter a valid e-mail address.' });
    // Not an administrator: 403.
    expect((await sara.agent.post('/api/admin/test-email', { to: 'it@kommun.test' })).statusCode).toBe(403);
  });
});

describe.each(dialects())('e-mail without SMTP_URL (%s)', (dialect) => {
  let h: Harness;
  afterEach(async () => h.close());

  it('queues nothing and refuses the test e-mail with a clear message', async () => {
    h = await createHarness(dialect);
    const admin = await setupAdmin(h);
    await insertKommunUnits(h);
    const sara = await addOwner(h, admin, { email: 'sara@kommun.test', personId: 'p-sara', name: 'Sara Systemägare' });
    await systemOwnedBy(admin, sara.personId, 'Procapita');
    const [late] = await ownedFindings(h, admin, sara.personId);
    await dueIn(h, late!.id, -3);
    expect((await sara.agent.put('/api/me/reminders', { frequency: 'daily' })).statusCode).toBe(200);
    await runJobs(h);
    h.clock.advance(HOUR);
    await runJobs(h);
    expect(await h.handle.db.selectFrom('email_log').selectAll().execute()).toEqual([]);
    const told = await h.handle.db.selectFrom('notifications').select('emailed_at').where('person_id', '=', sara.personId).execute();
    expect(told.length).toBe(1);
    expect(told[0]!.emailed_at).toBeNull();

    const refused = await admin.post('/api/admin/test-email', { to: 'it@kommun.test' });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'refused', fields: { to: expect.stringContaining('SMTP_URL') } });
    expect((await sara.agent.get('/api/me/reminders')).json()).toMatchObject({ emailEnabled: false });
  });
});
