import { recordAuditMany, type AuditInput } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fold, sortKey } from '../../../platform/text.ts';
import { FACT_FIELDS, type AccountFacts, type ImportPlan } from './plan-types.ts';
import { endGrants, insertAccounts, insertGrants, insertRoles, removeAccounts, repersonGrants, updateAccounts, type NewGrant } from './repository.ts';

/**
 * Writes a plan as it is, set-based in chunks: new access roles, new and changed accounts, removed accounts,
 * grants that follow their account's new person, ended grants, new grants. Each write must touch exactly the
 * rows the plan names, else someone changed them since the dry-run (409, and the transaction rolls back). The
 * audit events — one per change (a new account's names the grants it starts with) — are recorded last: the audit chain's lock (PostgreSQL) is then taken last, as
 * a single change takes it, so an import and a concurrent change cannot wait for each other. Returns the number
 * of events.
 */
export async function writePlan(trx: Tx, ctx: Ctx, plan: ImportPlan, now: string): Promise<number> {
  const { systemId, today } = plan;
  const userId = ctx.actor?.userId ?? null;
  const newId = ascendingIds(ctx.now().getTime(), plan.roles.length + plan.creates.length + plan.effects.grantsStarted);
  const events: AuditInput[] = [];
  const exactly = (written: number, planned: number) => {
    if (written !== planned) throw new AppError('conflict');
  };
  const factsOf = (t: readonly unknown[]): AccountFacts => Object.fromEntries(FACT_FIELDS.map((f, i) => [f, t[i]])) as unknown as AccountFacts;

  // Access roles: the plan's, new ones made now (not privileged).
  const roleIds = plan.roles.map(([id]) => id ?? newId());
  const newRoles = plan.roles.flatMap(([id, name], i) => (id === null ? [{ id: roleIds[i]!, name }] : []));
  await insertRoles(
    trx,
    newRoles.map((r) => ({
      id: r.id,
      system_id: systemId,
      name: r.name,
      name_key: fold(r.name),
      name_sort: sortKey(r.name),
      description: null,
      privileged: 0,
      status: 'active',
      created_at: now,
      updated_at: now,
      version: 1,
    })),
  );
  for (const r of newRoles) {
    events.push({ entityType: 'access_role', entityId: r.id, action: 'create', after: { systemId, name: r.name, description: null, privileged: false, status: 'active' } });
  }

  const grants: NewGrant[] = [];
  const grant = (accountId: string, personId: string | null, place: number): NewGrant => {
    const g = { id: newId(), system_id: systemId, account_id: accountId, access_role_id: roleIds[place]!, person_id: personId, origin: 'import' as const, valid_from: today, started_at: now, created_at: now, version: 1 };
    grants.push(g);
    return g;
  };

  const creates = plan.creates.map(([username, ...rest]) => ({ id: newId(), username, facts: factsOf(rest), roles: rest[6] }));
  await insertAccounts(
    trx,
    creates.map(({ id, username, facts: f }) => ({
      id,
      system_id: systemId,
      username,
      username_key: fold(username),
      display_name: f.displayName,
      email: f.email,
      type: f.type,
      status: f.status,
      person_id: f.personId,
      last_login_at: f.lastLoginAt,
      created_at: now,
      updated_at: now,
      version: 1,
    })),
  );
  // A new account's event names the grants it starts with (id and access role): a first import of a list of
  // 50,000 accounts is then 50,000 events, not three times as many. Grants started on existing accounts have an
  // event each, as startGrant's.
  for (const a of creates) {
    const started = a.roles.map((place) => grant(a.id, a.facts.personId, place)).map((g) => ({ id: g.id, accessRoleId: g.access_role_id }));
    events.push({ entityType: 'access_account', entityId: a.id, action: 'create', after: { systemId, username: a.username, ...a.facts, grants: started, origin: 'import', validFrom: today } });
  }
  const startsOfNew = grants.length;

  const updates = plan.updates.map(([id, ...rest]) => ({ id, facts: factsOf(rest), changed: rest[6] as Array<keyof AccountFacts>, before: rest[7] }));
  exactly(await updateAccounts(trx, updates, now), updates.length);
  for (const u of updates) {
    const after = Object.fromEntries(u.changed.map((k) => [k, u.facts[k]]));
    const before = Object.fromEntries(u.changed.map((k, i) => [k, u.before[i]]));
    events.push({ entityType: 'access_account', entityId: u.id, action: 'update', before, after: { systemId, ...after } });
  }

  exactly(await removeAccounts(trx, plan.removals.map(([id]) => id), now), plan.removals.length);
  for (const [id, status] of plan.removals) {
    events.push({ entityType: 'access_account', entityId: id, action: 'remove', before: { status }, after: { systemId, status: 'removed' } });
  }

  // The import keeps a grant's person in step with its account's (docs/ACCESS.md, "The model").
  exactly(await repersonGrants(trx, plan.repersons.map(([id]) => id)), plan.repersons.length);
  for (const [id, before, after] of plan.repersons) {
    events.push({ entityType: 'access_grant', entityId: id, action: 'update', before: { personId: before }, after: { systemId, personId: after } });
  }

  exactly(await endGrants(trx, plan.ends.map(([id]) => id), { at: now, userId }), plan.ends.length);
  for (const [id, personId] of plan.ends) {
    events.push({ entityType: 'access_grant', entityId: id, action: 'end', before: { endedAt: null }, after: { endedAt: now, reason: 'import', orderId: null, systemId, personId } });
  }
  for (const [accountId, personId, places] of plan.starts) for (const place of places) grant(accountId, personId, place);
  await insertGrants(trx, grants);
  for (const g of grants.slice(startsOfNew)) {
    events.push({
      entityType: 'access_grant',
      entityId: g.id,
      action: 'start',
      after: { systemId, accountId: g.account_id, accessRoleId: g.access_role_id, personId: g.person_id, origin: 'import', orderId: null, validFrom: today, validTo: null },
    });
  }

  // In parts: platform/changes.ts notes a call's changes with one push(...spread), which overflows the stack at
  // around 100,000 arguments. The chain is the same whether its events are recorded in one call or several.
  for (let i = 0; i < events.length; i += AUDIT_PART) await recordAuditMany(trx, ctx, events.slice(i, i + AUDIT_PART));
  return events.length;
}

const AUDIT_PART = 20_000;

/**
 * New ids in ascending order: UUIDv7s made in one millisecond are otherwise in random order, and rows inserted in
 * random order into the indexes of a large transaction cost SQLite several times as much as rows appended in order.
 * One random UUIDv7, then its last 48 bits counted up (RFC 9562's monotonic random; started low enough not to wrap).
 */
function ascendingIds(now: number, count: number): () => string {
  const first = uuidv7(now);
  const prefix = first.slice(0, 24);
  let n = Number.parseInt(first.slice(24), 16) % (2 ** 47 - count);
  return () => prefix + (n++).toString(16).padStart(12, '0');
}
