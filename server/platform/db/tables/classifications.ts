import type { ClassificationMethod, ClassificationStatus, RequirementStatus, SecurityProtection } from '../../../../shared/classification.ts';

/** Information classifications (migration 0015): every version of each system's classification. */
export interface ClassificationsTable {
  id: string;
  system_id: string;
  version: number; // 1, 2, … per system
  status: ClassificationStatus;
  scale_id: string; // the pack's scale the levels are numbers of
  scale_version: string;
  level_confidentiality: number | null;
  level_integrity: number | null;
  level_availability: number | null;
  level_traceability: number | null;
  answers_json: string; // the guide's answers: {aspect: {kommun|individuals|society: level}}
  justifications_json: string; // {aspect: text} where the level differs from the suggestion
  personal_data: number | null; // 0/1, null: not assessed
  sensitive_personal_data: number | null;
  protected_identity: number | null;
  osl_secrecy: number | null;
  security_protection: SecurityProtection | null; // never any detail of säkerhetsskydd
  method: ClassificationMethod;
  reference: string | null; // e.g. a KLASSA report id
  created_by: string | null; // user id (null: a migration)
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null; // approved or rejected
  decided_by: string | null;
  decided_as: string | null; // the role key the approver holds
  rejection_reason: string | null;
  next_review_at: string | null; // ISO date
  // What it was approved on (set when approved): a change of any makes the review due at once.
  basis_hosting: string | null;
  basis_owning_unit_id: string | null;
  basis_personal_data: string | null;
  support_requested_at: string | null;
  support_requested_by: string | null;
  row_version: number;
  created_at: string;
  updated_at: string;
}

/** The status of a security requirement on a system (migration 0015). */
export interface SystemRequirementsTable {
  system_id: string;
  requirement_key: string;
  status: RequirementStatus;
  how: string | null;
  row_version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface ClassificationTables {
  classifications: ClassificationsTable;
  system_requirements: SystemRequirementsTable;
}
