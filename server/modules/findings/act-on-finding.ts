import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { swedishDay } from '../../platform/dates.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { addMonths } from '../../policy/dates.ts';
import { defaultDueOn, riskExpiryProblem } from '../../policy/follow-up.ts';
import { HANDLED, type FindingHandling } from '../../../shared/policy.ts';
import { notify, type NotificationInput } from '../notifications/index.ts';
import { findingAccess, type FindingAccess } from './handling-access.ts';
import { activePerson, firstHolder, updateHandlingAt, type FindingRow, type HandlingSet } from './handling-repository.ts';
import { getFinding } from './get-finding.ts';
import { roleNames } from './roles-text.ts';

/**
 * Acting on a finding (docs/FOLLOW-UP.md): assign, set a due date, acknowledge, mark not applicable, propose or
 * accept a risk, approve or reject it, reopen it. Each checks who may (403), the handling it starts from (409), the
 * version the caller saw (409 when stale), writes the finding and one audit event in one transaction, and tells
 * whoever must now act.
 */

export type ActionName =
  | 'assigned' | 'due_date' | 'acknowledged' | 'not_applicable' | 'risk_proposed' | 'risk_accepted' | 'risk_rejected' | 'risk_expired' | 'reopened';

export interface Decision {
  action: ActionName;
  set: HandlingSet;
  /** What the history shows: an assignee's name, a date, a reason. */
  after: Record<string, string | null>;
  tell?: (row: FindingRow, version: number) => NotificationInput[];
}

type Decide = (access: FindingAccess) => Promise<Decision> | Decision;

const from = (access: FindingAccess, allowed: readonly FindingHandling[]): void => {
  if (!allowed.includes(access.row.handling)) throw new AppError('refused', { fields: [{ path: 'handling', key: 'findings.wrong_handling' }] });
};

const assertAct = (access: FindingAccess): void => {
  if (!access.act) throw new AppError('forbidden');
};

/** The notification texts need the finding's own words in both languages. */
export const aboutFinding = (row: Pick<FindingRow, 'id' | 'system_id' | 'subject_name' | 'text_sv' | 'text_en'>) => ({
  findingId: row.id,
  systemId: row.system_id,
  params: { subject: row.subject_name, text_sv: row.text_sv, text_en: row.text_en } as Record<string, string | number | null>,
});

/** Writes a decision on one finding inside a transaction; false when the finding changed since `version`. */
export async function applyDecision(trx: Tx, ctx: Ctx, row: FindingRow, version: number, d: Decision): Promise<boolean> {
  const at = ctx.now().toISOString();
  if (!(await updateHandlingAt(trx, row.id, version, d.set, at))) return false;
  await recordAudit(trx, ctx, {
    entityType: 'finding',
    entityId: row.id,
    action: d.action,
    before: { handling: row.handling },
    after: { handling: d.set.handling ?? row.handling, ...d.after },
  });
  const told = d.tell?.(row, version + 1) ?? [];
  if (told.length) await notify(trx, ctx.now(), told);
  return true;
}

async function act(ctx: Ctx, auth: Auth, id: string, version: number, decide: Decide) {
  const access = await findingAccess(ctx, auth, id);
  if (access.row.status !== 'open') throw new AppError('refused', { fields: [{ path: 'status', key: 'findings.not_open' }] });
  const decision = await decide(access);
  if (version !== access.row.version) throw new AppError('conflict');
  await inTransaction(ctx, async (trx) => {
    if (!(await applyDecision(trx, ctx, access.row, version, decision))) throw new AppError('conflict');
  });
  return getFinding(ctx, auth, id);
}

// ——— The decisions, one per action (the bulk action uses them too) ———

export async function decideAssign(ctx: Ctx, access: FindingAccess, personId: string | null): Promise<Decision> {
  assertAct(access);
  const person = personId === null ? null : await activePerson(ctx.db, personId);
  if (personId !== null && !person) throw new AppError('validation_failed', { fields: [{ path: 'personId', key: 'findings.person_unknown' }] });
  return {
    action: 'assigned',
    set: { assignee_person_id: person?.id ?? null, owner_person_id: person?.id ?? access.row.actor_person_id },
    after: { assignee: person?.name ?? null },
    tell: (row, v) =>
      person && person.id !== access.personId ? [{ personId: person.id, kind: 'assigned', eventKey: `assigned:${row.id}:${v}`, ...aboutFinding(row) }] : [],
  };
}

export function decideDueDate(access: FindingAccess, dueOn: string | null): Decision {
  assertAct(access);
  if (dueOn !== null && dueOn < access.today) throw new AppError('validation_failed', { fields: [{ path: 'dueOn', key: 'findings.due_past' }] });
  const due = dueOn ?? defaultDueOn(access.pack.followUp, access.row.severity, swedishDay(new Date(access.row.opened_at)));
  return { action: 'due_date', set: { due_on: due, due_set: dueOn === null ? 0 : 1 }, after: { dueOn: due } };
}

export function decideAcknowledge(access: FindingAccess): Decision {
  assertAct(access);
  from(access, ['none']);
  return { action: 'acknowledged', set: { handling: 'acknowledged' }, after: {} };
}

export function decideNotApplicable(access: FindingAccess, reason: string): Decision {
  assertAct(access);
  from(access, ['none', 'acknowledged', 'risk_proposed']);
  return {
    action: 'not_applicable',
    set: { handling: 'not_applicable', reason, risk_approver_person_id: null, risk_expires_on: null },
    after: { reason },
  };
}

