import type { Columns } from './columns.ts';
import type { ExistingPerson, WorkRow } from './plan-types.ts';

const lower = (s: string) => s.toLocaleLowerCase('sv-SE');

function group<T>(items: T[], keyOf: (t: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k) map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

type Target = { row: WorkRow } | { person: ExistingPerson } | { ambiguous: true } | null;

/**
 * Second pass: the manager column names a person by e-mail, employee id or name, looked up in the file
 * first and then among existing people. An empty cell keeps the current manager. Afterwards, rows that
 * would close a loop of managers, or point at a new person whose own row has errors, get an error too
 * (repeated until nothing changes, since each new error can undo a planned change).
 */
export function resolveManagers(work: WorkRow[], people: ExistingPerson[], cols: Columns): void {
  const col = cols.manager;
  if (!col) return;
  const file = {
    externalId: group(work, (w) => w.facts.externalId),
    email: group(work, (w) => w.facts.email),
    name: group(work, (w) => (w.facts.name ? lower(w.facts.name) : null)),
  };
  const existing = {
    externalId: group(people, (p) => p.external_id),
    email: group(people, (p) => p.email),
    name: group(people, (p) => p.name_search),
  };
  const one = <T>(hits: T[] | undefined): T | { ambiguous: true } | undefined =>
    hits === undefined ? undefined : hits.length > 1 ? { ambiguous: true } : hits[0];
  const wrapRow = (r: WorkRow | { ambiguous: true } | undefined): Target | undefined => (r === undefined ? undefined : 'key' in r ? { row: r } : r);
  const wrapPerson = (p: ExistingPerson | { ambiguous: true } | undefined): Target | undefined =>
    p === undefined ? undefined : 'id' in p ? { person: p } : p;

  const find = (value: string): Target => {
    if (value.includes('@')) return wrapRow(one(file.email.get(lower(value)))) ?? wrapPerson(one(existing.email.get(lower(value)))) ?? null;
    return (
      wrapRow(one(file.externalId.get(value))) ??
      wrapPerson(one(existing.externalId.get(value))) ??
      wrapRow(one(file.name.get(lower(value)))) ??
      wrapPerson(one(existing.name.get(lower(value)))) ??
      null
    );
  };

  /** New people whose manager is another row's new person: checked again once all errors are known. */
  const pointsAtRow = new Map<WorkRow, WorkRow>();
  for (const w of work) {
    const value = w.values.manager;
    if (!value) continue;
    const target = find(value);
    const problem = (key: WorkRow['problems'][number]['key'], params: Record<string, string | number> = { value }) =>
      w.problems.push({ column: col.label, key, params });
    if (target === null) problem('people.import.unknown_manager');
    else if ('ambiguous' in target) problem('people.import.ambiguous_manager');
    else {
      const id = 'row' in target ? target.row.key : target.person.id;
      if (id === w.key) problem('people.import.manager_self', {});
      else {
        w.managerId = id;
        if ('row' in target && !target.row.existing) pointsAtRow.set(w, target.row);
      }
    }
  }

  const managerOf = new Map(people.map((p) => [p.id, p.manager_id]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [w, target] of pointsAtRow) {
      if (!w.problems.length && target.problems.length) {
        w.problems.push({ column: col.label, key: 'people.import.manager_row_error', params: { value: w.values.manager!, row: target.row } });
        changed = true;
      }
    }
    const graph = new Map(managerOf);
    for (const w of work) if (!w.problems.length) graph.set(w.key, w.managerId);
    for (const w of work) {
      if (w.problems.length || !w.managerId || !w.values.manager) continue;
      if (leadsBackTo(graph, w.managerId, w.key)) {
        w.problems.push({ column: col.label, key: 'people.import.manager_cycle', params: { value: w.values.manager } });
        changed = true;
      }
    }
  }
}

/** Does following managers up from start reach target? (Stops on loops already in the data.) */
function leadsBackTo(graph: Map<string, string | null>, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = start; at; at = graph.get(at)) {
    if (at === target) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
