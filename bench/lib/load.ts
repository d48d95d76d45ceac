/**
 * One scenario's load: a single checked request, an unreported warm-up run, then the measured run.
 * autocannon runs in this process; the server under test is a separate process.
 */
import autocannon from 'autocannon';
import type { BenchContext, Scenario } from './types.ts';

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
}

function resolve(scenario: Scenario, ctx: BenchContext): Resolved {
  const path = typeof scenario.path === 'function' ? scenario.path(ctx) : scenario.path;
  const body = scenario.body?.(ctx);
  const headers = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...scenario.headers?.(ctx) };
  return { url: ctx.servers[scenario.target].baseUrl + path, method: scenario.method ?? 'GET', path, headers, body };
}

/** One request first, so a broken scenario fails with the server's answer rather than a count. */
async function preflight(r: Resolved, name: string): Promise<void> {
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body ?? null, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (res.status < 200 || res.status > 299)
    throw new Error(`${name}: ${r.method} ${r.path} answered ${res.status} before the run: ${text.slice(0, 500)}`);
}

/**
 * One autocannon run. Its latency histogram keeps whole milliseconds only, so every response's time
 * (a float, in ms) is also collected here for sub-millisecond percentiles.
 */
function run(r: Resolved, connections: number, durationS: number): Promise<{ result: autocannon.Result; latencies: Float64Array }> {
  return new Promise((resolveRun, reject) => {
    let times = new Float64Array(65_536);
    let n = 0;
    const instance = autocannon(
      {
        url: r.url,
        method: r.method,
        headers: r.headers,
        ...(r.body !== undefined ? { body: r.body } : {}),
        connections,
        pipelining: 1,
        duration: durationS,
        timeout: 10,
      },
      (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolveRun({ result, latencies: times.subarray(0, n) })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (n === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[n++] = responseTime;
    });
  });
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : 0;

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function measure(scenario: Scenario, ctx: BenchContext, settings: LoadSettings): Promise<Measurement> {
  const r = resolve(scenario, ctx);
  await preflight(r, scenario.name);
  await run(r, settings.connections, settings.warmupS);
  const { result: res, latencies } = await run(r, settings.connections, settings.durationS);
  latencies.sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(res.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    scenario: scenario.name,
    target: scenario.target,
    method: r.method,
    path: r.path,
    requestsPerSec: res.requests.average,
    latencyP50Ms: round2(percentile(latencies, 50)),
    latencyP99Ms: round2(percentile(latencies, 99)),
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
  };
}
