import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createChangeTrigger } from './change-trigger.ts';

/**
 * Each system's kommun — the root of the organisation tree above its owning unit — in a column of its own, with an
 * index that leads with it in the register's order (issue 16, part 4; docs/PERFORMANCE.md, "National scale"). With
 * several kommuner in one installation, the first page of one kommun's register is then a range scan of a page's
 * index entries, and its count an index-only count, where the reach's own units gave the database every system of
 * the kommun to fetch and sort.
 *
 * The systems module sets the column whenever it writes a system's owning unit (systems/repository.ts). What moves
 * a unit (and its subtree) to another kommun is the org module, which must not write systems, so a trigger on
 * `org_units.parent_id` moves its systems with it: in the statement that changes the parent, before the closure is
 * re-linked — the moved subtree's own closure rows and the new parent's are the ones it reads, and neither changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`alter table systems add column kommun_id text references org_units (id)`.execute(db);
  await sql`update systems set kommun_id = (
    select c.ancestor_id from org_unit_closure c join org_units r on r.id = c.ancestor_id and r.parent_id is null
    where c.descendant_id = systems.owning_unit_id)`.execute(db);
  if (postgres) await sql`alter table systems alter column kommun_id set not null`.execute(db);
  await db.schema.createIndex('systems_kommun_idx').on('systems').columns(['kommun_id', 'name_sort', 'id']).execute();

  const rehome = sql`update systems set kommun_id = coalesce((
      select c.ancestor_id from org_unit_closure c join org_units r on r.id = c.ancestor_id and r.parent_id is null
      where c.descendant_id = new.parent_id), new.id)
    where owning_unit_id in (select descendant_id from org_unit_closure where ancestor_id = new.id)`;
  await createChangeTrigger(db, postgres, { name: 'org_units_systems_kommun', table: 'org_units', column: 'parent_id', body: rehome });
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
