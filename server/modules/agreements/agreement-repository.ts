import { containsPattern } from '../../platform/text.ts';
import { inChunks } from '../../platform/pace.ts';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AgreementsTable } from '../../platform/db/tables/systems.ts';
import { systemVisibleCondition, type SystemVisibility } from '../systems/index.ts';

/** All SQL of agreements and their links to systems. No business rules. */

type Q = Db | Tx;

export interface AgreementRow extends AgreementsTable {
  supplier_name: string | null;
  responsible_name: string | null;
  responsible_status: 'active' | 'disabled' | 'left' | null;
}

const selectAgreements = (db: Q) =>
  db
    .selectFrom('agreements as a')
    .leftJoin('suppliers as sup', 'sup.id', 'a.supplier_id')
    .leftJoin('people as rp', 'rp.id', 'a.responsible_person_id')
    .selectAll('a')
    .select(['sup.name as supplier_name', 'rp.name as responsible_name', 'rp.status as responsible_status']);

type AEb = ExpressionBuilder<Database & { a: AgreementsTable }, 'a'>;
type SEb = Parameters<typeof systemVisibleCondition>[0];

/** The systems' visibility rule (from the system register) on the systems table aliased `s`. */
const systemVisible = (eb: unknown, v: SystemVisibility): Expression<SqlBool> => systemVisibleCondition(eb as SEb, v);

/**
 * An agreement is visible when it is linked to no system, or to at least one system the caller may
 * see. One SQL condition, no lists of ids.
 */
export function agreementVisible(eb: AEb, v: SystemVisibility): Expression<SqlBool> {
  if (v.reach.all) return sql<SqlBool>`1 = 1`;
  return eb.or([
    eb.not(eb.exists(eb.selectFrom('agreement_systems as nl').select('nl.system_id').whereRef('nl.agreement_id', '=', 'a.id'))),
    eb.exists(
      eb
        .selectFrom('agreement_systems as vl')
        .innerJoin('systems as s', 's.id', 'vl.system_id')
        .select('vl.system_id')
        .whereRef('vl.agreement_id', '=', 'a.id')
        .where((inner) => systemVisible(inner, v)),
    ),
  ]);
}

/** Lower case on both databases, Å/Ä/Ö included (SQLite's lower() folds ASCII only). */
const folded = (column: string) => sql`lower(replace(replace(replace(${sql.ref(column)}, 'Å', 'å'), 'Ä', 'ä'), 'Ö', 'ö'))`;

export interface AgreementFilter {
  visibility: SystemVisibility;
  q?: string | undefined;
  supplierId?: string | undefined;
  systemId?: string | undefined;
  endingBefore?: string | undefined;
  after?: { e: string | null; id: string } | undefined;
}

/**
 * One page, ending soonest first: keyset on (end_date, id) — the index agreements_end_idx — with
 * agreements without an end date last (nulls last on both databases).
 */
export async function listAgreements(db: Db, f: AgreementFilter, limit: number): Promise<{ rows: AgreementRow[]; hasMore: boolean }> {
  let q = selectAgreements(db)
    .where((eb) => agreementVisible(eb as unknown as AEb, f.visibility))
    .orderBy('a.end_date', (ob) => ob.asc().nullsLast())
    .orderBy('a.id', 'asc')
    .limit(limit + 1);
  if (f.supplierId) q = q.where('a.supplier_id', '=', f.supplierId);
  if (f.systemId) {
    const systemId = f.systemId;
    q = q.where((eb) => eb.exists(eb.selectFrom('agreement_systems as fl').select('fl.agreement_id').whereRef('fl.agreement_id', '=', 'a.id').where('fl.system_id', '=', systemId)));
  }
  if (f.endingBefore) q = q.where('a.end_date', '<', f.endingBefore);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where(
      sql<SqlBool>`(${folded('a.title')} like ${pattern} escape '\\' or ${folded('a.reference')} like ${pattern} escape '\\'
        or sup.name_sort like ${pattern} escape '\\')`,
    );
  }
  if (f.after) {
    const { e, id } = f.after;
    q =
      e === null
        ? q.where((eb) => eb.and([eb('a.end_date', 'is', null), eb('a.id', '>', id)]))
        : q.where((eb) =>
            eb.or([eb('a.end_date', '>', e), eb.and([eb('a.end_date', '=', e), eb('a.id', '>', id)]), eb('a.end_date', 'is', null)]),
          );
  }
  const rows = (await q.execute()) as AgreementRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export const findAgreement = async (db: Q, id: string): Promise<AgreementRow | undefined> =>
  (await selectAgreements(db).where('a.id', '=', id).executeTakeFirst()) as AgreementRow | undefined;

