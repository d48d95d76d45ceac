import { EVERYTHING, onCommitted, onSettle, type Change } from '../../platform/changes.ts';
import { swedishDay } from '../../platform/dates.ts';
import { systemCtx, type Ctx, type Services } from '../../platform/context.ts';
import { refreshStatistics, sharedByInstances, transactionLock } from '../../platform/db/index.ts';
import { pacer } from '../../platform/pace.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { getActivePack, organisationFacts } from '../policy/index.ts';
import { defaultDueOn } from '../../policy/follow-up.ts';
import type { Pack } from '../../policy/schema.ts';
import { desiredFindings } from './compute.ts';
import { loadAccessFacts } from './access-repository.ts';
import {
  dependentsOf, earlierAssignees, insertFindings, loadAgreements, loadClassifications, loadDependencies, loadSystemRows, loadUnmetRequirements, openFindings,
  resolveFindings, updateFinding,
  type DerivedFinding, type FindingChange, type NewFinding, type Scope,
} from './repository.ts';

/**
 * Keeps the findings table true. Committed changes mark what they touch: a system marks itself (and
 * its dependents); anything that can move responsibilities (roles, people, units, the pack,
 * agreements, suppliers: a supplier may hold a role) marks everything. A short debounce gathers a burst (an import) into one refresh; readers
 * call flush() first, so they always see findings as of their own last write. A new day (or a clock
 * moved in tests) marks everything, since confirmation and agreement findings follow the date.
 */
export class FindingsRefresher {
  private dirty = new Set<string>();
  private all = true;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastFullDay: string | null = null;

  constructor(
    private readonly services: Services,
    private readonly onError: (err: unknown) => void,
    private readonly delayMs = 50,
  ) {}

