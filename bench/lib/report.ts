/** The benchmark's output: a table on stdout and bench/results/latest.json. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { BenchDatabaseKind } from './database.ts';
import type { LoadSettings, Measurement } from './load.ts';
import type { Scenario, SeedSummary } from './types.ts';

export interface Ratio {
  scenario: string;
  baseline: string;
  baselineTarget: string;
  ratio: number;
  target: number | null;
  met: boolean | null;
}

export function ratios(scenarios: Scenario[], results: Measurement[]): Ratio[] {
  const byName = new Map(results.map((m) => [m.scenario, m]));
  const out: Ratio[] = [];
  for (const s of scenarios) {
    const m = byName.get(s.name);
    const base = s.baseline ? byName.get(s.baseline) : undefined;
    if (!m || !base || base.requestsPerSec <= 0) continue;
    const ratio = m.requestsPerSec / base.requestsPerSec;
    const target = s.targetRatio ?? null;
    out.push({
      scenario: s.name,
      baseline: base.scenario,
      baselineTarget: base.target,
      ratio,
      target,
      met: target === null ? null : ratio >= target,
    });
  }
  return out;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printTable(results: Measurement[], rs: Ratio[]): void {
  const rows = [
    ['scenario', 'target', 'conns', 'req/s (avg)', 'p50 ms', 'p99 ms', 'p99 target', 'requests', 'non-2xx', 'errors', 'vs baseline'],
    ...results.map((m) => {
      const r = rs.find((x) => x.scenario === m.scenario);
      return [
        m.scenario,
        m.target,
        String(m.connections),
        fmt(m.requestsPerSec),
        fmt(m.latencyP50Ms, 2),
        fmt(m.latencyP99Ms, 2),
        m.targetP99Ms === null ? '' : `≤ ${m.targetP99Ms} ${m.p99Met ? 'met' : 'MISSED'}`,
        fmt(m.requests),
        fmt(m.non2xx),
        fmt(m.errors),
        r ? r.ratio.toFixed(2) : '',
      ];
    }),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows.slice(1)) process.stdout.write(`${line(row)}\n`);
  process.stdout.write('\n');
  for (const r of rs) {
    const target = r.target === null ? '' : ` (target ≥ ${r.target.toFixed(2)})`;
    process.stdout.write(`ratio ${r.scenario} / ${r.baseline} = ${r.ratio.toFixed(2)}${target}\n`);
  }
  for (const m of results.filter((x) => x.during)) {
    const what = Object.entries(m.during!)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    process.stdout.write(`during ${m.scenario}: ${what}\n`);
  }
  const targeted = results.filter((m) => m.targetP99Ms !== null);
  if (targeted.length) {
    const missed = targeted.filter((m) => !m.p99Met);
    process.stdout.write(
      `p99 targets: ${targeted.length - missed.length} of ${targeted.length} met` +
        (missed.length
          ? `; missed: ${missed.map((m) => `${m.scenario} (${fmt(m.latencyP99Ms, 2)} ms > ${m.targetP99Ms} ms)`).join(', ')}`
          : '') +
        ' (reported, not asserted)\n',
    );
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface Report {
  ok: boolean;
  failures: string[];
  /** The load's settings, which database Ansvar ran on, and whether reads also ran on two instances. */
  settings: LoadSettings & { database: BenchDatabaseKind; instances: 1 | 2 };
  seeds: Record<string, SeedSummary>;
  results: Measurement[];
  ratios: Ratio[];
  serverLogLines: Record<string, number>;
  /** os.loadavg() when the run started: other work on the machine skews the numbers. */
  loadAverageAtStart: number[];
}

export function writeJson(file: string, report: Report, startedAt: Date): void {
  const doc = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverageAtEnd: loadavg(),
    ...report,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}
