import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/platform/audit/audit.ts';
import { Agent, addUser, createHarness, dialects, secondInstance, setupAdmin, type Harness } from './harness.ts';

describe.each(dialects())('audit trail (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  it('records every change with actor, origin and request id, newest first', async () => {
    const res = await admin.post('/api/invites', { email: 'u@kommun.test', name: 'U', role: 'user' }, { headers: { 'x-ansvar-origin': 'ui', 'x-request-id': 'req-test-0001' } });
    expect(res.headers['x-request-id']).toBe('req-test-0001');
    const page = (await admin.get('/api/audit?limit=10')).json();
    const [invite, login, created] = page.items;
    expect(invite).toMatchObject({ entityType: 'invite', action: 'create', origin: 'ui', requestId: 'req-test-0001', actor: { name: 'Ada Admin' } });
    expect(invite.after).toMatchObject({ email: 'u@kommun.test', role: 'user' });
    expect(JSON.stringify(page)).not.toMatch(/token=/); // links never enter the trail
    expect(login).toMatchObject({ entityType: 'user', action: 'login', origin: 'api' });
    expect(created).toMatchObject({ entityType: 'user', action: 'create', after: { email: 'admin@kommun.test' } });
    expect(page.items.at(-1)).toMatchObject({ entityType: 'setup_link', actor: null, origin: 'system' });
    expect(page.items.map((e: { seq: number }) => e.seq)).toEqual([...page.items.map((e: { seq: number }) => e.seq)].sort((a, b) => b - a));
  });

  it('filters by entity, actor and time, and pages by keyset', async () => {
    for (const i of [1, 2, 3]) await admin.post('/api/invites', { email: `u${i}@kommun.test`, name: `U${i}`, role: 'user' });
    const invites = (await admin.get('/api/audit?entityType=invite&limit=2')).json();
    expect(invites.items).toHaveLength(2);
    const rest = (await admin.get(`/api/audit?entityType=invite&limit=2&cursor=${invites.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...invites.items, ...rest.items].map((e: { after: { email: string } }) => e.after.email))).toEqual(new Set(['u1@kommun.test', 'u2@kommun.test', 'u3@kommun.test']));

    const me = (await admin.get('/api/me')).json();
    const mine = (await admin.get(`/api/audit?actorId=${me.id}&limit=100`)).json();
    expect(mine.items.every((e: { actor: { id: string } }) => e.actor?.id === me.id)).toBe(true);
    const future = new Date(h.clock.now().getTime() + 60_000).toISOString();
    expect((await admin.get(`/api/audit?from=${encodeURIComponent(future)}`)).json().items).toEqual([]);
    const bad = await admin.get('/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from).toBeDefined();
  });

  it('is readable by administrators and granskare only', async () => {
    const reviewer = await addUser(h, admin, 'rev@kommun.test', 'reviewer');
    const user = await addUser(h, admin, 'user@kommun.test', 'user');
    expect((await reviewer.get('/api/audit')).statusCode).toBe(200);
    expect((await user.get('/api/audit')).statusCode).toBe(403);
    expect((await new Agent(h.app).get('/api/audit')).statusCode).toBe(401);
  });

  it('the hash chain verifies, and names the first altered or removed event', async () => {
    await addUser(h, admin, 'user@kommun.test', 'user');
    const ok = await verifyAuditChain(h.handle.db, 3);
    expect(ok.ok).toBe(true);
    const total = ok.count;
    expect(total).toBeGreaterThan(4);

    const db = h.handle.db;
    const target = await db.selectFrom('audit_events').select(['id', 'seq', 'after_json']).where('seq', '=', 3).executeTakeFirstOrThrow();
    await db.updateTable('audit_events').set({ after_json: '{"email":"mallory@evil.test"}' }).where('id', '=', target.id).execute();
    const altered = await verifyAuditChain(db, 3);
    expect(altered).toEqual({ ok: false, count: 2, broken: { seq: 3, id: target.id, reason: 'hash_mismatch' } });
    await db.updateTable('audit_events').set({ after_json: target.after_json }).where('id', '=', target.id).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const victim = await db.selectFrom('audit_events').select('id').where('seq', '=', 4).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_events').where('seq', '=', 4).execute();
    const removed = await verifyAuditChain(db);
    expect(removed.ok).toBe(false);
    expect(removed.ok === false && removed.broken).toMatchObject({ seq: 5, reason: 'sequence_gap' });
    expect(victim.id).toBeTruthy();
  });

  it('concurrent changes keep one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => admin.post('/api/invites', { email: `c${i}@kommun.test`, name: `C${i}`, role: 'user' })));
    const result = await verifyAuditChain(h.handle.db);
    expect(result.ok).toBe(true);
    const seqs = (await h.handle.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // The head row, which every audited transaction locks and moves, is the last event.
    const last = await h.handle.db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const head = await h.handle.db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: Number(last.seq), hash: last.hash });
  });

  it('two instances on one database keep one unbroken chain', async () => {
    const other = await secondInstance(h);
    try {
      const adminOnOther = new Agent(other.app);
      adminOnOther.cookies = new Map(admin.cookies);
      adminOnOther.csrf = admin.csrf;
      const invite = (agent: Agent, i: number) => agent.post('/api/invites', { email: `two${i}@kommun.test`, name: `Två ${i}`, role: 'user' });
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => invite(i % 2 ? admin : adminOnOther, i)));
      expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 201));
      expect(await verifyAuditChain(h.handle.db)).toMatchObject({ ok: true });
      expect(await h.handle.db.selectFrom('audit_events').select('seq').where('entity_type', '=', 'invite').execute()).toHaveLength(16);
    } finally {
      await other.close();
    }
  });
});
