import type { FindingHandling } from '../../../../shared/policy.ts';

/** Findings (migration 0006): one row per finding from opened to resolved. */
export interface FindingsTable {
  id: string;
  fingerprint: string; // key|subject|role|detail: the same gap has the same fingerprint
  key: string; // e.g. role_vacant, agreement_missing
  severity: 'high' | 'medium' | 'low';
  severity_rank: number; // 0 high, 1 medium, 2 low: the list's order
  status: 'open' | 'resolved';
  subject_kind: 'installation' | 'unit' | 'system' | 'person';
  subject_id: string | null;
  subject_name: string | null;
  system_id: string | null; // the system it concerns, if any
  unit_id: string | null; // the unit it concerns (a system's owning unit), for subtree filters and access
  kommun_id: string | null; // its system's kommun, else its unit's (migration 0025); set by the repository, moved by triggers
  rule_ids_json: string;
  params_json: string;
  text_sv: string;
  text_en: string;
  actor_person_id: string | null; // who should act
  actor_name: string | null;
  since: string; // ISO date or timestamp: since when the gap exists (e.g. the confirmation due date)
  opened_at: string;
  resolved_at: string | null;
  // Its handling (migration 0016, docs/FOLLOW-UP.md)
  handling: FindingHandling;
  assignee_person_id: string | null; // assigned by a person
  owner_person_id: string | null; // who is to act: the assignee, else the actor
  due_on: string | null; // ISO date, while open
  due_set: number; // 1: a person set the date; 0: the pack's default from when it opened
  reason: string | null; // why not applicable, or the motivation of an accepted risk
  risk_approver_person_id: string | null; // who is asked to approve (or approved) the accepted risk
  risk_expires_on: string | null;
  acted_at: string | null;
  version: number;
}

export interface FindingTables {
  findings: FindingsTable;
}
