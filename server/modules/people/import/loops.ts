/**
 * The people on a loop of managers, among those reachable from `starts` by following `next` (each person
 * has at most one manager). Linear: every person is walked once, a walk stops at someone already seen,
 * and a walk that comes back to its own path has found a loop. A loop already in the data is found
 * too; the caller decides whom to blame.
 */
export function loopsFrom(starts: Iterable<string>, next: (id: string) => string | null | undefined): string[] {
  const walkOf = new Map<string, number>();
  const onLoop: string[] = [];
  let walk = 0;
  for (const start of starts) {
    if (walkOf.has(start)) continue;
    walk++;
    const path: string[] = [];
    let at: string | null | undefined = start;
    while (at && !walkOf.has(at)) {
      walkOf.set(at, walk);
      path.push(at);
      at = next(at);
    }
    if (at && walkOf.get(at) === walk) for (let i = path.indexOf(at); i < path.length; i++) onLoop.push(path[i]!);
  }
  return onLoop;
}
