/**
 * Every scenario group, in the order they are seeded and run. A later group adds a file beside these
 * and one entry here; its scenarios can name BARE_SCENARIO (or BARE_SCENARIO_50) as baseline and read
 * the administrator's session from ADMIN_COOKIE and what earlier groups seeded from ctx.state.
 */
import type { ScenarioGroup } from '../lib/types.ts';
import { accessGroup } from './access.ts';
import { accountsGroup } from './accounts.ts';
import { bareGroup } from './bare.ts';
import { classificationsGroup } from './classifications.ts';
import { hardeningGroup } from './hardening.ts';
import type { NationalSize } from '../lib/national.ts';
import { nationalGroup } from './national.ts';
import { orgGroup } from './org.ts';
import { SYSTEMS_LISTS, systemsGroup } from './systems.ts';
import { tasksGroup } from './tasks.ts';

export const GROUPS: ScenarioGroup[] = [bareGroup, accountsGroup, orgGroup, systemsGroup, classificationsGroup, tasksGroup, accessGroup, hardeningGroup];

/**
 * The groups of a run. BENCH_NATIONAL=1: the seeds the national copy needs (one kommun's units, people, register and
 * classifications), then the copy and one kommun's lists; of the other scenarios only the bare stack's and the
 * register's and findings lists run, read across all kommuner by the installation's administrator (the rest —
 * the whole tree, the matrix, the repair page — are pages of one kommun, not of an installation of 290).
 */
export function groupsOf(national: NationalSize | null): ScenarioGroup[] {
  if (!national) return GROUPS;
  const seedOnly = (g: ScenarioGroup): ScenarioGroup => ({ ...g, scenarios: [] });
  const lists = { ...systemsGroup, scenarios: systemsGroup.scenarios.filter((s) => SYSTEMS_LISTS.has(s.name)) };
  return [bareGroup, seedOnly(accountsGroup), seedOnly(orgGroup), lists, seedOnly(classificationsGroup), nationalGroup(national)];
}
