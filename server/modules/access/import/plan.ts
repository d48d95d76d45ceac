import type { Locale } from '../../../../shared/roles.ts';
import { message } from '../../../platform/i18n.ts';
import { fold } from '../../../platform/text.ts';
import type { ImportMode } from '../../../../shared/org.ts';
import { personIndex } from './match.ts';
import {
  FACT_FIELDS, SHOWN, factsTuple, type AccountFacts, type ExistingAccount, type ExistingGrant, type ImportPlan, type MatchedBy, type PlanWarning,
  type PreviewRow, type World,
} from './plan-types.ts';
import { readRows, type AccountValues } from './read-rows.ts';

/**
 * Turns a system's user list into a plan, without touching the database (docs/ACCESS.md, "The user list's
 * columns"): each account is found by its user name or made, gets its person (employee id, e-mail, user name;
 * never the name), and its access roles become grants (new roles are made, not privileged). A full import also
 * ends the current grants the file no longer shows and marks the accounts it no longer lists removed. Everything
 * is looked up in maps built once from the world (one query per table): linear in the file and the system.
 */

export interface PlanInput {
  systemId: string;
  mode: ImportMode;
  locale: Locale;
  today: string;
  fingerprint: string;
  world: World;
}

export interface PlanOutcome {
  plan: ImportPlan;
  rows: PreviewRow[];
  newRoles: string[];
  removedAccounts: Array<{ id: string; username: string }>;
  endedGrants: Array<{ id: string; username: string; accessRole: string }>;
  warnings: PlanWarning[];
}

const NONE: ExistingGrant[] = [];
const NO_NAMES: string[] = [];

/** Service and shared accounts are no one's: they are never matched to a person. */
const personal = (type: AccountFacts['type']) => type === 'personal' || type === 'administrator';

interface AccountOutcome {
  action: 'create' | 'update' | 'unchanged';
  person: { id: string; name: string } | null;
  matchedBy: MatchedBy | null;
  changes: string[];
  /** Role keys this account is granted now (each shown once, on the first row that names it). */
  started: string[];
  /** Names of the access roles whose grants end (full mode). */
  ended: string[];
}

export function planImport(table: string[][], input: PlanInput): PlanOutcome {
  const { world } = input;
  const read = readRows(table, world.roles);
  const people = personIndex(world.people);
  const rolesByKey = new Map(world.roles.map((r) => [r.name_key, r]));
  const accountsByKey = new Map(world.accounts.map((a) => [a.username_key, a]));
  const grantsByAccount = new Map<string, ExistingGrant[]>();
  for (const g of world.grants) {
    const list = grantsByAccount.get(g.account_id);
    if (list) list.push(g);
    else grantsByAccount.set(g.account_id, [g]);
  }
  const hasRoles = read.columns.role !== undefined;
  const plan: ImportPlan = {
    systemId: input.systemId,
    mode: input.mode,
    today: input.today,
    fingerprint: input.fingerprint,
    roles: [],
    creates: [],
    updates: [],
    starts: [],
    removals: [],
    ends: [],
    repersons: [],
    counts: { create: 0, update: 0, unchanged: 0, error: 0 },
    effects: { rolesCreated: 0, accountsCreated: 0, accountsUpdated: 0, accountsRemoved: 0, grantsStarted: 0, grantsEnded: 0, grantsRepersoned: 0, unmatched: 0 },
  };
  /** A role's place in plan.roles, by name key (an existing role by its id's place, a new one made once). */
  const places = new Map<string, number>();
  const placeOf = (key: string, name: string): number => {
    let at = places.get(key);
    if (at === undefined) {
      const existing = rolesByKey.get(key);
      at = plan.roles.push(existing ? [existing.id, existing.name] : [null, name]) - 1;
      places.set(key, at);
    }
    return at;
  };
  const roleNames = new Map(world.roles.map((r) => [r.id, r.name]));
  const endedGrants: PlanOutcome['endedGrants'] = [];
  const end = (g: ExistingGrant, username: string) => {
    plan.ends.push([g.id, g.person_id]);
    if (endedGrants.length < SHOWN) endedGrants.push({ id: g.id, username, accessRole: roleNames.get(g.access_role_id) ?? '' });
  };

  const outcomes = new Map<string, AccountOutcome>();
  for (const [key, values] of read.accounts) {
    const existing = accountsByKey.get(key);
    const facts = factsOf(values, existing);
    let matchedBy: MatchedBy | null = null;
    if (personal(facts.type)) {
      const hit = people.match({ employeeId: values.employeeId ?? null, email: facts.email, usernameKey: key });
      if (hit) [facts.personId, matchedBy] = [hit.personId, hit.by];
      else if (facts.personId) matchedBy = 'existing';
    } else facts.personId = null;
    if (facts.type === 'personal' && !facts.personId) plan.effects.unmatched++;

    let changes: Array<keyof AccountFacts> = [];
    if (existing) {
      const before = factsOfExisting(existing);
      changes = FACT_FIELDS.filter((k) => facts[k] !== before[k]);
      if (changes.length) plan.updates.push([existing.id, ...factsTuple(facts), changes, changes.map((k) => before[k])]);
    }

    // An account holds a few grants: arrays, not sets (this loop runs once per account of a list of 50,000).
    const current = existing ? (grantsByAccount.get(existing.id) ?? NONE) : NONE;
    const started: string[] = [];
    const kept: string[] = [];
    const starts: number[] = [];
    if (hasRoles) {
      for (const [roleKey, { name }] of values.roles) {
        const at = placeOf(roleKey, name);
        const roleId = plan.roles[at]![0];
        if (roleId) {
          kept.push(roleId);
          if (current.some((g) => g.access_role_id === roleId)) continue;
        }
        starts.push(at);
        started.push(roleKey);
      }
    }
    plan.effects.grantsStarted += starts.length;
    if (!existing) plan.creates.push([values.username, ...factsTuple(facts), starts]);
    else if (starts.length) plan.starts.push([existing.id, facts.personId, starts]);
    const endsHere = input.mode === 'full' && hasRoles && !read.held.has(key);
    const ended: string[] = [];
    for (const g of current) {
      if (endsHere && !kept.includes(g.access_role_id)) {
        end(g, existing!.username);
        ended.push(roleNames.get(g.access_role_id) ?? '');
      } else if (g.person_id !== facts.personId) plan.repersons.push([g.id, g.person_id, facts.personId]);
    }
    const person = facts.personId ? { id: facts.personId, name: people.nameOf(facts.personId) ?? '' } : null;
    const action = !existing ? 'create' : changes.length || started.length || ended.length ? 'update' : 'unchanged';
    outcomes.set(key, { action, person, matchedBy, changes: changes.map((c) => (c === 'personId' ? 'person' : c)), started, ended });
  }

  const warnings: PlanWarning[] = [];
  if (!hasRoles) warnings.push({ code: 'no_role_column', message: message(input.locale, 'access.import.no_role_column') });
  const removedAccounts: PlanOutcome['removedAccounts'] = [];
  if (input.mode === 'full') {
    const missing = world.accounts.filter((a) => a.status !== 'removed' && !read.accounts.has(a.username_key) && !read.held.has(a.username_key));
    if (read.anonymousErrors.length) warnings.push(withheld(input.locale, read.anonymousErrors, missing.length));
    else {
      for (const a of missing) {
        plan.removals.push([a.id, a.status]);
        if (removedAccounts.length < SHOWN) removedAccounts.push({ id: a.id, username: a.username });
        for (const g of grantsByAccount.get(a.id) ?? []) end(g, a.username);
      }
    }
  }

  const rows = previewRows(read.rows, outcomes, input.locale, read.columns, plan);
  const newRoles = plan.roles.filter(([id]) => id === null).map(([, name]) => name);
  plan.effects = {
    ...plan.effects,
    rolesCreated: newRoles.length,
    accountsCreated: plan.creates.length,
    accountsUpdated: plan.updates.length,
    accountsRemoved: plan.removals.length,
    grantsEnded: plan.ends.length,
    grantsRepersoned: plan.repersons.length,
  };
  return { plan, rows, newRoles, removedAccounts, endedGrants, warnings };
}

