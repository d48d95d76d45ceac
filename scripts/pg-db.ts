/**
 * Creates or drops a PostgreSQL database for a test run: `tsx scripts/pg-db.ts create|drop NAME`.
 * Connects as ANSVAR_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import pg from 'pg';

const [action, name] = process.argv.slice(2);
if (!action || !['create', 'drop'].includes(action) || !name || !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
  process.stderr.write('usage: tsx scripts/pg-db.ts create|drop <name: lower-case letters, digits, _>\n');
  process.exit(64);
}
const client = new pg.Client({ connectionString: process.env.ANSVAR_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await client.connect();
try {
  await client.query(action === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`);
  process.stdout.write(`${action === 'create' ? 'Created' : 'Dropped'} database ${name}\n`);
} finally {
  await client.end();
}
