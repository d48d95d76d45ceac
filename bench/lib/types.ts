/**
 * The shapes a scenario group fills in. A group seeds what its scenarios need (through the real
 * API), then each scenario is one autocannon run against one server. To add scenarios, add a group
 * file under bench/scenarios/ and list it in bench/scenarios/index.ts.
 */
import type { Server } from './processes.ts';

/**
 * The servers a scenario can target: Ansvar itself, the bare-stack baseline, and (with BENCH_INSTANCES=2) the
 * loopback balancer in front of two Ansvar instances.
 */
export type TargetName = 'ansvar' | 'bare' | 'pair';

export interface BenchContext {
  servers: Record<Exclude<TargetName, 'pair'>, Server> & { pair?: Server };
  /** Ansvar's DATA_DIR (temporary, removed at the end). */
  dataDir: string;
  /** Ansvar's database with BENCH_DB=postgres (for seeds that write it directly: the national one). */
  databaseUrl?: string;
  /** Filled in by seed steps for later scenarios, e.g. the administrator's session cookie. */
  state: Map<string, unknown>;
}

export interface Scenario {
  /** Shown in the table and the JSON, and used by `baseline` references; unique. */
  name: string;
  target: TargetName;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path (with query), or a function of the seeded state. */
  path: string | ((ctx: BenchContext) => string);
  headers?: (ctx: BenchContext) => Record<string, string>;
  body?: (ctx: BenchContext) => string;
  /**
   * A body of its own for every request (e.g. a decision on the next item, which cannot be made twice): called once
   * per scenario, it gives the function that makes each request's body. Instead of `body`.
   */
  bodies?: (ctx: BenchContext) => () => string;
  /** Name of the scenario this one's req/s is divided by, e.g. the bare stack. */
  baseline?: string;
  /** The ratio to the baseline this scenario should reach (reported, not asserted). */
  targetRatio?: number;
  /** Concurrent connections for this scenario; default BENCH_CONNECTIONS. */
  connections?: number;
  /** The p99 latency (ms) this scenario should stay within (reported, not asserted). */
  targetP99Ms?: number;
  /**
   * Work that runs while the load is measured (e.g. a large import and its findings refresh): the measured
   * run starts with it and lasts until it is done (and at least BENCH_DURATION); there is no warm-up. What it
   * returns is reported beside the measurement.
   */
  during?: (ctx: BenchContext) => Promise<SeedSummary>;
}

/** What a seed step reports, for the output and the JSON. */
export type SeedSummary = Record<string, string | number | boolean>;

export interface ScenarioGroup {
  name: string;
  /** Prepares the data the group's scenarios need; runs once, before any load is generated. */
  seed: (ctx: BenchContext) => Promise<SeedSummary>;
  scenarios: Scenario[];
}

/** The server a scenario runs against; throws when it was not started (a two-instance run without BENCH_INSTANCES=2). */
export function serverOf(ctx: BenchContext, target: TargetName): Server {
  const srv = ctx.servers[target];
  if (!srv) throw new Error(`no ${target} server in this run`);
  return srv;
}