async function decideAcceptRisk(ctx: Ctx, access: FindingAccess, motivation: string, expiresOn: string): Promise<Decision> {
  assertAct(access);
  from(access, ['none', 'acknowledged']);
  const { maxRiskMonths } = access.pack.followUp;
  const problem = riskExpiryProblem(expiresOn, access.today, maxRiskMonths);
  if (problem) {
    const key = problem === 'past' ? 'findings.expiry_past' : 'findings.expiry_too_far';
    throw new AppError('validation_failed', { fields: [{ path: 'expiresOn', key, params: { months: maxRiskMonths, latest: addMonths(access.today, maxRiskMonths) } }] });
  }
  // An approver who accepts a risk approves it at once; anyone else proposes it to the approver.
  if (access.approve && access.personId) {
    return {
      action: 'risk_accepted',
      set: { handling: 'risk_accepted', reason: motivation, risk_approver_person_id: access.personId, risk_expires_on: expiresOn },
      after: { reason: motivation, expiresOn },
    };
  }
  const approver = await firstHolder(ctx.db, access.approverRoles, access.today, access.system);
  if (!approver) {
    throw new AppError('refused', { fields: [{ path: 'handling', key: 'findings.no_approver', params: { roles: roleNames(access.pack, access.approverRoles, ctx.locale) } }] });
  }
  return {
    action: 'risk_proposed',
    set: { handling: 'risk_proposed', reason: motivation, risk_approver_person_id: approver.id, risk_expires_on: expiresOn },
    after: { reason: motivation, expiresOn, approver: approver.name },
    tell: (row, v) => [{ personId: approver.id, kind: 'risk_to_approve', eventKey: `risk:${row.id}:${v}`, ...aboutFinding(row) }],
  };
}

function assertApprover(ctx: Ctx, access: FindingAccess): void {
  from(access, ['risk_proposed']);
  if (!access.approve) {
    throw new AppError('forbidden', { fields: [{ path: 'handling', key: 'findings.not_approver', params: { roles: roleNames(access.pack, access.approverRoles, ctx.locale) } }] });
  }
}

const tellOwner = (kind: 'risk_approved' | 'risk_rejected', access: FindingAccess, extra: Record<string, string | null> = {}) => (row: FindingRow, v: number) =>
  row.owner_person_id && row.owner_person_id !== access.personId
    ? [{ personId: row.owner_person_id, kind, eventKey: `${kind}:${row.id}:${v}`, ...aboutFinding(row), params: { ...aboutFinding(row).params, ...extra } }]
    : [];

// ——— The use cases ———

export const assignFinding = (ctx: Ctx, auth: Auth, id: string, version: number, personId: string | null) =>
  act(ctx, auth, id, version, (a) => decideAssign(ctx, a, personId));

export const setDueDate = (ctx: Ctx, auth: Auth, id: string, version: number, dueOn: string | null) => act(ctx, auth, id, version, (a) => decideDueDate(a, dueOn));

export const acknowledgeFinding = (ctx: Ctx, auth: Auth, id: string, version: number) => act(ctx, auth, id, version, decideAcknowledge);

export const markNotApplicable = (ctx: Ctx, auth: Auth, id: string, version: number, reason: string) =>
  act(ctx, auth, id, version, (a) => decideNotApplicable(a, reason));

export const acceptRisk = (ctx: Ctx, auth: Auth, id: string, version: number, motivation: string, expiresOn: string) =>
  act(ctx, auth, id, version, (a) => decideAcceptRisk(ctx, a, motivation, expiresOn));

export const approveRisk = (ctx: Ctx, auth: Auth, id: string, version: number) =>
  act(ctx, auth, id, version, (a) => {
    assertApprover(ctx, a);
    return {
      action: 'risk_accepted',
      set: { handling: 'risk_accepted', risk_approver_person_id: a.personId },
      after: { expiresOn: a.row.risk_expires_on },
      tell: tellOwner('risk_approved', a, { expiresOn: a.row.risk_expires_on }),
    };
  });

export const rejectRisk = (ctx: Ctx, auth: Auth, id: string, version: number, reason: string) =>
  act(ctx, auth, id, version, (a) => {
    assertApprover(ctx, a);
    return {
      action: 'risk_rejected',
      set: { handling: 'none', reason: null, risk_approver_person_id: null, risk_expires_on: null },
      after: { reason },
      tell: tellOwner('risk_rejected', a, { reason }),
    };
  });

export const reopenFinding = (ctx: Ctx, auth: Auth, id: string, version: number) =>
  act(ctx, auth, id, version, (a) => {
    if (!a.act && !a.approve) throw new AppError('forbidden');
    from(a, HANDLED);
    return { action: 'reopened', set: { handling: 'none', reason: null, risk_approver_person_id: null, risk_expires_on: null }, after: {} };
  });

/** A comment changes nothing on the finding, so it never conflicts: it is an audit event of its own. */
export async function commentOnFinding(ctx: Ctx, auth: Auth, id: string, text: string) {
  const access = await findingAccess(ctx, auth, id);
  assertAct(access);
  await inTransaction(ctx, (trx) => recordAudit(trx, ctx, { entityType: 'finding', entityId: id, action: 'comment', after: { text } }));
  return getFinding(ctx, auth, id);
}
