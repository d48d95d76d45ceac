/** The bare-stack baseline: plain Fastify + better-sqlite3 reading one row by primary key. */
import type { ScenarioGroup } from '../lib/types.ts';

export const BARE_SCENARIO = 'bare: GET /items/:id';
/** The same at 50 connections: the baseline of the scenarios that run at 50 (the systems group). */
export const BARE_SCENARIO_50 = 'bare: GET /items/:id @50';

/** The bare server creates its own few rows at start (bench/bare-server.ts); nothing to seed. */
export async function seed(): Promise<{ rows: number }> {
  return { rows: 5 };
}

export const bareGroup: ScenarioGroup = {
  name: 'bare',
  seed,
  scenarios: [
    { name: BARE_SCENARIO, target: 'bare', path: '/items/3' },
    { name: BARE_SCENARIO_50, target: 'bare', path: '/items/3', connections: 50 },
  ],
};
