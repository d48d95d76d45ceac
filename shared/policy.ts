/** The policy's vocabulary that the web shows: capacities of a responsibility, severities of a finding. */

/** In what capacity a party is responsible for an area. */
export const CAPACITIES = ['accountable', 'orders', 'executes', 'administers', 'controls', 'supports', 'advises'] as const;
export type Capacity = (typeof CAPACITIES)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a role is held on: the whole kommun (its root unit), an org unit, or a system. */
export const SUBJECT_KINDS = ['organisation', 'unit', 'system'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
