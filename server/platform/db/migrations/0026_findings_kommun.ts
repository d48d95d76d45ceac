import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createChangeTrigger } from './change-trigger.ts';

/**
 * Each finding's kommun — its system's (migration 0025), else its unit's — in a column of its own, with an index that
 * leads with it in the findings list's order (worst first, then newest), so that the first page of one kommun's
 * findings is a range scan of a page's index entries rather than a sort of all of the kommun's (issue 16, part 4).
 * A finding of no system and no unit (the installation's) has none.
 *
 * The findings module sets the column whenever it writes a finding (findings/repository.ts). A trigger on
 * `systems.kommun_id` moves a system's findings with it (a new owner in another kommun, or its unit moved there), and
 * one on `org_units.parent_id` moves a moved subtree's unit findings, as 0025's moves its systems — in the same
 * transaction, so a finding is never seen in the old kommun once the change is committed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`alter table findings add column kommun_id text`.execute(db);
  // Joins, not a subquery per finding: at national scale (1.2 million findings) the subqueries took minutes.
  await sql`update findings as f set kommun_id = s.kommun_id from systems s where s.id = f.system_id`.execute(db);
  await sql`update findings as f set kommun_id = c.ancestor_id
    from org_unit_closure c join org_units r on r.id = c.ancestor_id and r.parent_id is null
    where f.kommun_id is null and c.descendant_id = f.unit_id`.execute(db);
  await sql`create index findings_kommun_idx on findings (kommun_id, status, severity_rank, opened_at desc, id desc)`.execute(db);

  const systemMoved = sql`update findings set kommun_id = new.kommun_id where system_id = new.id`;
  const unitMoved = sql`update findings set kommun_id = coalesce((
      select c.ancestor_id from org_unit_closure c join org_units r on r.id = c.ancestor_id and r.parent_id is null
      where c.descendant_id = new.parent_id), new.id)
    where system_id is null and unit_id in (select descendant_id from org_unit_closure where ancestor_id = new.id)`;
  await createChangeTrigger(db, postgres, { name: 'systems_findings_kommun', table: 'systems', column: 'kommun_id', body: systemMoved });
  await createChangeTrigger(db, postgres, { name: 'org_units_findings_kommun', table: 'org_units', column: 'parent_id', body: unitMoved });
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
