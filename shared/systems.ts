/**
 * The system register's vocabulary: every enumeration is stored as its English code; the web app and
 * the import translate them (sv/en).
 */

export const SYSTEM_KINDS = ['business', 'e_service', 'program', 'integration', 'infrastructure'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** planerad → under införande → i drift → under avveckling → avvecklad. */
export const LIFECYCLES = ['planned', 'implementing', 'in_operation', 'retiring', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const CRITICALITIES = ['low', 'medium', 'high'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** Hosting models; the first two are inside the municipal network. */
export const HOSTINGS = ['internal_it', 'internal_supplier', 'supplier_hosted', 'saas', 'cloud_tenant', 'public_body'] as const;
export type Hosting = (typeof HOSTINGS)[number];

export const DATA_LOCATIONS = ['sweden', 'eu_eea', 'third_country'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

export const PERSONAL_DATA = ['none', 'personal', 'sensitive'] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];

export const AUTH_METHODS = ['sso', 'directory', 'local_accounts', 'eid', 'none', 'other'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** What the register list can be sorted by. */
export const SYSTEM_SORTS = ['name', 'registerNo', 'updatedAt', 'confirmedAt'] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];

/**
 * Kinds of agreement: tjänsteöverenskommelse (an internal service agreement, e.g. with the IT unit),
 * leverantörsavtal, licence, SaaS, support, personuppgiftsbiträdesavtal as its own document, other.
 */
export const AGREEMENT_KINDS = ['service_agreement', 'supplier_agreement', 'license', 'saas', 'support', 'dpa', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** gäller · inom uppsägningstiden · har upphört · har inte börjat gälla (computed in server/policy/dates.ts). */
export const AGREEMENT_STATUSES = ['active', 'in_notice_period', 'ended', 'not_started'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The security clauses an agreement is checked for; each is yes, no or not known (null). */
export const CLAUSES = ['logging', 'backup', 'destruction', 'dpa'] as const;
export type Clause = (typeof CLAUSES)[number];
