import type { Services } from '../../platform/context.ts';
import type { JobKind } from '../../platform/jobs.ts';

/** The access orders' background work (docs/ACCESS.md, "Offboarding and expiry"). */
export function accessOrderJobs(): Record<string, JobKind> {
  return {};
}

/** Starts what follows committed changes (removals for people who left); returns the function that stops it. */
export function startAccessOrders(_services: Services): () => void {
  return () => undefined;
}
