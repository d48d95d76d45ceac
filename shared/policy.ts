/** The policy's vocabulary that the web shows: capacities of a responsibility, severities of a finding. */

/** In what capacity a party is responsible for an area. */
export const CAPACITIES = ['accountable', 'orders', 'executes', 'administers', 'controls', 'supports', 'advises'] as const;
export type Capacity = (typeof CAPACITIES)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a role is held on: the whole kommun (its root unit), an org unit, or a system. */
export const SUBJECT_KINDS = ['organisation', 'unit', 'system'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * Who may hold a role: a person, an org unit (e.g. the IT unit as driftansvarig) or a supplier (through an
 * agreement, optionally with one of its contacts). The policy pack says per role which kinds it allows.
 */
export const HOLDER_KINDS = ['person', 'unit', 'supplier'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/**
 * A holder's state, whatever its kind: a person active, disabled or left; a unit active or inactive
 * (deactivated); a supplier always active.
 */
export const HOLDER_STATUSES = ['active', 'disabled', 'left', 'inactive'] as const;
export type HolderStatus = (typeof HOLDER_STATUSES)[number];

/** Findings the rule engine makes from the organisation and the pack. */
export const ENGINE_FINDING_KEYS = [
  'role_vacant',
  'role_only_inactive_holders',
  'role_holder_inactive',
  'role_too_many_holders',
  'role_holder_unit_inactive',
  'role_holder_agreement_missing',
  'system_fact_missing',
  'area_without_responsible',
  'owning_unit_missing',
  'owning_forvaltning_missing',
  'unit_missing',
  'forvaltning_without_namnd',
  'kommun_missing',
] as const;
export type EngineFindingKey = (typeof ENGINE_FINDING_KEYS)[number];

/** Findings the system register's checks make (server/policy/register-checks.ts). */
export const REGISTER_FINDING_KEYS = [
  'agreement_missing',
  'agreement_ended',
  'agreement_in_notice',
  'dpa_missing',
  'third_country_basis_missing',
  'dependency_retired',
  'confirmation_overdue',
] as const;
export type RegisterFindingKey = (typeof REGISTER_FINDING_KEYS)[number];

/** Findings of information classification (server/policy/classification.ts). */
export const CLASSIFICATION_FINDING_KEYS = [
  'classification_missing',
  'classification_review_due',
  'classification_not_approved',
  'requirement_not_met',
] as const;
export type ClassificationFindingKey = (typeof CLASSIFICATION_FINDING_KEYS)[number];

/** Findings about access to systems (server/policy/access-checks.ts, docs/ACCESS.md). */
export const ACCESS_FINDING_KEYS = [
  'access_review_overdue',
  'grant_of_left_person',
  'account_unmatched',
  'privileged_grant_without_order',
  'order_waiting_execution',
  'removal_not_executed',
] as const;
export type AccessFindingKey = (typeof ACCESS_FINDING_KEYS)[number];

/** Every finding key, in the order the findings page offers them: roles and areas, register, classification, access, organisation. */
export const FINDING_KEYS = [
  ...ENGINE_FINDING_KEYS.slice(0, 8),
  ...REGISTER_FINDING_KEYS,
  ...CLASSIFICATION_FINDING_KEYS,
  ...ACCESS_FINDING_KEYS,
  ...ENGINE_FINDING_KEYS.slice(8),
] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

/**
 * What one cell of the responsibility matrix (a system × an area of the policy) says: someone holds every
 * responsibility of the area (held); a role the policy names there has no holder (vacant); a rule applies
 * but finds nobody, e.g. no IT unit or no rule fits the system's facts (missing); the policy gives the area
 * no responsibility per system (not_applicable). Vacant and missing are the matrix's gaps.
 */
export const MATRIX_CELL_STATUSES = ['held', 'vacant', 'missing', 'not_applicable'] as const;
export type MatrixCellStatus = (typeof MATRIX_CELL_STATUSES)[number];

/**
 * How an open finding is handled (issue 14, docs/FOLLOW-UP.md): none and acknowledged are still to do, risk_proposed
 * waits for the approver, not_applicable and risk_accepted are handled.
 */
export const FINDING_HANDLINGS = ['none', 'acknowledged', 'risk_proposed', 'risk_accepted', 'not_applicable'] as const;
export type FindingHandling = (typeof FINDING_HANDLINGS)[number];
export const HANDLED: readonly FindingHandling[] = ['risk_accepted', 'not_applicable'];
