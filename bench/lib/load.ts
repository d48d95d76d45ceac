/**
 * One scenario's load: a single checked request, an unreported warm-up run, a drain (one more request,
 * answered once the warm-up's backlog is done), the measured run — at least BENCH_DURATION and at least
 * one answer per connection — and another drain. autocannon runs in this process; the server under
 * test is a separate process.
 */
import autocannon from 'autocannon';
import { serverOf, type BenchContext, type Scenario } from './types.ts';

export interface LoadSettings {
  durationS: number;
  connections: number;
  warmupS: number;
}

export interface Measurement {
  scenario: string;
  target: string;
  method: string;
  path: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyAvgMs: number;
  latencyMaxMs: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
  connections: number;
  /** The scenario's p99 target (ms), and whether the run met it; null without a target. */
  targetP99Ms: number | null;
  p99Met: boolean | null;
  /** What the scenario's background work (`during`) reported, e.g. how long the import took. */
  during?: Record<string, string | number | boolean>;
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/** Defaults: 10 connections, 10 s measured after a 2 s warm-up; BENCH_DURATION / BENCH_CONNECTIONS / BENCH_WARMUP override. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): LoadSettings {
  return {
    durationS: positiveInt('BENCH_DURATION', 10, env),
    connections: positiveInt('BENCH_CONNECTIONS', 10, env),
    warmupS: positiveInt('BENCH_WARMUP', 2, env),
  };
}

interface Resolved {
  url: string;
  method: NonNullable<Scenario['method']>;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Each request's own body (Scenario.bodies); the preflight takes the first. */
  next: (() => string) | undefined;
}

function resolve(scenario: Scenario, ctx: BenchContext): Resolved {
  const path = typeof scenario.path === 'function' ? scenario.path(ctx) : scenario.path;
  const next = scenario.bodies?.(ctx);
  // Each of `next`'s bodies is sent (a decision's version counts them): none is taken here, only when a request goes.
  const body = next ? undefined : scenario.body?.(ctx);
  const headers = { ...(body !== undefined || next ? { 'content-type': 'application/json' } : {}), ...scenario.headers?.(ctx) };
  return { url: serverOf(ctx, scenario.target).baseUrl + path, method: scenario.method ?? 'GET', path, headers, body, next };
}

/** One request first, so a broken scenario fails with the server's answer rather than a count. */
async function preflight(r: Resolved, name: string, timeoutMs = 10_000): Promise<void> {
  const body = r.next ? r.next() : (r.body ?? null);
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (res.status < 200 || res.status > 299)
    throw new Error(`${name}: ${r.method} ${r.path} answered ${res.status} before the run: ${text.slice(0, 500)}`);
}

/**
 * When a run ends, autocannon closes its connections, but the server still works through the requests
 * they had in flight (up to one per connection). One more request of the same kind is answered about
 * when that backlog is done; waiting for it keeps a run's backlog out of the next run.
 */
const DRAIN_TIMEOUT_MS = 180_000;

/** The longest a measured run goes on waiting for its minimum of responses. */
const MAX_RUN_S = 120;

/** Per-request timeout: with N connections on one server process an answer may take N times its own time. */
const requestTimeoutS = (connections: number): number => Math.max(10, connections);

/**
 * One autocannon run of at least durationS seconds and, when minResponses > 0, until that many responses
 * came back (at most MAX_RUN_S). Its latency histogram keeps whole milliseconds only, so every
 * response's time (a float, in ms) is also collected here for sub-millisecond percentiles.
 */
function run(
  r: Resolved,
  connections: number,
  durationS: number,
  minResponses = 0,
  until?: Promise<unknown>,
): Promise<{ result: autocannon.Result; latencies: Float64Array }> {
  return new Promise((resolveRun, reject) => {
    let times = new Float64Array(65_536);
    let n = 0;
    let check: NodeJS.Timeout | undefined;
    const instance = autocannon(
      {
        url: r.url,
        method: r.method,
        headers: r.headers,
        ...(r.next ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: r.next!() }) }] } : r.body !== undefined ? { body: r.body } : {}),
        connections,
        pipelining: 1,
        duration: minResponses > 0 || until ? Math.max(durationS, MAX_RUN_S) : durationS,
        timeout: requestTimeoutS(connections),
      },
      (err: unknown, result: autocannon.Result) => {
        clearInterval(check);
        if (err) reject(err);
        else resolveRun({ result, latencies: times.subarray(0, n) });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (n === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[n++] = responseTime;
    });
    let waiting = until !== undefined;
    until?.finally(() => (waiting = false)).catch(() => undefined);
    if (minResponses > 0 || until) {
      const started = Date.now();
      check = setInterval(() => {
        if (Date.now() - started >= durationS * 1000 && n >= minResponses && !waiting) {
          clearInterval(check);
          instance.stop();
        }
      }, 50);
    }
  });
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : 0;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A scenario's connections: its own, else BENCH_CONNECTIONS. */
export const connectionsOf = (scenario: Scenario, settings: LoadSettings): number => scenario.connections ?? settings.connections;

export async function measure(scenario: Scenario, ctx: BenchContext, settings: LoadSettings): Promise<Measurement> {
  const r = resolve(scenario, ctx);
  const connections = connectionsOf(scenario, settings);
  await preflight(r, scenario.name);
  if (!scenario.during) {
    await run(r, connections, settings.warmupS);
    await preflight(r, scenario.name, DRAIN_TIMEOUT_MS);
  }
  const work = scenario.during?.(ctx);
  // At least one answer per connection: a slow scenario's answers come in waves of `connections`.
  const { result: res, latencies } = await run(r, connections, settings.durationS, connections, work);
  const during = work ? await work : undefined;
  await preflight(r, scenario.name, DRAIN_TIMEOUT_MS);
  latencies.sort();
  const p99 = round2(percentile(latencies, 99));
  const targetP99Ms = scenario.targetP99Ms ?? null;
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(res.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    scenario: scenario.name,
    target: scenario.target,
    method: r.method,
    path: r.path,
    requestsPerSec: res.requests.average,
    latencyP50Ms: round2(percentile(latencies, 50)),
    latencyP99Ms: p99,
    latencyAvgMs: round2(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
    latencyMaxMs: round2(percentile(latencies, 100)),
    requests: res.requests.total,
    ok2xx: res['2xx'],
    non2xx: res.non2xx,
    errors: res.errors,
    timeouts: res.timeouts,
    statusCodes,
    durationS: res.duration,
    connections: res.connections,
    targetP99Ms,
    p99Met: targetP99Ms === null ? null : p99 <= targetP99Ms,
    ...(during ? { during } : {}),
  };
}
