import type { z } from 'zod';
import type { FindingRow } from './handling-repository.ts';
import type { findingView } from './schemas.ts';

const personOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A finding as the API shows it, in the caller's language; overdue as of `today` (the Swedish day). */
export const presentFinding = (r: FindingRow, locale: 'sv' | 'en', today: string): z.infer<typeof findingView> => ({
  id: r.id,
  rule: r.key,
  ruleIds: JSON.parse(r.rule_ids_json) as string[],
  severity: r.severity,
  status: r.status,
  subject: { kind: r.subject_kind, id: r.subject_id, name: r.subject_name },
  systemId: r.system_id,
  unitId: r.unit_id,
  text: locale === 'en' ? r.text_en : r.text_sv,
  actor: personOf(r.actor_person_id, r.actor_name),
  handling: r.handling,
  assignee: personOf(r.assignee_person_id, r.assignee_name),
  owner: personOf(r.owner_person_id, r.owner_name),
  dueOn: r.status === 'open' ? r.due_on : null,
  dueSet: r.due_set === 1,
  overdue: r.status === 'open' && r.due_on !== null && r.due_on < today && (r.handling === 'none' || r.handling === 'acknowledged'),
  reason: r.reason,
  riskApprover: personOf(r.risk_approver_person_id, r.approver_name),
  riskExpiresOn: r.risk_expires_on,
  version: r.version,
  since: r.since,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
});
