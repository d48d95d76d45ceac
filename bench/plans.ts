/**
 * The plans behind the bench's reads on PostgreSQL (docs/PERFORMANCE.md): for each GET scenario of a kept run
 * (`BENCH_DB=postgres BENCH_KEEP_DATA=1 npm run bench`), the statements one request runs, each with its time,
 * the buffers it touched and any sequential scan, as `EXPLAIN (ANALYZE, BUFFERS)` gives them through auto_explain.
 *
 *   BENCH_PLANS_DATA_DIR=/tmp/ansvar-bench-… BENCH_PLANS_DB_URL=postgres://…/ansvar_bench_… npm run bench:plans
 *
 * It reads the scenarios' paths from `bench/results/latest.json` (the kept run's, whose ids are that database's),
 * starts Ansvar on the kept data with auto_explain switched on for that database (and off again at the end), signs in
 * as the bench's administrator, requests each path once to warm it up and once more to record, and reads the plans
 * from the PostgreSQL server's log (`BENCH_PLANS_PG_LOG`, default Debian's). Every scenario runs as the administrator,
 * so the reviewer's and a person's own lists show the administrator's plans. Prints Markdown.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ApiClient } from './lib/client.ts';
import { cleanup, freePort, startServer } from './lib/processes.ts';
import { ADMIN_EMAIL, PASSWORD } from './scenarios/accounts.ts';

const ROOT = join(import.meta.dirname, '..');

interface Result {
  scenario: string;
  target: string;
  method: string;
  path: string;
}
interface Statement {
  ms: number;
  text: string;
  hit: number;
  read: number;
  seqScans: string[];
}

/** The plans auto_explain wrote, from a piece of the server's log. */
export function parsePlans(log: string): Statement[] {
  const out: Statement[] = [];
  for (const entry of log.split(/\n(?=\S[^\n]*LOG: {2}duration: )/)) {
    const duration = /duration: ([\d.]+) ms\s+plan:/.exec(entry);
    if (!duration) continue;
    const text = (/Query Text: ([^\n]*)/.exec(entry)?.[1] ?? '').replace(/\s+/g, ' ').trim();
    // The first Buffers line is the top node's: the whole statement's.
    const buffers = /Buffers: shared((?: \w+=\d+)+)/.exec(entry)?.[1] ?? '';
    const count = (kind: string) => Number(new RegExp(`${kind}=(\\d+)`).exec(buffers)?.[1] ?? 0);
    const seqScans = [...entry.matchAll(/Seq Scan on (\w+)(?: \w+)?\s+\(cost=[^)]*\) \(actual time=[^ ]+ rows=(\d+) loops=(\d+)\)/g)].map(
      (m) => `${m[1]} (${Number(m[2]) * Number(m[3])} rows)`,
    );
    out.push({ ms: Number(duration[1]), text, hit: count('hit'), read: count('read'), seqScans });
  }
  return out;
}

const SETTINGS = ['session_preload_libraries', 'auto_explain.log_min_duration', 'auto_explain.log_analyze', 'auto_explain.log_buffers'];

async function alterDatabase(dbUrl: string, on: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const name = (await client.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
    const ident = client.escapeIdentifier(name);
    const values: Record<string, string> = {
      session_preload_libraries: "'auto_explain'",
      'auto_explain.log_min_duration': '0',
      'auto_explain.log_analyze': 'on',
      'auto_explain.log_buffers': 'on',
    };
    for (const setting of SETTINGS) {
      await client.query(on ? `alter database ${ident} set ${setting} = ${values[setting]}` : `alter database ${ident} reset ${setting}`);
    }
  } finally {
    await client.end();
  }
}

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, size - offset));
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const short = (sql: string) => (sql.length > 110 ? `${sql.slice(0, 107)}…` : sql).replaceAll('|', '\\|');

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = env.BENCH_PLANS_DATA_DIR;
  const dbUrl = env.BENCH_PLANS_DB_URL;
  const logFile = env.BENCH_PLANS_PG_LOG || '/var/log/postgresql/postgresql-15-main.log';
  const resultsFile = env.BENCH_PLANS_RESULTS || join(ROOT, 'bench', 'results', 'latest.json');
  if (!dataDir || !dbUrl) {
    process.stderr.write('BENCH_PLANS_DATA_DIR and BENCH_PLANS_DB_URL name a kept bench run (see the top of bench/plans.ts)\n');
    process.exit(2);
  }
  const results = (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: Result[] }).results.filter(
    (r) => r.target === 'ansvar' && r.method === 'GET',
  );
  await alterDatabase(dbUrl, true);
  try {
    const port = await freePort();
    const server = await startServer({
      name: 'ansvar',
      args: ['server/main.ts', 'serve'],
      env: { DATABASE_URL: dbUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PUBLIC_URL: '', SMTP_URL: '', TRUST_PROXY: '' },
      port,
      healthPath: '/api/health',
    });
    const admin = new ApiClient(server.baseUrl);
    await admin.login(ADMIN_EMAIL, PASSWORD);
    // The findings list waits for the start's refresh: once it answers, the background work is done.
    await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 120_000 });
    const lines = ['| Scenario | Statement | ms | buffers hit/read | sequential scans |', '| --- | --- | --- | --- | --- |'];
    for (const r of results) {
      await admin.request('GET', r.path);
      const offset = statSync(logFile).size;
      const res = await admin.request('GET', r.path);
      await new Promise((done) => setTimeout(done, 300));
      const statements = parsePlans(readFrom(logFile, offset)).filter((s) => !/change_feed|pg_stat_user_tables/.test(s.text));
      const name = `${r.scenario}${res.status === 200 ? '' : ` (${res.status})`}`;
      for (const s of statements) {
        lines.push(`| ${name} | ${short(s.text)} | ${s.ms.toFixed(2)} | ${s.hit}/${s.read} | ${s.seqScans.join(', ') || '–'} |`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cleanup();
    await alterDatabase(dbUrl, false);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
