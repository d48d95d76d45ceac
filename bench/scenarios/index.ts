/**
 * Every scenario group, in the order they are seeded and run. Later groups (e.g. 10,000 systems:
 * list and search) add a file beside these and one entry here; their scenarios can name
 * BARE_SCENARIO as baseline and read the administrator's session from ADMIN_COOKIE.
 */
import type { ScenarioGroup } from '../lib/types.ts';
import { accountsGroup } from './accounts.ts';
import { bareGroup } from './bare.ts';
import { orgGroup } from './org.ts';

export const GROUPS: ScenarioGroup[] = [bareGroup, accountsGroup, orgGroup];
