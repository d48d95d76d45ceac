import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long work (an import's apply, a full findings refresh) runs as one chain of promises, and a chain that
 * never waits for I/O holds the event loop: no other request is answered until it ends. A pacer lets such
 * work give way: `await pace()` in its loops returns at once until `sliceMs` of work has passed, then
 * waits one turn of the event loop, so other requests are answered between slices (on SQLite they read on
 * their own connection: see DbHandle.reader).
 */
export function pacer(sliceMs = 20): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}

/** One turn of the event loop, between two long steps of work (other requests are answered in it). */
export const giveWay = (): Promise<void> => nextTurn().then(() => undefined);

/**
 * Bulk work chunk by chunk (to stay under the databases' parameter limits), giving way to other requests
 * between chunks when the work runs long.
 */
export async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const pace = pacer();
  for (let i = 0; i < items.length; i += size) {
    await fn(items.slice(i, i + size));
    await pace();
  }
}
