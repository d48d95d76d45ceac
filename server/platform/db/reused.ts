import type { Compilable, CompiledQuery, DialectAdapter, QueryResult } from 'kysely';
import type { Db, Tx } from './index.ts';

/**
 * Queries compiled once per database and shape, then run with each call's values. Kysely builds and compiles a
 * query anew on every call; for a page with a dozen joins that costs more than SQLite takes to run it. `build`
 * receives stand-ins for the values (`slot.text(name)`, `slot.int(name)`); the compiled parameters that are stand-ins
 * are replaced by the call's values, the others (constants of the shape) are kept. The shape key must name
 * everything that changes the SQL text. Shapes are kept per dialect adapter, which a database and its transactions
 * share, so a query compiled outside a transaction is reused inside one and the other way round.
 */

export interface Slots {
  text(name: string): string;
  int(name: string): number;
}

/** Per compiled parameter: the stand-in's name, the names inside an array (an `in` list on PostgreSQL,
 * pg-compiler.ts), or null for a constant of the shape. */
type Slot = string | string[] | null;
type Entry = { compiled: CompiledQuery; slots: Slot[] };

const cache = new WeakMap<DialectAdapter, Map<string, Entry>>();
const MAX_SHAPES = 200;
const TEXT = '\u0001slot\u0001';
const INT_BASE = -7_300_000_000;

function compile(build: (slot: Slots) => Compilable<unknown>): Entry {
  const ints: string[] = [];
  const slot: Slots = {
    text: (name) => `${TEXT}${name}`,
    int: (name) => INT_BASE - (ints.push(name) - 1),
  };
  const compiled = build(slot).compile();
  const nameOf = (p: unknown): string | null => {
    if (typeof p === 'string' && p.startsWith(TEXT)) return p.slice(TEXT.length);
    if (typeof p === 'number' && p <= INT_BASE && p > INT_BASE - ints.length) return ints[INT_BASE - p]!;
    return null;
  };
  const slots = compiled.parameters.map((p): Slot => {
    if (!Array.isArray(p)) return nameOf(p);
    const names = p.map(nameOf);
    if (names.every((n) => n === null)) return null;
    if (names.some((n) => n === null)) throw new Error('runReused: a list mixes stand-ins and constants');
    return names as string[];
  });
  return { compiled, slots };
}

export async function runReused<R>(db: Db | Tx, shape: string, build: (slot: Slots) => Compilable<R>, values: Record<string, unknown>): Promise<R[]> {
  return (await runReusedResult(db, shape, build, values)).rows;
}

/** As runReused, with the whole result (an UPDATE's numAffectedRows). */
export async function runReusedResult<R>(
  db: Db | Tx,
  shape: string,
  build: (slot: Slots) => Compilable<R>,
  values: Record<string, unknown>,
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let shapes = cache.get(adapter);
  if (!shapes) cache.set(adapter, (shapes = new Map()));
  // Least recently used goes first: a bulk decision's many list lengths must not push out the hot shapes.
  let entry = shapes.get(shape);
  if (entry) shapes.delete(shape);
  else {
    entry = compile(build);
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
  }
  shapes.set(shape, entry);
  const { compiled, slots } = entry;
  const valueOf = (name: string) => {
    if (!(name in values)) throw new Error(`runReused(${shape}): no value for ${name}`);
    return values[name];
  };
  const parameters = slots.map((slot, i) => (slot === null ? compiled.parameters[i] : typeof slot === 'string' ? valueOf(slot) : slot.map(valueOf)));
  return db.executeQuery<R>({ ...compiled, parameters } as CompiledQuery<R>);
}

/** Stand-ins for a list of n text values (an `in (…)` list): name0, name1, …; the shape must name n. */
export const textList = (slot: Slots, name: string, n: number): string[] => Array.from({ length: n }, (_, i) => slot.text(`${name}${i}`));

/** The values of such a list, for runReused. */
export const listValues = (name: string, values: readonly unknown[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  values.forEach((v, i) => (out[`${name}${i}`] = v));
  return out;
};
