/**
 * Information classification (docs/CLASSIFICATION.md): the four aspects of a KLASSA-style classification,
 * the life of a classification, the flags beside its levels and the status of a security requirement.
 */

/** Konfidentialitet, riktighet, tillgänglighet, spårbarhet. */
export const ASPECTS = ['confidentiality', 'integrity', 'availability', 'traceability'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * A classification's life: a draft is edited; submitted, it waits for the approver; approved, it is the
 * system's classification (until a newer one is approved, which makes it superseded); rejected, it is
 * history and a new draft is made.
 */
export const CLASSIFICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'superseded'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

/** How the levels were reached: the guide in Ansvar, an external tool (KLASSA), an import, something else. */
export const CLASSIFICATION_METHODS = ['guided', 'klassa', 'import', 'other'] as const;
export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];

/** Säkerhetsskydd: only whether it applies — Ansvar never stores any detail of it. */
export const SECURITY_PROTECTION = ['no', 'yes', 'under_investigation'] as const;
export type SecurityProtection = (typeof SECURITY_PROTECTION)[number];

/** The flags beside the levels, as the pack's floors name them. */
export const CLASSIFICATION_FLAGS = ['personalData', 'sensitivePersonalData', 'protectedIdentity', 'oslSecrecy', 'securityProtection'] as const;
export type ClassificationFlag = (typeof CLASSIFICATION_FLAGS)[number];

/** Whom a consequence question of the guide is about. */
export const QUESTION_SUBJECTS = ['kommun', 'individuals', 'society'] as const;
export type QuestionSubject = (typeof QUESTION_SUBJECTS)[number];

/** How a security requirement is met on a system; unassessed is the absence of a status. */
export const REQUIREMENT_STATUSES = ['met', 'partly_met', 'not_met', 'not_applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
