import { EVERYTHING, onCommitted, onSettle, type Change } from '../../platform/changes.ts';
import type { Services } from '../../platform/context.ts';
import type { JobKind } from '../../platform/jobs.ts';
import { afterFullImport } from '../access/index.ts';
import { confirmRemovalsOfEndedGrants, orderDueRemovals } from './removals.ts';
import { grantsGoneAfterImport } from './removals-repository.ts';

const HOUR = 60 * 60 * 1000;

/** The access orders' background work (docs/ACCESS.md, "Offboarding and expiry"): removals, hourly, once across instances (the days passing). */
export function accessOrderJobs(): Record<string, JobKind> {
  return {
    'access.removals': { everyMs: HOUR, handler: async (services) => void (await orderDueRemovals(services)) },
  };
}

/** Changes that may make someone left: a person (by hand, or a repair), an HR import, or many changes at once. */
const AFFECTS = new Set(['person', 'people_import', EVERYTHING]);

/**
 * Runs the removals after the committed changes that may have made someone left, debounced (a burst, such as an HR
 * import, runs them once), one run at a time; a change during a run runs them again after it. Errors are logged and
 * never reach the change's caller; the hourly job catches up.
 */
export class RemovalsFollower {
  private due = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly services: Services,
    private readonly onError: (err: unknown) => void,
    private readonly delayMs = 50,
  ) {}

  readonly onChanges = (changes: readonly Change[]): void => {
    if (!changes.some((c) => c.action !== 'dry_run' && AFFECTS.has(c.entityType))) return;
    this.due = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(this.onError);
    }, this.delayMs);
    this.timer.unref();
  };

  /** Brings the removals up to date with every change seen before the call. */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (!this.due) return;
    this.due = false;
    this.running = orderDueRemovals(this.services)
      .then(() => undefined)
      .catch((err: unknown) => {
        this.due = true;
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

const logError = (err: unknown): void => {
  console.error('access removals failed', err);
};

/** Starts what follows committed changes (removals for people who left); returns the function that stops it. */
export function startAccessOrders(services: Services, onError: (err: unknown) => void = logError): () => void {
  const follower = new RemovalsFollower(services, onError);
  const unlisten = onCommitted(services.db, follower.onChanges);
  // A reader that waits for derived data (settled) waits for the removals too, but never fails because of them.
  const settle = () => follower.flush().catch(onError);
  const unsettle = [services.db, services.reader].filter((db, i, all) => all.indexOf(db) === i).map((db) => onSettle(db, settle));
  // A full user-list import confirms the removals whose access it no longer shows (docs/ACCESS.md, "The trail").
  const unhook = afterFullImport(async (trx, ctx, s) => {
    await confirmRemovalsOfEndedGrants(trx, ctx, [...s.endedGrantIds, ...(await grantsGoneAfterImport(trx, s.systemId))]);
  });
  return () => {
    unhook();
    unlisten();
    for (const u of unsettle) u();
    follower.stop();
  };
}
