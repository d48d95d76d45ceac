import type { AccessFindingKey } from '../../shared/policy.ts';
import { reviewCadence, type AccessSpec } from './access.ts';
import { addMonths } from './dates.ts';
import { addDays } from './follow-up.ts';
import type { Finding, FindingSubject } from './facts.ts';
import type { Severity } from './schema.ts';

/**
 * The checks of a system's access against the pack (docs/ACCESS.md, "Findings"): reviews on time, no grants of
 * people who left, every personal account someone's, privileged access only by order, and orders executed in
 * time. Pure: the caller gives what it read and today's date; every finding carries its texts in both languages.
 */

export interface WaitingOrderFact {
  id: string;
  kind: 'grant' | 'removal';
  /** ISO date from which the order has waited for execution (approved, or ordered when no approval was needed). */
  waitingSince: string;
  personName: string | null;
  roleName: string;
}

export interface SystemAccessFact {
  system: { id: string; name: string; samhallsviktig: boolean };
  lifecycle: string;
  /** Current grants, and whether any is privileged; the oldest one's start (ISO date). */
  currentGrants: number;
  anyPrivileged: boolean;
  oldestGrantOn: string | null;
  /** The day of the last closed review that decided every grant of the system. */
  lastReviewedOn: string | null;
  leftPeople: Array<{ personId: string; name: string; grants: number; leftOn: string | null }>;
  unmatchedAccounts: number;
  privilegedWithoutOrder: number;
  waitingOrders: WaitingOrderFact[];
}

/** An access finding: with a detail id (a person, an order) and since when the gap exists. */
export interface AccessFinding extends Finding {
  key: AccessFindingKey;
  detailId: string | null;
  since: string | null;
}

type Draft = { key: AccessFindingKey; severity: Severity; detailId?: string; since?: string | null; params?: Record<string, string | number> };

const TEXTS: Record<AccessFindingKey, (p: Record<string, string | number>) => { sv: string; en: string }> = {
  access_review_overdue: (p) => ({
    sv: `Behörigheterna i systemet ${p.system} skulle ha kontrollerats senast ${p.due}.`,
    en: `The access to the system ${p.system} should have been reviewed by ${p.due}.`,
  }),
  grant_of_left_person: (p) => ({
    sv: `${p.person} har slutat men har fortfarande ${p.count} ${p.count === 1 ? 'behörighet' : 'behörigheter'} i systemet ${p.system}.`,
    en: `${p.person} has left but still has ${p.count} ${p.count === 1 ? 'access role' : 'access roles'} in the system ${p.system}.`,
  }),
  account_unmatched: (p) => ({
    sv: `${p.count} ${p.count === 1 ? 'personligt konto' : 'personliga konton'} i systemet ${p.system} hör inte till någon känd person.`,
    en: `${p.count} personal ${p.count === 1 ? 'account' : 'accounts'} in the system ${p.system} ${p.count === 1 ? 'belongs' : 'belong'} to no known person.`,
  }),
  privileged_grant_without_order: (p) => ({
    sv: `${p.count} ${p.count === 1 ? 'privilegierad behörighet' : 'privilegierade behörigheter'} i systemet ${p.system} har ingen beställning.`,
    en: `${p.count} privileged ${p.count === 1 ? 'grant' : 'grants'} in the system ${p.system} ${p.count === 1 ? 'has' : 'have'} no order.`,
  }),
  order_waiting_execution: (p) => ({
    sv: `Beställningen av ${p.role} i systemet ${p.system}${p.person ? ` för ${p.person}` : ''} har väntat på att verkställas sedan ${p.since}.`,
    en: `The order of ${p.role} in the system ${p.system}${p.person ? ` for ${p.person}` : ''} has waited for execution since ${p.since}.`,
  }),
  removal_not_executed: (p) => ({
    sv: `Borttagningen av ${p.role} i systemet ${p.system}${p.person ? ` för ${p.person}` : ''} har väntat på att verkställas sedan ${p.since}.`,
    en: `The removal of ${p.role} in the system ${p.system}${p.person ? ` for ${p.person}` : ''} has waited for execution since ${p.since}.`,
  }),
};

/** An access finding's texts from its params. */
export const accessFindingText = (key: AccessFindingKey, params: Record<string, string | number>): { sv: string; en: string } => TEXTS[key](params);

/** When the system's access is next due for review, or null when it has no current grants. */
export function reviewDueOn(spec: Pick<AccessSpec, 'reviewCadenceMonths'>, f: Pick<SystemAccessFact, 'currentGrants' | 'anyPrivileged' | 'oldestGrantOn' | 'lastReviewedOn'>): string | null {
  if (!f.currentGrants) return null;
  const from = f.lastReviewedOn ?? f.oldestGrantOn;
  return from ? addMonths(from, reviewCadence(spec, f.anyPrivileged)).slice(0, 10) : null;
}

/** The access checks of one system on `today`. A retired system has none. */
export function checkAccess(spec: AccessSpec, f: SystemAccessFact, today: string): AccessFinding[] {
  if (f.lifecycle === 'retired') return [];
  const drafts: Draft[] = [];
  const due = reviewDueOn(spec, f);
  if (due !== null && due < today) {
    drafts.push({ key: 'access_review_overdue', severity: f.anyPrivileged ? 'high' : 'medium', since: due, params: { due } });
  }
  for (const p of f.leftPeople) {
    drafts.push({ key: 'grant_of_left_person', severity: 'high', detailId: p.personId, since: p.leftOn, params: { person: p.name, count: p.grants } });
  }
  if (f.unmatchedAccounts) drafts.push({ key: 'account_unmatched', severity: 'medium', params: { count: f.unmatchedAccounts } });
  if (f.privilegedWithoutOrder) drafts.push({ key: 'privileged_grant_without_order', severity: 'medium', params: { count: f.privilegedWithoutOrder } });
  for (const o of f.waitingOrders) {
    const removal = o.kind === 'removal';
    const limit = addDays(o.waitingSince, removal ? spec.removalDays : spec.executionDays);
    if (limit >= today) continue;
    drafts.push({
      key: removal ? 'removal_not_executed' : 'order_waiting_execution',
      severity: removal ? 'high' : 'low',
      detailId: o.id,
      since: limit,
      params: { role: o.roleName, since: o.waitingSince, ...(o.personName ? { person: o.personName } : {}) },
    });
  }
  const subject: FindingSubject = { kind: 'system', id: f.system.id, name: f.system.name };
  return drafts.map((d) => {
    const params = { system: f.system.name, ...d.params };
    return { key: d.key, severity: d.severity, subject, ruleIds: [], params, text: TEXTS[d.key](params), detailId: d.detailId ?? null, since: d.since ?? null };
  });
}
