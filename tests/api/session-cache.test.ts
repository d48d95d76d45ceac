import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionCacheOf, sessionChangesHeard, sessionListenerPid } from '../../server/platform/auth/session-invalidation.ts';
import type { Db } from '../../server/platform/db/index.ts';
import { Agent, addUser, createHarness, dialects, secondInstance, setupAdmin, type Harness, type SecondInstance } from './harness.ts';

/**
 * The session between requests (platform/auth/session-cache.ts): on PostgreSQL each instance keeps the sessions
 * it resolved, and drops them when the database says a session, a user or a grant changed. Two instances on one
 * database, as behind a load balancer: what one changes, the other must refuse or show once it has heard.
 */
describe.each(dialects())('sessions kept between requests (%s)', (dialect) => {
  let h: Harness;
  let second: SecondInstance;
  let admin: Agent;
  let anna: Agent;
  let annaOnB: Agent;
  let annaId: string;

  /** PostgreSQL: the cache serves once its listening connection is up. */
  const listening = async (db: Db) => {
    if (dialect !== 'postgres') return;
    for (let i = 0; i < 200 && !sessionCacheOf(db)?.enabled; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sessionCacheOf(db)?.enabled).toBe(true);
  };

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    anna = await addUser(h, admin, 'anna@kommun.test', 'user');
    annaId = (await anna.get('/api/me')).json().id;
    second = await secondInstance(h);
    annaOnB = new Agent(second.app);
    annaOnB.cookies = new Map(anna.cookies);
    await listening(h.handle.db);
    await listening(second.handle.db);
    // Both instances have resolved (and on PostgreSQL kept) Anna's session.
    expect((await anna.get('/api/me')).statusCode).toBe(200);
    expect((await annaOnB.get('/api/me')).statusCode).toBe(200);
  });
  afterEach(async () => {
    await second.close();
    await h.close();
  });

  it('keeps sessions on PostgreSQL only', () => {
    if (dialect === 'postgres') {
      expect(sessionCacheOf(h.handle.db)?.size).toBeGreaterThan(0);
      expect(sessionCacheOf(second.handle.db)?.size).toBe(1);
    } else {
      expect(sessionCacheOf(h.handle.db)).toBeUndefined();
    }
  });

  it('sessions ended on one instance are refused at once there, and on the other once it has heard', async () => {
    expect((await admin.delete(`/api/users/${annaId}/sessions`)).statusCode).toBe(204);
    expect((await anna.get('/api/me')).statusCode).toBe(401);
    await sessionChangesHeard(second.handle.db);
    expect((await annaOnB.get('/api/me')).statusCode).toBe(401);
  });

  it('a grant removed on one instance is gone on the other', async () => {
    const before = (await annaOnB.get('/api/me')).json<{ roles: Array<{ role: string }> }>().roles;
    expect(before.map((g) => g.role)).toEqual(['user']);
    const grants = (await admin.get(`/api/users/${annaId}/grants`)).json<{ items: Array<{ id: string }> }>().items;
    expect((await admin.post(`/api/users/${annaId}/grants`, { role: 'administrator', orgUnitId: null, includeSubunits: true })).statusCode).toBe(201);
    expect((await admin.delete(`/api/users/${annaId}/grants/${grants[0]!.id}`)).statusCode).toBe(204);
    await sessionChangesHeard(second.handle.db);
    const after = (await annaOnB.get('/api/me')).json<{ roles: Array<{ role: string }> }>().roles;
    expect(after.map((g) => g.role)).toEqual(['administrator']);
  });

  it('a change made outside the application (SQL) is heard too', async () => {
    await h.handle.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', annaId).execute();
    await sessionChangesHeard(h.handle.db);
    await sessionChangesHeard(second.handle.db);
    expect((await anna.get('/api/me')).statusCode).toBe(401);
    expect((await annaOnB.get('/api/me')).statusCode).toBe(401);
  });

  it('while it cannot hear changes it keeps nothing, and it listens again', async () => {
    const pid = sessionListenerPid(second.handle.db);
    if (dialect !== 'postgres') {
      expect(pid).toBeNull();
      return;
    }
    expect(pid).toEqual(expect.any(Number));
    const client = new pg.Client({ connectionString: process.env.ANSVAR_TEST_PG_URL });
    await client.connect();
    try {
      await client.query('select pg_terminate_backend($1)', [pid]);
      for (let i = 0; i < 200 && sessionCacheOf(second.handle.db)?.enabled; i++) await new Promise((r) => setTimeout(r, 5));
      // Unheard changes may have come and gone meanwhile: nothing kept survives.
      expect(sessionCacheOf(second.handle.db)?.size ?? 0).toBe(0);
      await listening(second.handle.db);
      expect(sessionListenerPid(second.handle.db)).not.toBe(pid);
      // Listening again: a session ended elsewhere is refused here.
      expect((await annaOnB.get('/api/me')).statusCode).toBe(200);
      expect(sessionCacheOf(second.handle.db)?.size).toBe(1);
      await admin.delete(`/api/users/${annaId}/sessions`);
      await sessionChangesHeard(second.handle.db);
      expect((await annaOnB.get('/api/me')).statusCode).toBe(401);
    } finally {
      await client.end();
    }
  });
});