/** What the account will be: the file's values, else what it has (a removed account listed again is active). */
function factsOf(v: AccountValues, existing: ExistingAccount | undefined): AccountFacts {
  return {
    displayName: v.displayName ?? existing?.display_name ?? null,
    email: v.email ?? existing?.email ?? null,
    type: v.type ?? existing?.type ?? 'personal',
    status: v.status ?? (existing && existing.status !== 'removed' ? existing.status : 'active'),
    personId: existing?.person_id ?? null,
    lastLoginAt: v.lastLoginAt !== undefined ? v.lastLoginAt : (existing?.last_login_at ?? null),
  };
}

const factsOfExisting = (a: ExistingAccount): AccountFacts => ({
  displayName: a.display_name,
  email: a.email,
  type: a.type,
  status: a.status,
  personId: a.person_id,
  lastLoginAt: a.last_login_at,
});

function previewRows(
  read: ReturnType<typeof readRows>['rows'],
  outcomes: Map<string, AccountOutcome>,
  locale: Locale,
  columns: ReturnType<typeof readRows>['columns'],
  plan: ImportPlan,
): PreviewRow[] {
  const firstRowShown = new Set<AccountOutcome>();
  return read.map((r) => {
    const base = { row: r.row, username: r.username, name: r.name, roles: r.roles };
    if (r.problems.length) {
      plan.counts.error++;
      return {
        ...base,
        action: 'error',
        person: null,
        matchedBy: null,
        errors: r.problems.map((p) => {
          const col = columns[p.field];
          return { column: col?.label ?? p.field, cell: col ? `${col.letter}${r.row}` : String(r.row), message: message(locale, p.key, p.params) };
        }),
      };
    }
    const o = outcomes.get(r.usernameKey!)!;
    // The account's own changes (and the grants a full import ends) show on its first row; a later row (a row per
    // role) shows the roles it grants.
    const first = !firstRowShown.has(o);
    firstRowShown.add(o);
    // A new account is granted every role its rows name: only an existing account's rows list what they start.
    const started = o.action === 'create' || !o.started.length ? NO_NAMES : r.roles.filter((name) => {
      const at = o.started.indexOf(fold(name));
      if (at >= 0) o.started.splice(at, 1);
      return at >= 0;
    });
    const changes = first ? o.changes : [];
    const ended = first ? o.ended : [];
    const action = o.action === 'create' ? 'create' : changes.length || ended.length || started.length ? 'update' : 'unchanged';
    plan.counts[action]++;
    return {
      ...base,
      action,
      person: o.person,
      matchedBy: o.matchedBy,
      ...(started.length ? { started } : {}),
      ...(ended.length ? { ended } : {}),
      ...(changes.length ? { changes } : {}),
    };
  });
}

const SHOWN_ROWS = 10;

function withheld(locale: Locale, rows: number[], count: number): PlanWarning {
  const shown = rows.slice(0, SHOWN_ROWS).join(', ') + (rows.length > SHOWN_ROWS ? ', …' : '');
  return { code: 'removals_withheld', message: message(locale, 'access.import.removals_withheld', { rows: shown, count }) };
}
