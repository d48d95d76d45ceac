import { z } from 'zod';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, GRANT_END_REASONS, GRANT_ORIGINS } from '../../../shared/access.ts';
import { idInput, isoTimestamp, optionalFilter, optionalFlag, optionalText, pageQuery, singleLine } from '../../platform/http/schemas.ts';

/**
 * Requests and answers of a system's access model (docs/ACCESS.md): access roles, accounts, grants, a person's
 * access. The import's are in import/schemas.ts.
 */

/** An access role is active, or retired: kept for history, never granted again. */
export const ACCESS_ROLE_STATUSES = ['active', 'retired'] as const;

export const systemIdParam = z.object({ id: idInput.describe('The system id') });
export const roleParams = z.object({ id: idInput.describe('The system id'), roleId: idInput.describe('The access role id') });
export const personIdParam = z.object({ id: idInput.describe('The person id') });

const ref = z.object({ id: z.string(), name: z.string() });
const systemRef = z.object({ id: z.string(), registerNo: z.string(), name: z.string() });

// ——— Access roles ———

const roleName = singleLine(200).min(1).describe('The name as the system spells it; unique in the system, case-insensitively');
const roleDescription = optionalText(2000).describe('What the role gives');

export const createRoleBody = z
  .object({
    name: roleName,
    description: roleDescription.optional(),
    privileged: z.boolean().default(false).describe('Administration, all records and the like'),
  })
  .strict();
export type CreateRoleInput = z.infer<typeof createRoleBody>;

export const patchRoleBody = z
  .object({
    version: z.number().int().min(1).describe('The version the change is based on; a stale one is a 409'),
    name: roleName.optional(),
    description: roleDescription.optional(),
    privileged: z.boolean().optional(),
    status: z.enum(ACCESS_ROLE_STATUSES).optional().describe('retired: kept for history, cannot be granted'),
  })
  .strict();
export type PatchRoleInput = z.infer<typeof patchRoleBody>;

export const accessRoleSchema = z
  .object({
    id: z.string(),
    systemId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    privileged: z.boolean(),
    status: z.enum(ACCESS_ROLE_STATUSES),
    grantCount: z.number().int().describe('Current grants of the role'),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'AccessRole' });
export type AccessRoleView = z.infer<typeof accessRoleSchema>;

export const accessRolesSchema = z
  .object({
    items: z.array(accessRoleSchema).describe('Every access role of the system, active and retired, in name order'),
    can: z.object({ administer: z.boolean().describe('May the caller keep the access roles and import the user list') }),
  })
  .meta({ id: 'AccessRoles' });

// ——— Accounts ———

export const accountsQuery = z.object({
  q: optionalFilter(singleLine(200)).describe('Search in user name, display name, e-mail and the person’s name (ignores case)'),
  status: optionalFilter(z.enum(ACCOUNT_STATUSES)).describe('Only accounts with this status; every status when absent'),
  unmatched: optionalFlag.describe('true: only personal accounts that belong to no person (not removed ones)'),
  ...pageQuery,
});
export type AccountsQuery = z.infer<typeof accountsQuery>;

export const accountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    type: z.enum(ACCOUNT_TYPES),
    status: z.enum(ACCOUNT_STATUSES),
    person: ref.nullable().describe('The person the account belongs to; null: unmatched or not a person’s account'),
    lastLoginAt: z.string().nullable().describe('As the system’s own list gave it: a date, or a date and time'),
    grantCount: z.number().int().describe('Current grants of the account'),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'AccessAccount' });

export const accountsPage = z
  .object({
    items: z.array(accountSchema).describe('In user name order'),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Accounts the filters let through, on the first page; null on later pages'),
  })
  .meta({ id: 'AccessAccountsPage' });

// ——— Grants ———

export const grantsQuery = z.object({
  ended: optionalFlag.describe('true: ended grants (history), most recently ended first; default: current grants, newest first'),
  q: optionalFilter(singleLine(200)).describe('Search in user name and the person’s name (ignores case)'),
  accessRoleId: optionalFilter(idInput).describe('Only grants of this access role'),
  privileged: optionalFlag.describe('true: only privileged access roles; false: only the others'),
  ...pageQuery,
});
export type GrantsQuery = z.infer<typeof grantsQuery>;

const grantFields = {
  id: z.string(),
  account: z.object({ id: z.string(), username: z.string(), type: z.enum(ACCOUNT_TYPES) }),
  accessRole: z.object({ id: z.string(), name: z.string(), privileged: z.boolean() }),
  origin: z.enum(GRANT_ORIGINS).describe('order, import, or migration (granted before Ansvar)'),
  orderId: z.string().nullable().describe('The order it was executed from'),
  validFrom: z.string().describe('ISO date'),
  validTo: z.string().nullable().describe('A temporary grant’s last day'),
  startedAt: isoTimestamp,
  endedAt: isoTimestamp.nullable(),
  endReason: z.enum(GRANT_END_REASONS).nullable(),
};

export const grantSchema = z
  .object({ ...grantFields, person: ref.nullable().describe('The account’s person when the grant was last written') })
  .meta({ id: 'AccessGrant' });
export type GrantView = z.infer<typeof grantSchema>;

export const grantsPage = z
  .object({
    items: z.array(grantSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Grants the filters let through, on the first page; null on later pages'),
  })
  .meta({ id: 'AccessGrantsPage' });

// ——— A person's access ———

export const personAccessSchema = z
  .object({
    person: ref,
    items: z.array(z.object({ ...grantFields, system: systemRef })).describe('Current and ended grants, most recently started first'),
    hiddenCount: z.number().int().describe('Grants on systems the caller may not read, left out'),
  })
  .meta({ id: 'PersonAccess' });
export type PersonAccessView = z.infer<typeof personAccessSchema>;
