import { can, canSomewhere } from '../../platform/access/permissions.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { settled } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { RoleSpec } from '../../policy/schema.ts';
import { getActivePack } from '../policy/index.ts';
import { visibilityOf } from '../systems/index.ts';
import {
  activeKommuner,
  countActivePeople,
  countVisibleSystems,
  heldKommunRoles,
  markedFunctions,
  openFindingCounts,
  registerProgress,
} from './repository.ts';
import type { Onboarding } from './schemas.ts';

/** The findings that say a system lacks a role the pack requires (docs/FINDINGS.md). */
const LACKING_ROLE_KEYS = ['role_vacant', 'role_only_inactive_holders'] as const;
const VACANT_ROLE_KEY = 'role_vacant';
/** The functions every kommun marks (shared/org.ts UNIT_FUNCTIONS): the IT unit and the kansli. */
const FUNCTIONS_PER_KOMMUN = 2;

/**
 * The roles held for a whole kommun that the active pack requires: on the organisation (requiredOn, or by
 * default every subject kind the role has) with at least one holder. Which roles they are is the pack's.
 */
export const kommunWideRoles = (roles: readonly RoleSpec[]): string[] =>
  roles
    .filter((r) => r.subjectKinds.includes('organisation') && (r.requiredOn ?? r.subjectKinds).includes('organisation') && r.minHolders > 0)
    .map((r) => r.key);

/**
 * Getting started (docs/DECISIONS.md, issue 11 part 1): the steps from an empty installation to a
 * confirmed register, computed from the data, and the numbers of today. The steps are about the whole
 * installation, so only a caller who reads the organisation and the register installation-wide gets them;
 * the numbers are counted within what the caller may see (as the register and the findings list show it).
 */
export async function getOnboarding(ctx: Ctx, auth: Auth): Promise<Onboarding> {
  // Findings as of the caller's last write, as the findings list.
  await settled(ctx.db);
  const kommuner = await activeKommuner(ctx.db);
  const canCreateKommun = kommuner.length === 0 && can(auth.grants, 'org:manage');
  // Without systems:read anywhere the caller sees no system and no finding (not even the kommungemensamma).
  const reader = canSomewhere(auth.grants, 'systems:read');
  const reach = reachOf(auth.grants, 'systems:read');
  const visibility = await visibilityOf(ctx, auth);
  const installationWide = can(auth.grants, 'org:read') && can(auth.grants, 'systems:read');
  const [findings, register] = await Promise.all([
    reader ? openFindingCounts(ctx.db, reach, visibility) : [],
    installationWide ? registerProgress(ctx.db, LACKING_ROLE_KEYS) : null,
  ]);
  const bySeverity = (severity: string) => findings.filter((f) => f.severity === severity).reduce((sum, f) => sum + f.n, 0);
  const figures = {
    // An installation-wide reader sees every system: the register's count is theirs.
    systems: !reader ? 0 : register ? register.systems : await countVisibleSystems(ctx.db, visibility),
    findings: { high: bySeverity('high'), medium: bySeverity('medium'), low: bySeverity('low') },
    vacantRoles: findings.filter((f) => f.key === VACANT_ROLE_KEY).reduce((sum, f) => sum + f.n, 0),
  };
  if (!register) return { steps: [], canCreateKommun, figures };

  const kommunIds = kommuner.map((k) => k.id);
  const { pack } = await getActivePack(ctx);
  const required = kommunWideRoles(pack.roles);
  const [functions, people, held] = await Promise.all([
    markedFunctions(ctx.db, kommunIds),
    countActivePeople(ctx.db),
    heldKommunRoles(ctx.db, kommunIds, required, todayOf(ctx)),
  ]);
  const kommunPage = kommuner.length === 1 ? `/organisation/${kommuner[0]!.id}` : '/organisation';
  const hasKommun = kommuner.length > 0;
  const hasSystems = register.inUse > 0;
  return {
    canCreateKommun,
    figures,
    steps: [
      { key: 'kommun', done: hasKommun, count: kommuner.length, total: null, href: hasKommun ? kommunPage : '/' },
      {
        key: 'functions',
        done: hasKommun && functions >= FUNCTIONS_PER_KOMMUN * kommuner.length,
        count: functions,
        total: FUNCTIONS_PER_KOMMUN * kommuner.length,
        href: '/organisation',
      },
      { key: 'people', done: people > 0, count: people, total: null, href: '/people/import' },
      {
        key: 'kommun_roles',
        done: hasKommun && held >= required.length * kommuner.length,
        count: held,
        total: required.length * kommuner.length,
        href: kommunPage,
      },
      { key: 'systems', done: register.systems > 0, count: register.systems, total: null, href: '/systems/import' },
      {
        key: 'system_roles',
        done: hasSystems && register.lacking === 0,
        count: register.lacking,
        total: register.inUse,
        href: `/findings?rule=${VACANT_ROLE_KEY}`,
      },
      {
        key: 'confirmation',
        done: hasSystems && register.unconfirmed === 0,
        count: register.unconfirmed,
        total: register.inUse,
        href: '/systems?sort=confirmedAt',
      },
    ],
  };
}
