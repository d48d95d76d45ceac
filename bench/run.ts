/**
 * `npm run bench`: starts Ansvar (child process, fresh temporary DATA_DIR, SQLite) and the bare-stack
 * baseline (bench/bare-server.ts) on 127.0.0.1, seeds Ansvar through its API, runs each scenario with
 * autocannon one after the other, prints a table and writes bench/results/latest.json.
 *
 * Exit 0 when every run completed with only 2xx answers (a missed ratio target is reported, not
 * asserted); non-zero when a server did not start, a seed step failed, or any answer was not 2xx.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS (default 10),
 * BENCH_USERS (default 200), BENCH_UNITS (default 500), BENCH_PEOPLE (default 10,000), BENCH_SYSTEMS
 * (default 10,000), BENCH_KEEP_DATA (1: keep Ansvar's data directory, e.g. for EXPLAIN QUERY PLAN), BENCH_DB
 * (sqlite, the default, or postgres: a database created on BENCH_PG_URL's server for the run), BENCH_INSTANCES
 * (2, with postgres: every read also runs on two instances behind a loopback balancer, bench/lib/instances.ts),
 * BENCH_NATIONAL (1, with postgres: the kommun copied into 290 and about 600,000 systems, bench/lib/national.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { connectionsOf, loadSettings, measure, type Measurement } from './lib/load.ts';
import { benchDatabase, createBenchDatabase, databaseUrl, dropBenchDatabase } from './lib/database.ts';
import { HOST, cleanup, cleanupNow, freePort, registerTempDir, registerUndo, startServer, type Server } from './lib/processes.ts';
import { printTable, ratios, writeJson, type Report } from './lib/report.ts';
import type { BenchContext, Scenario } from './lib/types.ts';
import { userCount } from './scenarios/accounts.ts';
import { classificationsSeedBudgetS } from './scenarios/classifications.ts';
import { groupsOf } from './scenarios/index.ts';
import { nationalSize, type NationalSize } from './lib/national.ts';
import { nationalSeedBudgetS } from './scenarios/national.ts';
import { instanceCount, withTwoInstanceRuns } from './lib/instances.ts';
import { orgSeedBudgetS, orgSize, type OrgSize } from './scenarios/org.ts';
import { hardeningBudgetS } from './scenarios/hardening.ts';
import { systemCount, systemsSeedBudgetS } from './scenarios/systems.ts';
import { tasksSeedBudgetS } from './scenarios/tasks.ts';
import { accessSeedBudgetS, accessSize } from './scenarios/access.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'latest.json');

const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** Settings in the caller's environment that would point Ansvar elsewhere than the database the run chose. */
const NEUTRALISED_ENV = { DATABASE_URL: '', PUBLIC_URL: '', SMTP_URL: '', SESSION_SECRET: '', TRUST_PROXY: '' };

function checkScenarios(scenarios: Scenario[]): void {
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new Error(`two scenarios are called "${s.name}"`);
    names.add(s.name);
  }
  for (const s of scenarios) {
    if (s.baseline && !names.has(s.baseline)) throw new Error(`scenario "${s.name}": baseline "${s.baseline}" is not a scenario`);
  }
}

async function twoPorts(): Promise<[number, number]> {
  const a = await freePort();
  let b = await freePort();
  while (b === a) b = await freePort();
  return [a, b];
}

const alive = (srv: Server): boolean => srv.child.exitCode === null && srv.child.signalCode === null;

