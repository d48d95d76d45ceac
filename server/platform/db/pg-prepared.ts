/**
 * Named (prepared) statements on PostgreSQL. node-postgres sends every query with values as an unnamed
 * statement, so PostgreSQL parses, analyses and plans it on every call; for a request's small indexed
 * queries that is most of their cost. A named statement is parsed once per connection, and PostgreSQL keeps
 * its plan (a generic one after five runs, when that is no worse than planning each time).
 *
 * Kysely calls `client.query(text, values)`; the clients this pool hands out name a statement by its text
 * once that text has come twice. Names are bounded per process (`MAX_NAMED`): queries built with a varying
 * shape (a bulk insert's rows, an `in (…)` list's length) would otherwise fill each connection with
 * statements used once. Big statements (many values, long text) stay unnamed for the same reason, as do a shape's
 * texts beyond its first few page sizes (`MAX_PAGE_SIZES`). Of the statements without values only a `select` is
 * named (a page whose size is in its text, pg-compiler.ts; a count of a table), not `begin`, `commit` or DDL.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const MAX_NAMED = 1000;
/** The page sizes named per shape (texts that differ only in `limit n`, pg-compiler.ts): a client sending every limit
 * from 1 to 200 must not use up the names. */
const MAX_PAGE_SIZES = 6;
const MAX_VALUES = 64;
const MAX_TEXT = 8000;

export interface StatementNames {
  /** The name for a statement's text, or null while it stays unnamed. */
  nameOf(text: string, valueCount: number): string | null;
  readonly size: number;
}

export function statementNames(max = MAX_NAMED): StatementNames {
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  const pageSizes = new Map<string, number>();
  return {
    nameOf(text, valueCount) {
      const known = names.get(text);
      if (known) return known;
      if ((valueCount === 0 && !text.startsWith('select ')) || valueCount > MAX_VALUES || text.length > MAX_TEXT || names.size >= max) return null;
      if (!seenOnce.has(text)) {
        if (seenOnce.size >= max * 4) seenOnce.clear();
        seenOnce.add(text);
        return null;
      }
      const shape = text.replace(/ limit \d+/g, ' limit ?');
      const sizes = pageSizes.get(shape) ?? 0;
      if (sizes >= MAX_PAGE_SIZES) return null;
      pageSizes.set(shape, sizes + 1);
      seenOnce.delete(text);
      const name = `ansvar_${names.size + 1}`;
      names.set(text, name);
      return name;
    },
    get size() {
      return names.size;
    },
  };
}

/** A Kysely pool over `pool` whose clients run repeated statements as named ones. */
export function preparingPool(pool: pg.Pool, names: StatementNames = statementNames()): PostgresPool {
  const wrapped = new WeakSet<pg.PoolClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as { query: unknown }).query = (first: unknown, values?: unknown[]) => {
          if (typeof first === 'string' && values) {
            const name = names.nameOf(first, values.length);
            if (name) return query({ name, text: first, values });
          }
          return values === undefined ? query(first) : query(first, values);
        };
      }
      return client as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
