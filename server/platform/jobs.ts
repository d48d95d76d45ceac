import type { Services } from './context.ts';
import type { Db } from './db/index.ts';
import type { JobsTable } from './db/tables/follow-up.ts';
import { uuidv7 } from './ids.ts';

/**
 * Background work that runs once, on the database (docs/DECISIONS.md, "Background jobs"): a job is a row of
 * `jobs` with a unique key, so scheduling the same work from two instances makes one job. An instance claims a
 * due job in one statement — on PostgreSQL `FOR UPDATE SKIP LOCKED`, so two instances never take the same row;
 * on SQLite the single writer does the same — and holds it for a lease. A job whose lease ran out (its worker
 * crashed or was killed) is due again and another instance finishes it. A failure is retried with a growing
 * pause, then marked failed with its reason.
 *
 * Recurring work (the digest, the due-date check, the findings refresh, risk expiry) is a job per period: its key
 * is the kind and the period's start, so each period's job exists once however many instances schedule it.
 */

export type JobHandler = (services: Services, payload: unknown) => Promise<void>;

export interface JobKind {
  handler: JobHandler;
  /** How long an instance holds a job before another may take it over (default 5 minutes). */
  leaseMs?: number;
  /** Tries before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** Run once per this many milliseconds (recurring); absent: only when scheduled. */
  everyMs?: number;
}

export interface ScheduleInput {
  kind: string;
  /** Unique: a second schedule with the same key is ignored. */
  key: string;
  runAt: Date;
  payload?: unknown;
}

/** Schedules a job unless one with its key exists. Returns whether this call created it. */
export async function scheduleJob(db: Db, now: Date, input: ScheduleInput): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: uuidv7(now.getTime()),
      kind: input.kind,
      key: input.key,
      payload_json: input.payload === undefined ? null : JSON.stringify(input.payload),
      run_at: input.runAt.toISOString(),
      state: 'queued',
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const DEFAULT_MAX_ATTEMPTS = 5;
/** Done and failed jobs are kept this long (the send log and the history of runs), then removed. */
const KEEP_FINISHED_MS = 14 * 24 * 60 * 60 * 1000;

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly services: Services,
    /** This instance's name in `locked_by`. */
    readonly instanceId: string,
    private readonly kinds: Readonly<Record<string, JobKind>>,
    private readonly onError: (err: unknown, job: Pick<JobsTable, 'kind' | 'key'>) => void,
  ) {}

  /** Polls every pollMs: schedules this period's recurring jobs, then runs what is due. */
  start(pollMs: number): void {
    const tick = () => {
      this.runDue().catch((err: unknown) => this.onError(err, { kind: 'runner', key: '' }));
    };
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    setImmediate(tick);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Schedules the recurring jobs of the current period (once across instances: the key is the period). */
  async scheduleRecurring(): Promise<void> {
    const now = this.services.now();
    for (const [kind, spec] of Object.entries(this.kinds)) {
      if (!spec.everyMs) continue;
      const start = Math.floor(now.getTime() / spec.everyMs) * spec.everyMs;
      await scheduleJob(this.services.db, now, { kind, key: `${kind}@${new Date(start).toISOString()}`, runAt: new Date(start) });
    }
  }

  /** Schedules the recurring jobs, then claims and runs due jobs one by one until none is left. Returns how many ran. */
  runDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      await this.scheduleRecurring();
      let ran = 0;
      while (!this.stopped) {
        const job = await this.claim();
        if (!job) break;
        await this.run(job);
        ran += 1;
      }
      await this.removeFinished();
      return ran;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Takes the oldest due job — queued and due, or running with its lease run out — in one statement, so no
   * two instances take the same one. Only kinds this runner knows are taken.
   */
  async claim(): Promise<JobsTable | null> {
    const kinds = Object.keys(this.kinds);
    if (!kinds.length) return null;
    const now = this.services.now();
    const at = now.toISOString();
    const db = this.services.db;
    let pick = db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', at)]), eb.and([eb('state', '=', 'running'), eb('locked_until', '<', at)])]),
      )
      .orderBy('run_at')
      .limit(1);
    if (this.services.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
    const row = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        locked_by: this.instanceId,
        // The lease of the job's own kind is set below, once the row (and so its kind) is known.
        locked_until: new Date(now.getTime() + DEFAULT_LEASE_MS).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', pick)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    const lease = this.kinds[row.kind]?.leaseMs;
    if (lease && lease !== DEFAULT_LEASE_MS) {
      const until = new Date(now.getTime() + lease).toISOString();
      await db.updateTable('jobs').set({ locked_until: until }).where('id', '=', row.id).where('locked_by', '=', this.instanceId).execute();
      row.locked_until = until;
    }
    return row;
  }

  /** Runs a claimed job and records how it ended (only if this instance still holds it). */
  async run(job: JobsTable): Promise<void> {
    const spec = this.kinds[job.kind];
    const finish = (set: Partial<JobsTable>) =>
      this.services.db
        .updateTable('jobs')
        .set({ ...set, locked_until: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.instanceId)
        .where('state', '=', 'running')
        .execute();
    try {
      if (!spec) throw new Error(`no handler for job kind ${job.kind}`);
      await spec.handler(this.services, job.payload_json === null ? undefined : JSON.parse(job.payload_json));
      await finish({ state: 'done', finished_at: this.services.now().toISOString(), last_error: null });
    } catch (err) {
      this.onError(err, job);
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      if (job.attempts >= (spec?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
        await finish({ state: 'failed', finished_at: this.services.now().toISOString(), last_error: reason });
      } else {
        // A growing pause: 30 s, 2 min, 4.5 min, 8 min …
        const retryAt = new Date(this.services.now().getTime() + 30_000 * job.attempts * job.attempts);
        await finish({ state: 'queued', run_at: retryAt.toISOString(), last_error: reason });
      }
    }
  }

  /** Removes jobs that finished long ago (a period's key is never scheduled again once its period is over). */
  private async removeFinished(): Promise<void> {
    const before = new Date(this.services.now().getTime() - KEEP_FINISHED_MS).toISOString();
    await this.services.db.deleteFrom('jobs').where('state', 'in', ['done', 'failed']).where('finished_at', '<', before).execute();
  }
}

/** The jobs of a state, for the administrator's view and the tests. */
export function jobsByState(db: Db, state: JobsTable['state']) {
  return db.selectFrom('jobs').selectAll().where('state', '=', state).orderBy('run_at').execute();
}