async function main(report: Report, scenarios: Scenario[]): Promise<void> {
  checkScenarios(scenarios);
  const { durationS, connections, warmupS } = report.settings;
  const others = [...new Set(scenarios.map((s) => s.connections).filter((c): c is number => c !== undefined && c !== connections))];
  log(
    `Ansvar benchmark: ${scenarios.length} scenarios, ${connections} connections${others.length ? ` (some at ${others.join(', ')})` : ''}, ` +
      `${warmupS} s warm-up + ${durationS} s each, one at a time, Ansvar on ${report.settings.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}` +
      (report.settings.instances === 2 ? ', each read also on two instances behind a loopback balancer' : ''),
  );
  const load1 = report.loadAverageAtStart[0] ?? 0;
  log(`load average at start: ${report.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);
  if (load1 > cpus().length / 2) log(`note: other work on this machine will skew the numbers`);

  const dataDir = mkdtempSync(join(tmpdir(), 'ansvar-bench-'));
  if (keepData) log(`data directory (kept: BENCH_KEEP_DATA=1): ${dataDir}`);
  else registerTempDir(dataDir);
  const [ansvarPort, barePort] = await twoPorts();
  const databaseEnv = await prepareDatabase();
  const ansvarEnv = (port: number) => ({ ...NEUTRALISED_ENV, ...databaseEnv, DATA_DIR: dataDir, PORT: String(port), HOST, LOG_LEVEL: 'warn' });

  const t0 = performance.now();
  const [ansvar, bare] = await Promise.all([
    startServer({ name: 'ansvar', args: ['server/main.ts', 'serve'], env: ansvarEnv(ansvarPort), port: ansvarPort, healthPath: '/api/health' }),
    startServer({
      name: 'bare',
      args: ['bench/bare-server.ts'],
      env: { PORT: String(barePort), HOST, BARE_DB: join(dataDir, 'bare.sqlite') },
      port: barePort,
      healthPath: '/health',
    }),
  ]);
  log(`servers up in ${((performance.now() - t0) / 1000).toFixed(1)} s: ansvar ${ansvar.baseUrl}, bare ${bare.baseUrl}`);

  const ctx: BenchContext = { servers: { ansvar, bare }, dataDir, databaseUrl: databaseEnv.DATABASE_URL, state: new Map() };
  for (const group of groupsOf(national)) {
    log(`seed ${group.name} …`);
    const summary = await group.seed(ctx);
    report.seeds[group.name] = summary;
    log(
      `seed ${group.name}: ${Object.entries(summary)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  }

  const servers = [ansvar, bare];
  if (report.settings.instances === 2) {
    const { second, balancer } = await startSecondInstance(ansvar, ansvarEnv);
    ctx.servers.pair = balancer;
    servers.push(second, balancer);
  }

  const linesBefore = new Map(servers.map((srv) => [srv.name, srv.lineCount()]));
  for (const scenario of scenarios) {
    log(`run ${scenario.name} (${scenario.target}) …`);
    const m: Measurement = await measure(scenario, ctx, report.settings);
    report.results.push(m);
    if (m.non2xx > 0) report.failures.push(`${m.scenario}: ${m.non2xx} non-2xx responses ${JSON.stringify(m.statusCodes)}`);
    if (m.errors > 0) report.failures.push(`${m.scenario}: ${m.errors} connection errors (${m.timeouts} timeouts)`);
    if (m.requests === 0) report.failures.push(`${m.scenario}: no requests completed`);
    for (const srv of servers) if (!alive(srv)) throw new Error(`${srv.name} exited during ${scenario.name}:\n${srv.tail()}`);
  }
  for (const srv of servers) {
    const n = srv.lineCount() - (linesBefore.get(srv.name) ?? 0);
    report.serverLogLines[srv.name] = n;
    if (n > 0) log(`note: ${srv.name} wrote ${n} log lines (warn level or above) during the runs; the last ones:\n${srv.tail()}`);
  }

  report.ratios = ratios(scenarios, report.results);
  printTable(report.results, report.ratios);
  log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

/**
 * BENCH_INSTANCES=2: a second Ansvar on the same database and DATA_DIR (so the same session secret), and the
 * balancer in front of both. Returns the balancer, the target of the two-instance runs.
 */
async function startSecondInstance(
  first: Server,
  envOf: (port: number) => Record<string, string>,
): Promise<{ second: Server; balancer: Server }> {
  const [port, balancerPort] = await twoPorts();
  const second = await startServer({ name: 'ansvar-2', args: ['server/main.ts', 'serve'], env: envOf(port), port, healthPath: '/api/health' });
  const balancer = await startServer({
    name: 'balancer',
    args: ['bench/balancer.ts'],
    env: { HOST, PORT: String(balancerPort), BACKENDS: `${HOST}:${first.port},${HOST}:${port}` },
    port: balancerPort,
    healthPath: '/api/health',
  });
  log(`second instance up: ${second.baseUrl}, balancer ${balancer.baseUrl} → both`);
  return { second, balancer };
}

/** For BENCH_DB=postgres, a database of the run's own (dropped at the end unless kept): Ansvar's DATABASE_URL. */
async function prepareDatabase(): Promise<Record<string, string>> {
  const { adminUrl } = database;
  if (!adminUrl) return {};
  const name = await createBenchDatabase(adminUrl);
  const url = databaseUrl(adminUrl, name);
  if (keepData) log(`database (kept: BENCH_KEEP_DATA=1): ${url}`);
  else {
    registerUndo({
      run: () => dropBenchDatabase(adminUrl, name),
      runNow: () =>
        void spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'pg-db.ts'), 'drop', name], {
          env: { ...process.env, ANSVAR_PG_ADMIN_URL: adminUrl },
          stdio: 'ignore',
        }),
    });
  }
  log(`database: PostgreSQL, ${name}`);
  return { DATABASE_URL: url };
}

