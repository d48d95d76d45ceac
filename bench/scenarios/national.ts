/**
 * National scale (BENCH_NATIONAL=1, PostgreSQL only; issue 16, part 4): the seeded kommun copied into 290 kommuner
 * and about 600,000 systems (bench/lib/national.ts), the findings computed by Ansvar's own full refresh, and the
 * lists one kommun's administrator reads — the register, a förvaltning's systems, search and findings — with the
 * same settings as the systems group's 10,000-system runs, so their p99 can be set side by side.
 */
import type { ApiClient } from '../lib/client.ts';
import { announceEverything, nationalId, seedNational, type NationalSize } from '../lib/national.ts';
import type { BenchContext, Scenario, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, scopedUser } from './accounts.ts';
import { BARE_SCENARIO_50 } from './bare.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';
import { SUBTREE_FORVALTNING } from './org-data.ts';
import { SEARCH_FRAGMENT } from './systems-data.ts';

const COOKIE = 'national.cookie';
const FORVALTNING = 'national.forvaltning';
const EMAIL = 'kommun-001@bench.test';
/** The first refresh of 600,000 systems' findings takes minutes. */
const REFRESH_TIMEOUT_MS = 3_600_000;

/** A ceiling for the seed, for run.ts's hang guard: the copy and the first refresh, about 1 ms a system each. */
export const nationalSeedBudgetS = (size: NationalSize | null): number => (size ? 120 + size.kommuner * size.systemsPerKommun * 0.004 : 0);

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const state = (ctx: BenchContext, key: string): string => {
  const v = ctx.state.get(key);
  if (typeof v !== 'string') throw new Error(`national seed did not set ${key}`);
  return v;
};

type Page = { items: Array<{ id: string }>; total: number | null };

export function nationalGroup(size: NationalSize): ScenarioGroup {
  async function seed(ctx: BenchContext): Promise<Record<string, number | string>> {
    const started = performance.now();
    const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
    const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
    const rootId = org?.unitIds.get('KOM');
    const sof = org?.unitIds.get(SUBTREE_FORVALTNING);
    if (!admin || !rootId || !sof) throw new Error('national: the accounts, org and systems seeds must run first');
    if (!ctx.databaseUrl) throw new Error('national: needs BENCH_DB=postgres');

    const t = performance.now();
    const seeded = await seedNational(ctx.databaseUrl, rootId, size, (m) => process.stdout.write(`${m}\n`));
    const copyS = seconds(t);
    const kommunId = seeded.kommunIds[0]!;

    const before = (await admin.expect<Page>(200, 'GET', '/api/findings?limit=1')).total ?? 0;
    const t2 = performance.now();
    await announceEverything(ctx.databaseUrl);
    // The instance reads the feed every second and then refreshes everything; the findings list waits for a refresh
    // under way, so the first answer with more findings than before comes once it is done. A wait is cut short
    // before fetch's own limit of 300 s for the answer's headers, and asked again.
    for (;;) {
      if (performance.now() - t2 > REFRESH_TIMEOUT_MS) throw new Error(`national: no new findings ${REFRESH_TIMEOUT_MS / 1000} s after the copy`);
      await new Promise((r) => setTimeout(r, 1000));
      const page = await admin.request<Page>('GET', '/api/findings?limit=1', undefined, { timeoutMs: 240_000 }).catch((err: unknown) => {
        if (err instanceof Error && err.name === 'TimeoutError') return null;
        throw err;
      });
      if (page && page.status !== 200) throw new Error(`national: GET /api/findings answered ${page.status}: ${page.text.slice(0, 200)}`);
      if ((page?.body.total ?? 0) > before) break;
    }
    const refreshS = seconds(t2);
    const all = await admin.expect<Page>(200, 'GET', '/api/findings?limit=1');

    const client = await scopedUser(admin, ctx.servers.ansvar.baseUrl, { email: EMAIL, name: 'Kommun 001 Admin', role: 'administrator', unitId: kommunId });
    ctx.state.set(COOKIE, client.cookieHeader());
    const forvaltning = nationalId(1, sof);
    await client.expect(200, 'GET', `/api/org-units/${forvaltning}`);
    ctx.state.set(FORVALTNING, forvaltning);
    // The kommun's administrator sees its register and nothing else.
    const mine = await client.expect<Page>(200, 'GET', '/api/systems?limit=1');
    if (mine.total !== size.systemsPerKommun) throw new Error(`national: kommun 001's administrator sees ${mine.total} systems, not ${size.systemsPerKommun}`);
    const everything = await admin.expect<Page>(200, 'GET', '/api/systems?limit=1');
    const myFindings = await client.expect<Page>(200, 'GET', '/api/findings?limit=1');

    return {
      kommuner: size.kommuner,
      systems: everything.total ?? 0,
      systemsPerKommun: size.systemsPerKommun,
      ...Object.fromEntries(Object.entries(seeded.rows).map(([k, v]) => [`rows.${k}`, v])),
      copySeconds: copyS,
      findings: all.total ?? 0,
      findingsOfKommun001: myFindings.total ?? 0,
      firstRefreshSeconds: refreshS,
      seconds: seconds(started),
    };
  }

  const common = {
    target: 'ansvar',
    headers: (ctx: BenchContext) => ({ cookie: state(ctx, COOKIE) }),
    baseline: BARE_SCENARIO_50,
    connections: 50,
  } as const;
  const PAGE = 'limit=50&holders=systemagare';
  const scenarios: Scenario[] = [
    { ...common, name: 'national: one kommun, GET /api/systems (first page)', path: `/api/systems?${PAGE}`, targetP99Ms: 100 },
    {
      ...common,
      name: 'national: one kommun, GET /api/systems?unitId (förvaltning)',
      path: (ctx) => `/api/systems?unitId=${encodeURIComponent(state(ctx, FORVALTNING))}&${PAGE}`,
      targetP99Ms: 100,
    },
    {
      ...common,
      name: `national: one kommun, GET /api/systems?q=${SEARCH_FRAGMENT} (search)`,
      path: `/api/systems?q=${encodeURIComponent(SEARCH_FRAGMENT)}&${PAGE}`,
      targetP99Ms: 100,
    },
    { ...common, name: 'national: one kommun, GET /api/findings (first page)', path: '/api/findings?limit=50' },
  ];
  return { name: 'national', seed, scenarios };
}
