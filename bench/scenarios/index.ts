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
import { orgGroup } from './org.ts';
import { systemsGroup } from './systems.ts';
import { tasksGroup } from './tasks.ts';

export const GROUPS: ScenarioGroup[] = [bareGroup, accountsGroup, orgGroup, systemsGroup, classificationsGroup, tasksGroup, accessGroup, hardeningGroup];
