import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import { flagsOf, levelsOf, parseJson } from './present.ts';

/** What the audit trail keeps of a classification: its content and state, as the API names them (never raw columns). */
export const auditOf = (r: ClassificationsTable) => ({
  systemId: r.system_id,
  version: r.version,
  status: r.status,
  scale: `${r.scale_id} ${r.scale_version}`,
  ...levelsOf(r),
  ...flagsOf(r),
  justifications: parseJson<Record<string, string>>(r.justifications_json, {}),
  method: r.method,
  reference: r.reference,
  nextReviewAt: r.next_review_at,
  rejectionReason: r.rejection_reason,
});

/** The fields that differ between two audit shapes, before and after. */
export function auditDiff(before: ReturnType<typeof auditOf>, after: ReturnType<typeof auditOf>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
