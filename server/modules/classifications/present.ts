import { ASPECTS, type SecurityProtection } from '../../../shared/classification.ts';
import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import {
  basisChanges, findScale, reviewDueOn, suggestLevels, type Answers, type ClassificationBasis, type ClassificationFlags, type Levels,
} from '../../policy/classification.ts';
import type { ClassificationSpec } from '../../policy/classification-schema.ts';
import type { Pack, Text } from '../../policy/schema.ts';
import type { SystemRow } from '../systems/index.ts';
import type { SystemAccess } from './access.ts';
import type { ClassificationRow } from './repository.ts';
import type { ClassificationView } from './schemas.ts';

/** The shape the API shows of a classification, and the columns of its parts. */

export const bothTexts = (t: Text): { sv: string; en: string | null } => ({ sv: t.sv, en: t.en ?? null });

export const levelsOf = (r: Pick<ClassificationsTable, 'level_confidentiality' | 'level_integrity' | 'level_availability' | 'level_traceability'>) => ({
  confidentiality: r.level_confidentiality,
  integrity: r.level_integrity,
  availability: r.level_availability,
  traceability: r.level_traceability,
});

export const levelColumns = (l: Required<Levels>) => ({
  level_confidentiality: l.confidentiality,
  level_integrity: l.integrity,
  level_availability: l.availability,
  level_traceability: l.traceability,
});

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const int = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

export const flagsOf = (r: ClassificationsTable): ClassificationFlags => ({
  personalData: bool(r.personal_data),
  sensitivePersonalData: bool(r.sensitive_personal_data),
  protectedIdentity: bool(r.protected_identity),
  oslSecrecy: bool(r.osl_secrecy),
  securityProtection: r.security_protection,
});

export const flagColumns = (f: ClassificationFlags) => ({
  personal_data: int(f.personalData),
  sensitive_personal_data: int(f.sensitivePersonalData),
  protected_identity: int(f.protectedIdentity),
  osl_secrecy: int(f.oslSecrecy),
  security_protection: f.securityProtection as SecurityProtection | null,
});

export const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const basisOf = (s: Pick<SystemRow, 'hosting' | 'owning_unit_id' | 'personal_data'>): ClassificationBasis => ({
  hosting: s.hosting,
  owningUnitId: s.owning_unit_id,
  personalData: s.personal_data,
});

/** The columns that keep what a classification was approved on. */
export const basisColumns = (b: ClassificationBasis) => ({
  basis_hosting: b.hosting,
  basis_owning_unit_id: b.owningUnitId,
  basis_personal_data: b.personalData,
});

/** What an approved classification was approved on (null: not approved). */
export const approvedBasis = (r: Pick<ClassificationsTable, 'basis_hosting' | 'basis_owning_unit_id' | 'basis_personal_data'>): ClassificationBasis | null =>
  r.basis_owning_unit_id === null ? null : { hosting: r.basis_hosting, owningUnitId: r.basis_owning_unit_id, personalData: r.basis_personal_data };

const user = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const roleName = (pack: Pack, key: string): Text => pack.roles.find((r) => r.key === key)?.name ?? { sv: key, en: key };

/** The suggestion for a classification's answers and flags, on its own scale (none where the pack lacks it). */
export function suggestionOf(spec: ClassificationSpec, r: ClassificationsTable): ClassificationView['suggestion'] {
  const scale = findScale(spec, r.scale_id, r.scale_version);
  const empty = Object.fromEntries(ASPECTS.map((a) => [a, { level: null, reasons: [] }])) as unknown as ClassificationView['suggestion'];
  if (!scale) return empty;
  const s = suggestLevels(spec, scale, parseJson<Answers>(r.answers_json, {}), flagsOf(r));
  return Object.fromEntries(ASPECTS.map((a) => [a, { level: s[a].level, reasons: s[a].reasons.map(bothTexts) }])) as ClassificationView['suggestion'];
}

/** Did this user make or submit the classification (self-approval)? */
export const isOwn = (r: Pick<ClassificationsTable, 'created_by' | 'submitted_by'>, userId: string | null): boolean =>
  userId !== null && (r.created_by === userId || r.submitted_by === userId);

export function presentClassification(r: ClassificationRow, access: SystemAccess): ClassificationView {
  const { spec, pack, system, today } = access;
  const changes = r.status === 'approved' ? basisChanges(approvedBasis(r), basisOf(system)) : [];
  const draft = r.status === 'draft';
  const submitted = r.status === 'submitted';
  const approver = access.approverRoles.length > 0 && (spec.selfApproval || !isOwn(r, access.userId));
  return {
    id: r.id,
    systemId: r.system_id,
    version: r.version,
    status: r.status,
    scale: { id: r.scale_id, version: r.scale_version, known: findScale(spec, r.scale_id, r.scale_version) !== null },
    levels: levelsOf(r),
    suggestion: suggestionOf(spec, r),
    answers: parseJson<Record<string, Record<string, number>>>(r.answers_json, {}),
    justifications: parseJson<Record<string, string>>(r.justifications_json, {}),
    flags: flagsOf(r),
    method: r.method,
    reference: r.reference,
    createdBy: user(r.created_by, r.created_by_name),
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    submittedBy: user(r.submitted_by, r.submitted_by_name),
    decidedAt: r.decided_at,
    decidedBy: user(r.decided_by, r.decided_by_name),
    decidedAs: r.decided_as ? bothTexts(roleName(pack, r.decided_as)) : null,
    rejectionReason: r.rejection_reason,
    nextReviewAt: r.next_review_at,
    reviewDueAt: r.status === 'approved' ? reviewDueOn(r.next_review_at, changes, today) : null,
    supportRequestedAt: r.support_requested_at,
    supportRequestedBy: user(r.support_requested_by, r.support_requested_by_name),
    rowVersion: r.row_version,
    can: {
      edit: draft && access.edit,
      submit: draft && access.edit,
      approve: submitted && approver,
      reject: submitted && approver,
      requestSupport: (draft || submitted) && access.edit && !r.support_requested_at,
    },
  };
}

