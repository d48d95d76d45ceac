/** Application roles: what a signed-in principal may do in Ansvar itself. */
export const APP_ROLES = ['administrator', 'reviewer', 'user'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Origins of a change, recorded in the audit trail. */
export const AUDIT_ORIGINS = ['ui', 'api', 'import', 'system'] as const;
export type AuditOrigin = (typeof AUDIT_ORIGINS)[number];

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
