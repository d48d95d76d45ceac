/**
 * Which database Ansvar runs on during the bench: `BENCH_DB=sqlite` (default: a file in its DATA_DIR) or
 * `BENCH_DB=postgres` (a database of its own on `BENCH_PG_URL`'s server, created for the run and dropped at the
 * end unless BENCH_KEEP_DATA=1). The bare-stack baseline stays the same either way.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BenchDatabaseKind = 'sqlite' | 'postgres';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** For BENCH_DB=postgres: the server's administrative URL, where the run's database is created and dropped. */
  adminUrl: string | null;
}

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabase(env: NodeJS.ProcessEnv = process.env): BenchDatabase {
  const kind = env.BENCH_DB === undefined || env.BENCH_DB === '' ? 'sqlite' : env.BENCH_DB;
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`BENCH_DB must be sqlite or postgres, got "${kind}"`);
  if (kind === 'sqlite') return { kind, adminUrl: null };
  const adminUrl = env.BENCH_PG_URL || DEFAULT_PG_URL;
  try {
    new URL(adminUrl);
  } catch {
    throw new Error(`BENCH_PG_URL is not a URL: "${adminUrl}"`);
  }
  return { kind, adminUrl };
}

/** The URL of database `name` on the server of `adminUrl` (same user, host and options). */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates a database with a name no other run uses (the server is shared between runs); returns its name. */
export async function createBenchDatabase(adminUrl: string): Promise<string> {
  const name = `ansvar_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `create database ${name}`);
  return name;
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  await onServer(adminUrl, `drop database if exists ${name} with (force)`);
}
