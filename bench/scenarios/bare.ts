/** The bare-stack baseline: plain Fastify + better-sqlite3 reading one row by primary key. */
import type { ScenarioGroup } from '../lib/types.ts';

export const BARE_SCENARIO = 'bare: GET /items/:id';

/** The bare server creates its own few rows at start (bench/bare-server.ts); nothing to seed. */
export async function seed(): Promise<{ rows: number }> {
  return { rows: 5 };
}

export const bareGroup: ScenarioGroup = {
  name: 'bare',
  seed,
  scenarios: [{ name: BARE_SCENARIO, target: 'bare', path: '/items/3' }],
};
