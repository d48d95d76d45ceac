import { sql, type Expression, type RawBuilder } from 'kysely';
import { toCount, type Db } from './index.ts';

/**
 * Lists read in parts (issue 16, part 4). When what a list shows is several parts that do not overlap — what a
 * caller sees of their kommun and beyond it, what a förvaltning owns and what it uses — one `or` of them is served by
 * no index and the database reads the list in order testing every row. Read apart, each part's page comes from an
 * index of its own in the list's order (its first `limit + 1` rows past the cursor); the list's page is then taken
 * from their union, and its count adds the parts' counts.
 */

/** The ids of the parts' pages, as one `union all` (each page selects `id` only). */
export function idsOfPages(pages: ReadonlyArray<Expression<unknown>>): RawBuilder<unknown> {
  return sql.join(
    pages.map((page, i) => {
      const alias = sql.raw(`part_page${i}`);
      return sql`select ${alias}.id from (${page}) ${alias}`;
    }),
    sql` union all `,
  );
}

/** The parts' counts added up, in one statement. */
export async function sumOfCounts(db: Db, counts: ReadonlyArray<Expression<unknown>>): Promise<number> {
  const row = await db.selectNoFrom(sql<number | string>`${sql.join(counts, sql` + `)}`.as('n')).executeTakeFirst();
  return toCount(row?.n);
}