async function finish(report: Report, startedAt: Date): Promise<number> {
  report.ok = report.failures.length === 0;
  try {
    writeJson(RESULTS_FILE, report, startedAt);
    log(`results: ${relative(process.cwd(), RESULTS_FILE)}`);
  } catch (err) {
    log(`could not write ${RESULTS_FILE}: ${String(err)}`);
  }
  if (!report.ok) log(`\nFAILED:\n${report.failures.map((f) => `  - ${f}`).join('\n')}`);
  log(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s`);
  return report.ok ? 0 : 1;
}

const startedAt = new Date();
let settings: Report['settings'];
let database: ReturnType<typeof benchDatabase>;
let users: number;
let org: OrgSize;
let systems: number;
let national: NationalSize | null;
const keepData = process.env.BENCH_KEEP_DATA === '1';
try {
  database = benchDatabase();
  settings = { ...loadSettings(), database: database.kind, instances: instanceCount(database.kind) };
  users = userCount();
  org = orgSize();
  systems = systemCount();
  national = nationalSize(process.env, database.kind, systems);
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const report: Report = {
  ok: false,
  failures: [],
  settings,
  seeds: {},
  results: [],
  ratios: [],
  serverLogLines: {},
  loadAverageAtStart: loadavg(),
};

process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the servers and removing the data directory`);
    void cleanup().finally(() => process.exit(130));
  });
}

// Every run in order (with BENCH_INSTANCES=2, each read followed by its run on two instances).
const allScenarios = withTwoInstanceRuns(
  groupsOf(national).flatMap((g) => g.scenarios),
  report.settings.instances,
);
// A hang (a server that stops answering, a stuck seed) must not keep the run going for ever. A scenario
// gets its warm-up and run, 10 s, and a second per connection (its answers may come in waves of them).
const budgetS =
  60 +
  users * 0.15 +
  orgSeedBudgetS(org) +
  systemsSeedBudgetS(systems) +
  classificationsSeedBudgetS(systems) +
  tasksSeedBudgetS(systems) +
  accessSeedBudgetS(accessSize()) +
  hardeningBudgetS(systems) +
  nationalSeedBudgetS(national) +
  allScenarios.reduce((s, sc) => s + report.settings.warmupS + report.settings.durationS + 10 + connectionsOf(sc, report.settings), 0);
setTimeout(() => {
  log(`\nthe run took longer than ${Math.round(budgetS)} s; giving up`);
  report.failures.push(`timed out after ${Math.round(budgetS)} s`);
  void finish(report, startedAt)
    .then(() => cleanup())
    .finally(() => process.exit(1));
}, budgetS * 1000).unref();

let code = 1;
try {
  await main(report, allScenarios);
} catch (err) {
  report.failures.push(err instanceof Error ? err.message : String(err));
} finally {
  await cleanup();
  code = await finish(report, startedAt);
}
process.exit(code);
