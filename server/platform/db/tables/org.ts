import type { HolderKind } from '../../../../shared/policy.ts';

/** Tables of org units (columns added by 0002) and role assignments. */
export interface RoleAssignmentsTable {
  id: string;
  role_key: string;
  subject_kind: 'unit' | 'system';
  subject_id: string;
  principal_kind: HolderKind;
  principal_id: string;
  /** A supplier holder's contact person (supplier_contacts.id), if named. */
  principal_contact_id: string | null;
  valid_from: string; // ISO date (YYYY-MM-DD)
  valid_to: string | null; // ISO date; null = open
  created_at: string;
  created_by: string | null;
  ended_at: string | null;
  ended_by: string | null;
  note: string | null;
  version: number;
}

export interface OrgTables {
  role_assignments: RoleAssignmentsTable;
}
