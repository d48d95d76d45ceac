import type { Columns } from './columns.ts';
import { loopsFrom } from './loops.ts';
import type { ExistingPerson, WorkRow } from './plan-types.ts';

const lower = (s: string) => s.toLocaleLowerCase('sv-SE');

/** Items by key, in one pass (lists grow in place: 20,000 rows with one name stay linear). */
function group<T>(items: readonly T[], keyOf: (t: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

type Target = { row: WorkRow } | { person: ExistingPerson } | { ambiguous: true } | null;

/**
 * Second pass: the manager column names a person by e-mail, employee id or name, looked up in the file
 * first and then among existing people. An empty cell keeps the current manager. Afterwards, rows that
 * would close a loop of managers, or point at a new person whose own row has errors, get an error too.
 * Each new error can undo a planned change (the person keeps their current manager), so this repeats
 * until nothing changes; each round is linear in the rows, and a round after the first looks only at
 * the people whose manager the previous round changed back.
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

  /** For each new person's row, the rows that name them as manager (checked again once all errors are known). */
  const pointedAtBy = new Map<WorkRow, WorkRow[]>();
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
        if ('row' in target && !target.row.existing) {
          const list = pointedAtBy.get(target.row);
          if (list) list.push(w);
          else pointedAtBy.set(target.row, [w]);
        }
      }
    }
  }

  // The managers as they will be: a row without errors sets its manager, any other person keeps theirs.
  const managerOf = new Map<string, string | null>(people.map((p) => [p.id, p.manager_id]));
  const rowOf = new Map<string, WorkRow>(); // at most one row without errors per person
  for (const w of work) {
    if (w.problems.length) continue;
    rowOf.set(w.key, w);
    managerOf.set(w.key, w.managerId);
  }
  /**
   * A row that just got an error: its person keeps the current manager (a new person has none). Only
   * a person who goes back to a manager they had can close a new loop: remember them for the next look.
   */
  const refuse = (w: WorkRow, changedBack: string[]) => {
    const before = w.existing?.manager_id ?? null;
    if (w.existing) managerOf.set(w.key, before);
    else managerOf.delete(w.key);
    if (before !== null && before !== w.managerId) changedBack.push(w.key);
  };

  let failed = work.filter((w) => w.problems.length > 0);
  let changedBack: string[] | null = null; // null: look at everyone (the first round)
  for (;;) {
    // Rows that name a new person whose row has errors fail too, and so on down (each row once).
    const changed: string[] = changedBack ?? [];
    for (let i = 0; i < failed.length; i++) {
      for (const w of pointedAtBy.get(failed[i]!) ?? []) {
        if (w.problems.length) continue;
        w.problems.push({ column: col.label, key: 'people.import.manager_row_error', params: { value: w.values.manager!, row: failed[i]!.row } });
        refuse(w, changed);
        failed.push(w);
      }
    }
    // A row on a loop of managers fails. A new loop passes through someone whose manager changed back.
    const onLoop = loopsFrom(changedBack === null ? managerOf.keys() : changed, (at) => managerOf.get(at));
    failed = [];
    changedBack = [];
    for (const id of onLoop) {
      const w = rowOf.get(id);
      if (!w || w.problems.length || !w.managerId || !w.values.manager) continue;
      w.problems.push({ column: col.label, key: 'people.import.manager_cycle', params: { value: w.values.manager } });
      failed.push(w);
    }
    if (!failed.length) return;
    for (const w of failed) refuse(w, changedBack);
  }
}
