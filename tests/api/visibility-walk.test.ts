import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTwoForvaltningar, type TwoForvaltningar } from '../fixtures/two-forvaltningar.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/**
 * Walks every GET route of the OpenAPI document as a user, and as a granskare, whose grants reach only
 * förvaltning A, and checks that no id or name of B's private objects (defined in
 * tests/fixtures/two-forvaltningar.ts) appears in any answer, whatever the path parameter or filter.
 * Routes come from GET /api/openapi.json, so a new route is walked without touching this test.
 */

/** GET routes not walked, each with the reason. */
const NOT_WALKED: Record<string, string> = {
  '/api/systems/export.xlsx':
    'a binary workbook (zip), not text; it holds the rows of /api/systems/export.csv, which is walked with the same filters',
  '/api/access-reviews/{id}/evidence.xlsx':
    'a binary workbook (zip), not text; it holds the items of /api/access-reviews/{id}/items, which is walked, and opens for the same callers',
  '/api/access-reviews/{id}/evidence.pdf':
    'a PDF with compressed streams, not text; it holds the items of /api/access-reviews/{id}/items, which is walked, and opens for the same callers',
};

/** Routes that refuse a caller scoped to one förvaltning whatever the parameters (403), with the reason. */
const REFUSED_WHEN_SCOPED: Record<string, string> = {
  '/api/users': 'users are not tied to units: reading them needs an installation-wide grant',
  '/api/users/{id}/grants': 'managing grants needs an installation-wide administrator',
  '/api/audit': 'the whole trail covers every unit: installation-wide administrators and granskare only',
  '/api/maintenance/suspect-people': 'repairing people that are organisations compares names across the installation: installation-wide administrators only',
  '/api/admin/email-log': 'the send log covers every user’s e-mail: installation-wide administrators only',
};

/**
 * A path parameter named `token` is a one-time link's secret (setup, invitation, password reset), not an
 * object id: no id of A's opens such a route, and B's ids must answer like any unknown token.
 */
const isTokenRoute = (route: string) => /\{token\}/.test(route);

/** Extra filter values worth trying on free-text query parameters, by parameter name. */
const VALUE_HINTS: Record<string, string[]> = {
  holders: ['all'],
  area: ['avveckling_av_datamedia', 'drift_och_forvaltning,systemforvaltarplaner'],
  roleKey: ['systemagare', 'systemforvaltare', 'informationsagare', 'chef'],
  rule: ['dependency_retired', 'role_vacant', 'agreement_missing'],
  entityType: ['system', 'role_assignment', 'person', 'agreement'],
  endingBefore: ['2100-01-01'],
  from: ['2000-01-01T00:00:00Z'],
  to: ['2100-01-01T00:00:00Z'],
};

/** Query parameters set on every variant of a route besides the one varied (combinations some filters only read together). */
const BASES: Record<string, Array<Record<string, string>>> = {
  '/api/role-assignments': [{}, { subjectKind: 'system' }, { subjectKind: 'unit' }, { current: 'false' }],
  '/api/findings': [{}, { status: 'all' }],
  '/api/people': [{}, { includeSubunits: 'true' }],
};

interface Param {
  in: 'path' | 'query';
  name: string;
  schema?: { enum?: unknown[]; anyOf?: Array<{ enum?: unknown[] }>; maximum?: number };
}
type Paths = Record<string, { get?: { parameters?: Param[] } }>;

const enumOf = (p: Param): string[] =>
  [...(p.schema?.enum ?? []), ...(p.schema?.anyOf ?? []).flatMap((s) => s.enum ?? [])].map(String).filter((v) => v !== '');
const isIdParam = (name: string) => name === 'id' || /Id$/.test(name);

