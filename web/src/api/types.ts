import type { AppRole, AuditOrigin, Locale } from '../../../shared/roles.ts';

export type { AppRole, AuditOrigin, Locale };

export interface RoleAssignment {
  role: AppRole;
  orgUnitId: string | null;
  includeSubunits: boolean;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  roles: RoleAssignment[];
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PERMISSIONS = {
  auditRead: 'audit:read',
  usersRead: 'users:read',
  usersManage: 'users:manage',
  orgRead: 'org:read',
  orgManage: 'org:manage',
  policyRead: 'policy:read',
  policyManage: 'policy:manage',
} as const;
