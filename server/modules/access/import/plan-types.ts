import { z } from 'zod';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, type AccountStatus, type AccountType } from '../../../../shared/access.ts';
import { IMPORT_MODES } from '../../../../shared/org.ts';
import type { MessageKey } from '../../../platform/i18n.ts';

/** At most this many data rows per file (a 400 beyond). */
export const MAX_IMPORT_ROWS = 100_000;
/** At most this many access roles in one cell. */
export const MAX_ROLES_PER_ROW = 200;
/** A dry-run's plan can be applied for this long. */
export const IMPORT_TTL_MS = 3_600_000;
/** The dry-run names at most this many removed accounts and ended grants (their numbers are always whole). */
export const SHOWN = 1000;

/** How an account found its person: employee id, e-mail, user name, or the person it already had. */
export const MATCHES = ['employeeId', 'email', 'username', 'existing'] as const;
export type MatchedBy = (typeof MATCHES)[number];

/** What the import writes of an account. */
export interface AccountFacts {
  displayName: string | null;
  email: string | null;
  type: AccountType;
  status: AccountStatus;
  personId: string | null;
  lastLoginAt: string | null;
}

export const countsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});

export const effectsSchema = z.object({
  rolesCreated: z.number().int(),
  accountsCreated: z.number().int(),
  accountsUpdated: z.number().int(),
  accountsRemoved: z.number().int(),
  grantsStarted: z.number().int(),
  grantsEnded: z.number().int(),
  grantsRepersoned: z.number().int().describe('Current grants whose person follows their account’s new person'),
  unmatched: z.number().int().describe('Personal accounts in the file that belong to no person'),
});
export type Effects = z.infer<typeof effectsSchema>;

const text = z.string();
const maybe = z.string().nullable();
const type = z.enum(ACCOUNT_TYPES);
const status = z.enum(ACCOUNT_STATUSES);

/**
 * The plan a dry-run stores (access_imports.plan_json) and apply writes as it is. It is kept compact — tuples, and
 * access roles by their place in `roles` — as a list of 50,000 accounts makes a plan of tens of thousands of
 * entries; new rows get their ids when it is applied. `fingerprint` is the system's access as the dry-run saw it
 * (rows and versions of its roles, accounts and grants): apply refuses (409) when it moved since.
 */
export const planSchema = z.object({
  systemId: text,
  mode: z.enum(IMPORT_MODES),
  today: text,
  fingerprint: text,
  /** The access roles the plan grants: [existing id, or null for a new role; name]. */
  roles: z.array(z.tuple([maybe, text])),
  /** New accounts: [username, displayName, email, type, status, personId, lastLoginAt, roles (places in `roles`)]. */
  creates: z.array(z.tuple([text, maybe, maybe, type, status, maybe, maybe, z.array(z.number().int())])),
  /** Changed accounts: [id, displayName, email, type, status, personId, lastLoginAt, changed fields, their values before]. */
  updates: z.array(z.tuple([text, maybe, maybe, type, status, maybe, maybe, z.array(text), z.array(z.unknown())])),
  /** Existing accounts' new grants: [account id, personId, roles (places in `roles`)]. */
  starts: z.array(z.tuple([text, maybe, z.array(z.number().int())])),
  /** Accounts to mark removed: [id, status before]. */
  removals: z.array(z.tuple([text, status])),
  /** Grants to end: [id, personId]. */
  ends: z.array(z.tuple([text, maybe])),
  /** Current grants that take their account's person: [id, person before, person after]. */
  repersons: z.array(z.tuple([text, maybe, maybe])),
  counts: countsSchema,
  effects: effectsSchema,
});
export type ImportPlan = z.infer<typeof planSchema>;

/** The fields of an account in the plan's tuples, in order. */
export const FACT_FIELDS = ['displayName', 'email', 'type', 'status', 'personId', 'lastLoginAt'] as const;
export const factsTuple = (f: AccountFacts) => [f.displayName, f.email, f.type, f.status, f.personId, f.lastLoginAt] as const;

// ——— What the planner reads (one query per table) ———

export interface ExistingRole {
  id: string;
  name: string;
  name_key: string;
  status: 'active' | 'retired';
}

export interface ExistingAccount {
  id: string;
  username: string;
  username_key: string;
  display_name: string | null;
  email: string | null;
  type: AccountType;
  status: AccountStatus;
  person_id: string | null;
  last_login_at: string | null;
}

export interface ExistingGrant {
  id: string;
  account_id: string;
  access_role_id: string;
  person_id: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
  email: string | null;
  external_id: string | null;
}

export interface World {
  roles: ExistingRole[];
  accounts: ExistingAccount[];
  /** Current grants only. */
  grants: ExistingGrant[];
  people: PersonRef[];
}

export interface RowProblem {
  field: 'username' | 'name' | 'email' | 'employeeId' | 'role' | 'lastLogin' | 'status' | 'type';
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** One row's result in the dry-run. */
export interface PreviewRow {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  username: string | null;
  name: string | null;
  person: { id: string; name: string } | null;
  matchedBy: MatchedBy | null;
  roles: string[];
  /** Access roles this row grants now. */
  started?: string[];
  /** Access roles whose grants a full import ends (on the account's first row). */
  ended?: string[];
  /** Changed fields of the account (displayName, email, type, status, person, lastLoginAt). */
  changes?: string[];
  errors?: Array<{ column: string; cell: string; message: string }>;
}

export interface PlanWarning {
  code: 'removals_withheld' | 'no_role_column';
  message: string;
}