describe.each(dialects())('every read route as a user of one förvaltning (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let w: TwoForvaltningar;
  let paths: Paths;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    w = await buildTwoForvaltningar(h, admin);
    paths = ((await admin.get('/api/openapi.json')).json() as { paths: Paths }).paths;
  }, 120_000);
  afterAll(async () => h?.close());

  for (const who of ['user', 'reviewer'] as const) {
    it(
      `shows ${who === 'user' ? 'A’s user' : 'A’s granskare'} nothing of B’s private objects on any GET route`,
      { timeout: 600_000 },
      async () => {
        const agent = who === 'user' ? w.userA : w.reviewerA;
        const privateIds = [
          ...Object.values(w.bPrivate.ids),
          ...(who === 'reviewer' ? Object.values(w.bRoleOnly.ids) : []),
          ...(await w.derived(h.handle.db, who)),
        ];
        const privateWords = [...w.bPrivate.words, ...(who === 'reviewer' ? w.bRoleOnly.words : [])];
        const forbidden = [...privateIds, ...privateWords];
        // The check can fail: an installation-wide administrator sees B's private systems, people, units, agreements and
        // access (roles, accounts, orders, reviews) by these words.
        const sysB = w.bPrivate.ids.sysBPriv;
        const seenByAdmin = (
          await Promise.all(
            [
              '/api/systems?limit=500', '/api/people?limit=500', '/api/org-units?limit=500', '/api/agreements?limit=500',
              `/api/systems/${sysB}/access-roles`, `/api/systems/${sysB}/accounts?limit=100`, `/api/access-orders/${w.bPrivate.ids.orderB}`,
              '/api/access-reviews?limit=100',
            ].map((u) => admin.get(u)),
          )
        )
          .map((r) => r.body)
          .join('');
        for (const word of privateWords.filter((x) => !x.includes('@'))) expect(seenByAdmin, word).toContain(word);
        const knownIds = [...Object.values(w.a), ...Object.values(w.bPrivate.ids), ...Object.values(w.bRoleOnly.ids)];
        const bIds = [...Object.values(w.bPrivate.ids), ...(who === 'reviewer' ? Object.values(w.bRoleOnly.ids) : [])];

        const leaks: string[] = [];
        const statuses = new Map<string, Set<number>>();
        let requests = 0;
        const walk = async (route: string, url: string) => {
          const res = await agent.get(url);
          requests++;
          statuses.set(route, (statuses.get(route) ?? new Set()).add(res.statusCode));
          expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
          for (const token of forbidden) if (res.body.includes(token)) leaks.push(`${url} (${res.statusCode}) names ${token}`);
          return res;
        };

        const routes = Object.entries(paths).filter(([route, item]) => item.get && !(route in NOT_WALKED));
        expect(routes.length).toBeGreaterThan(20);
        for (const [route, item] of routes) {
          const params = item.get!.parameters ?? [];
          const pathParams = params.filter((p) => p.in === 'path');
          const query = params.filter((p) => p.in === 'query' && p.name !== 'cursor');
          const limit = query.find((p) => p.name === 'limit');
          const base = { ...(limit ? { limit: String(limit.schema?.maximum ?? 500) } : {}) };
          const urls = (path: string): string[] => {
            const out: string[] = [];
            for (const extra of BASES[route] ?? [{}]) {
              const qs = (q: Record<string, string>) => `${path}?${new URLSearchParams({ ...base, ...extra, ...q }).toString()}`;
              out.push(qs({}));
              for (const p of query) {
                if (p.name === 'limit' || p.name in extra) continue;
                const values = enumOf(p).length
                  ? enumOf(p)
                  : isIdParam(p.name)
                    ? knownIds
                    : p.name === 'q'
                      ? [...privateWords, 'Hemlig', 'Procapita']
                      : (VALUE_HINTS[p.name] ?? ['x']);
                for (const v of values) out.push(qs({ [p.name]: v }));
              }
            }
            return out;
          };
          if (!pathParams.length) {
            for (const url of urls(route)) await walk(route, url);
            continue;
          }
          const fill = (id: string) => pathParams.reduce((path, p) => path.replaceAll(`{${p.name}}`, encodeURIComponent(id)), route);
          const unknown = await walk(route, fill('no-such-object'));
          // A's objects (and the shared ones) with every filter; B's private ids must answer like an unknown id: 404 (403 if the route refuses the caller anyway).
          for (const id of Object.values(w.a)) for (const url of urls(fill(id))) await walk(route, url);
          for (const id of bIds) {
            const res = await walk(route, fill(id));
            expect(res.statusCode, `${fill(id)} as ${who}`).toBe(unknown.statusCode);
            expect([403, 404], `${fill(id)} as ${who}`).toContain(res.statusCode);
          }
        }

        // The walk reached content: every route answered 200 at least once, or is known to refuse a scoped caller (403 everywhere).
        for (const [route] of routes) {
          const seen = statuses.get(route)!;
          if (route in REFUSED_WHEN_SCOPED) expect([...seen], route).toEqual([403]);
          else if (isTokenRoute(route)) expect(seen.has(200), route).toBe(false);
          else expect(seen.has(200), `${route}: ${[...seen].join(', ')}`).toBe(true);
        }
        expect(requests).toBeGreaterThan(500);
        expect(leaks).toEqual([]);
      },
    );
  }
});