/** Is the agreement visible to the caller (see agreementVisible)? */
export async function isAgreementVisible(db: Q, id: string, v: SystemVisibility): Promise<boolean> {
  if (v.reach.all) return true;
  const row = await db
    .selectFrom('agreements as a')
    .select('a.id')
    .where('a.id', '=', id)
    .where((eb) => agreementVisible(eb, v))
    .executeTakeFirst();
  return row !== undefined;
}

/** The supplier's agreements the caller may see, ending soonest first. */
export const agreementsOfSupplier = async (db: Q, supplierId: string, v: SystemVisibility): Promise<AgreementRow[]> =>
  (await selectAgreements(db)
    .where('a.supplier_id', '=', supplierId)
    .where((eb) => agreementVisible(eb as unknown as AEb, v))
    .orderBy('a.end_date', (ob) => ob.asc().nullsLast())
    .orderBy('a.id')
    .execute()) as AgreementRow[];

/** The agreements linked to one system, ending soonest first (index agreement_systems_system_idx). */
export const agreementsOfSystem = async (db: Q, systemId: string): Promise<AgreementRow[]> =>
  (await selectAgreements(db)
    .innerJoin('agreement_systems as l', 'l.agreement_id', 'a.id')
    .where('l.system_id', '=', systemId)
    .orderBy('a.end_date', (ob) => ob.asc().nullsLast())
    .orderBy('a.id')
    .execute()) as AgreementRow[];

/** Many new agreements and their links to systems at once (the register import). */
export async function insertAgreements(trx: Tx, rows: readonly AgreementsTable[], links: ReadonlyArray<{ agreement_id: string; system_id: string }>): Promise<void> {
  await inChunks(rows, 200, (c) => trx.insertInto('agreements').values(c).execute());
  await inChunks(links, 400, (c) => trx.insertInto('agreement_systems').values(c).execute());
}

export async function insertAgreement(trx: Tx, row: AgreementsTable): Promise<void> {
  await trx.insertInto('agreements').values(row).execute();
}

/** Writes the change only if the row still has the expected version; false when someone got there first. */
export async function updateAgreementAtVersion(
  trx: Tx,
  id: string,
  version: number,
  set: Partial<Omit<AgreementsTable, 'id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('agreements')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

const linkedColumns = ['s.id', 's.register_no', 's.name', 's.lifecycle', 's.owning_unit_id'] as const;

/** Every system linked to the agreement, and those of them the caller may see. */
export async function linkedSystemsOf(db: Q, agreementId: string, v: SystemVisibility) {
  const base = () =>
    db
      .selectFrom('agreement_systems as l')
      .innerJoin('systems as s', 's.id', 'l.system_id')
      .select(linkedColumns)
      .where('l.agreement_id', '=', agreementId)
      .orderBy('s.name_sort')
      .orderBy('s.id');
  const [all, visible] = await Promise.all([
    base().execute(),
    v.reach.all ? null : base().where((eb) => systemVisible(eb, v)).execute(),
  ]);
  return { all, visible: visible ?? all };
}

export const findLink = (db: Q, agreementId: string, systemId: string) =>
  db.selectFrom('agreement_systems').selectAll().where('agreement_id', '=', agreementId).where('system_id', '=', systemId).executeTakeFirst();

export async function insertLinks(trx: Tx, agreementId: string, systemIds: readonly string[]): Promise<void> {
  if (systemIds.length) await trx.insertInto('agreement_systems').values(systemIds.map((system_id) => ({ agreement_id: agreementId, system_id }))).execute();
}

export async function deleteLink(trx: Tx, agreementId: string, systemId: string): Promise<boolean> {
  const res = await trx.deleteFrom('agreement_systems').where('agreement_id', '=', agreementId).where('system_id', '=', systemId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Does the system exist and may the caller see it (the system register's rule)? */
export async function isSystemVisible(db: Q, systemId: string, v: SystemVisibility): Promise<boolean> {
  let q = db.selectFrom('systems as s').select('s.id').where('s.id', '=', systemId);
  if (!v.reach.all) q = q.where((eb) => systemVisible(eb, v));
  return (await q.executeTakeFirst()) !== undefined;
}
