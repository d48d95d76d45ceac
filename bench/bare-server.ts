/**
 * The bare-stack baseline: plain Fastify + better-sqlite3, nothing else (no plugins, no logger, no
 * hooks). One table of a few rows, one GET endpoint reading one row by primary key with a prepared
 * statement. Ansvar's numbers are compared with this one, run on the same machine in the same run.
 *
 * Env: PORT (required), HOST (default 127.0.0.1), BARE_DB (SQLite file; default in-memory).
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0) throw new Error('bare-server: PORT must be a positive integer');

// Same pragmas as Ansvar's SQLite handle, so the storage layer is configured alike.
const db = new Database(process.env.BARE_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.exec('create table if not exists items (id integer primary key, name text not null, created_at text not null)');
const insert = db.prepare('insert or replace into items (id, name, created_at) values (?, ?, ?)');
db.transaction(() => {
  for (let i = 1; i <= 5; i++) insert.run(i, `Item ${i}`, new Date().toISOString());
})();
const byId = db.prepare<[number], { id: number; name: string; created_at: string }>('select id, name, created_at from items where id = ?');

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/items/:id', async (req, reply) => {
  const row = byId.get(Number(req.params.id));
  if (!row) return reply.status(404).send({ error: 'not_found' });
  return row;
});

await app.listen({ port, host });
process.stdout.write(`bare stack listening on http://${host}:${port}\n`);

const stop = () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