  readonly onChanges = (changes: readonly Change[]): void => {
    for (const c of changes) {
      if (c.action === 'dry_run') continue; // an import's dry-run stores a plan and changes no fact
      if (c.entityType === 'system') this.dirty.add(c.entityId);
      else if (AFFECTS_ALL.has(c.entityType) || c.entityType === EVERYTHING) this.all = true;
    }
    if (!this.timer && (this.all || this.dirty.size)) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(this.onError);
      }, this.delayMs);
      this.timer.unref();
    }
  };

  /** Marks everything (the hourly tick). */
  markAll(): void {
    this.onChanges([{ entityType: 'policy_pack', entityId: '', action: 'tick' }]);
  }

  /** Brings the findings up to date with everything committed before the call. */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.lastFullDay !== swedishDay(this.services.now())) this.all = true;
    if (!this.all && !this.dirty.size) return;
    const scope: Scope = this.all ? 'all' : [...this.dirty];
    this.all = false;
    this.dirty = new Set();
    this.running = refresh(this.services, scope)
      .then(async (done) => {
        if (scope === 'all') this.lastFullDay = swedishDay(this.services.now());
        // Thousands of findings opened or closed at once (after an import): the planner's statistics follow.
        if (done.opened + done.resolved + done.updated >= BULK_FINDINGS) {
          await refreshStatistics(this.services.db, this.services.dialect).catch(() => undefined);
        }
      })
      .catch((err: unknown) => {
        // Try again on the next flush.
        if (scope === 'all') this.all = true;
        else for (const id of scope) this.dirty.add(id);
        throw err;
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** What a refresh may change on an open finding, besides "since". */
const CHANGEABLE = [
  'severity', 'severity_rank', 'subject_name', 'unit_id', 'rule_ids_json', 'params_json', 'text_sv', 'text_en', 'actor_person_id', 'actor_name',
  'owner_person_id',
] as const satisfies ReadonlyArray<keyof FindingChange>;

const pick = <T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;

/** A refresh that changes this many findings is a bulk write (platform/db refreshStatistics). */
const BULK_FINDINGS = 1000;

/** Serialises refreshes across instances (PostgreSQL); SQLite has one writer anyway. */
const FINDINGS_LOCK_KEY = 0x66696e64; // "find"

const AFFECTS_ALL = new Set(['role_assignment', 'person', 'people_import', 'org_unit', 'policy_pack', 'agreement', 'supplier']);

/**
 * One refresh, in one transaction: compute what should be open in scope, then open, update and resolve
 * rows to match. Refreshes are serialised across instances sharing a database (a transaction lock), and
 * there each reads the facts after it holds the lock, so it starts from what the previous refresh wrote
 * and from every change committed before it: two instances never open the same finding twice, and a
 * slower one never writes findings from older facts over a newer refresh. With one instance (SQLite) the
 * facts are read (on the reader, never waiting behind a write) and the findings computed before the
 * transaction, which then only writes.
 */
export async function refresh(services: Services, scope: Scope): Promise<{ opened: number; resolved: number; updated: number }> {
  const base = systemCtx(services);
  const early = sharedByInstances(base.dialect) ? null : await compute({ ...base, db: base.reader }, scope);
  return base.db.transaction().execute(async (trx) => {
    await transactionLock(trx, base.dialect, FINDINGS_LOCK_KEY);
    const { ids, desired, pack } = early ?? (await compute({ ...base, db: trx }, scope));
    const now = base.now();
    const today = swedishDay(now);
    const pace = pacer();
    const open = await openFindings(trx, ids);
    const resolved: string[] = [];
    let updated = 0;
    for (const row of open) {
      await pace();
      const want = desired.get(row.fingerprint);
      if (!want) {
        resolved.push(row.id);
        continue;
      }
      desired.delete(row.fingerprint);
      // "Since when" stays when the gap was first seen, unless the record dates it.
      const since = want.since === want.opened_at ? row.since : want.since;
      // The one to act is whoever was assigned, else the actor the policy names now.
      const wanted = { ...want, owner_person_id: row.assignee_person_id ?? want.actor_person_id };
      if (since !== row.since || CHANGEABLE.some((k) => wanted[k] !== row[k])) {
        await updateFinding(trx, row.id, want.system_id, { ...pick(wanted, CHANGEABLE), since });
        updated += 1;
      }
    }
    // A finding that comes back keeps its assignee; its handling starts again (docs/FOLLOW-UP.md).
    const assignees = await earlierAssignees(trx, [...desired.keys()]);
    const inserts: NewFinding[] = [...desired.values()].map((f) => {
      const assignee = assignees.get(f.fingerprint) ?? null;
      return {
        ...f,
        id: uuidv7(now.getTime()),
        handling: 'none',
        assignee_person_id: assignee,
        owner_person_id: assignee ?? f.actor_person_id,
        due_on: defaultDueOn(pack.followUp, f.severity, today),
        due_set: 0,
        reason: null,
        risk_approver_person_id: null,
        risk_expires_on: null,
        acted_at: null,
        version: 1,
      };
    });
    await insertFindings(trx, inserts);
    await resolveFindings(trx, resolved, now.toISOString());
    return { opened: inserts.length, resolved: resolved.length, updated };
  });
}

/** What should be open in scope: the facts, read one at a time with pauses between (a full refresh reads the whole register), through the engine. */
async function compute(ctx: Ctx, scope: Scope): Promise<{ ids: Scope; desired: Map<string, DerivedFinding>; pack: Pack }> {
  const ids: Scope = scope === 'all' ? 'all' : [...new Set([...scope, ...(await dependentsOf(ctx.db, scope))])];
  const pace = pacer();
  const { pack } = await getActivePack(ctx);
  const facts = await organisationFacts(ctx, ids);
  await pace();
  const systems = await loadSystemRows(ctx.db, ids);
  await pace();
  const dependencies = await loadDependencies(ctx.db, ids);
  const agreements = await loadAgreements(ctx.db, ids);
  await pace();
  const classifications = await loadClassifications(ctx.db, ids);
  const unmet = await loadUnmetRequirements(ctx.db, ids);
  await pace();
  const access = await loadAccessFacts(ctx.db, ids);
  await pace();
  const now = ctx.now();
  const desired = await desiredFindings(pack, facts, { systems, dependencies, agreements, classifications, unmet, access }, swedishDay(now), now.toISOString(), ids === 'all');
  return { ids, desired, pack };
}

/** The refresher of a database, listening to its committed changes (created once, by buildApp). */
export function startFindings(services: Services, onError: (err: unknown) => void): { refresher: FindingsRefresher; stop: () => void } {
  const refresher = new FindingsRefresher(services, onError);
  const unlisten = onCommitted(services.db, refresher.onChanges);
  // A reader waits for the refresh, but never fails because of it: it sees the findings as they were, and
  // the error is logged (the next flush tries again).
  const settle = () => refresher.flush().catch(onError);
  const unsettle = [services.db, services.reader].filter((db, i, all) => all.indexOf(db) === i).map((db) => onSettle(db, settle));
  return {
    refresher,
    stop: () => {
      unlisten();
      for (const u of unsettle) u();
      refresher.stop();
    },
  };
}

