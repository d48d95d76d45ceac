import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * The national seed (BENCH_NATIONAL=1, PostgreSQL only): the kommun the bench seeded through the API, copied
 * `kommuner - 1` times in SQL as kommuner of their own — each a root of the organisation tree with its units,
 * a sample of the register (`systemsPerKommun` systems), their roles, agreements, linked units and
 * classifications, and the people those name. Through the API 600,000 systems would take an hour; `insert …
 * select` over `generate_series` takes minutes. Ids are new UUIDs derived from (kommun, original id), so each
 * copy's references point into the same copy; suppliers are shared (one supplier serves many kommuner). The
 * findings are not copied: Ansvar computes them, like any change another instance made.
 */

export interface NationalSize {
  kommuner: number;
  systemsPerKommun: number;
}

export interface NationalSeeded {
  kommunIds: string[];
  /** Rows written per table. */
  rows: Record<string, number>;
}

/** A UUID (version 7 and variant bits set, so it passes the API's checks) from md5 of kommun and id. */
const NID = `
  create function pg_temp.nid(k int, id text) returns text immutable language sql as $$
    select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)
    from md5(k::text || ':' || id) as t(h)
  $$`;

/**
 * What each table's copy writes in place of a column (the rest are copied as they are), and which of its rows
 * are copied. `s` is the source row, `k` the kommun's number (1 … kommuner - 1).
 */
const TABLES: ReadonlyArray<{ table: string; from: string; set: Record<string, string> }> = [
  {
    table: 'org_units',
    from: 'org_units s join src_units su on su.id = s.id',
    set: {
      id: 'pg_temp.nid(k, s.id)',
      parent_id: 'case when s.parent_id is null then null else pg_temp.nid(k, s.parent_id) end',
      name: `case when s.parent_id is null then 'Kommun ' || lpad(k::text, 3, '0') else s.name end`,
      name_search: `case when s.parent_id is null then 'kommun ' || lpad(k::text, 3, '0') else s.name_search end`,
      name_sort: `case when s.parent_id is null then 'kommun ' || lpad(k::text, 3, '0') else s.name_sort end`,
      code: `case when s.code is null then null else s.code || '-' || k end`,
      external_id: `case when s.external_id is null then null else s.external_id || '-' || k end`,
    },
  },
  {
    table: 'org_unit_closure',
    from: 'org_unit_closure s join src_units su on su.id = s.descendant_id',
    set: { ancestor_id: 'pg_temp.nid(k, s.ancestor_id)', descendant_id: 'pg_temp.nid(k, s.descendant_id)' },
  },
  {
    table: 'people',
    from: 'people s join src_people sp on sp.id = s.id',
    set: {
      id: 'pg_temp.nid(k, s.id)',
      email: `case when s.email is null then null else 'k' || k || '.' || s.email end`,
      external_id: `case when s.external_id is null then null else s.external_id || '-' || k end`,
      home_unit_id: 'case when s.home_unit_id is null then null else pg_temp.nid(k, s.home_unit_id) end',
      manager_id: 'case when s.manager_id in (select id from src_people) then pg_temp.nid(k, s.manager_id) end',
    },
  },
  {
    table: 'systems',
    from: 'systems s join src_systems ss on ss.id = s.id',
    set: {
      id: 'pg_temp.nid(k, s.id)',
      register_no: 's.register_no + k * 1000000',
      owning_unit_id: 'pg_temp.nid(k, s.owning_unit_id)',
      kommun_id: 'pg_temp.nid(k, s.kommun_id)',
    },
  },
  {
    table: 'system_units',
    from: 'system_units s join src_systems ss on ss.id = s.system_id',
    set: { system_id: 'pg_temp.nid(k, s.system_id)', unit_id: 'pg_temp.nid(k, s.unit_id)' },
  },
  {
    table: 'role_assignments',
    from: `role_assignments s where (s.subject_kind = 'unit' and s.subject_id in (select id from src_units))
      or (s.subject_kind = 'system' and s.subject_id in (select id from src_systems))`,
    set: {
      id: 'pg_temp.nid(k, s.id)',
      subject_id: 'pg_temp.nid(k, s.subject_id)',
      principal_id: `case when s.principal_kind in ('person', 'unit') then pg_temp.nid(k, s.principal_id) else s.principal_id end`,
      principal_contact_id: 'case when s.principal_contact_id is null then null else pg_temp.nid(k, s.principal_contact_id) end',
    },
  },
  {
    table: 'agreements',
    from: 'agreements s where s.id in (select agreement_id from agreement_systems where system_id in (select id from src_systems))',
    set: {
      id: 'pg_temp.nid(k, s.id)',
      responsible_person_id: 'case when s.responsible_person_id is null then null else pg_temp.nid(k, s.responsible_person_id) end',
    },
  },
  {
    table: 'agreement_systems',
    from: 'agreement_systems s join src_systems ss on ss.id = s.system_id',
    set: { agreement_id: 'pg_temp.nid(k, s.agreement_id)', system_id: 'pg_temp.nid(k, s.system_id)' },
  },
  {
    table: 'classifications',
    from: 'classifications s join src_systems ss on ss.id = s.system_id',
    set: {
      id: 'pg_temp.nid(k, s.id)',
      system_id: 'pg_temp.nid(k, s.system_id)',
      basis_owning_unit_id: 'case when s.basis_owning_unit_id is null then null else pg_temp.nid(k, s.basis_owning_unit_id) end',
    },
  },
];

/** Copies the kommun `rootId` (with its register) into `size.kommuner - 1` more, in one transaction. */
export async function seedNational(databaseUrl: string, rootId: string, size: NationalSize, log: (msg: string) => void): Promise<NationalSeeded> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('begin');
    await client.query(NID);
    await client.query('create temp table src_units on commit drop as select descendant_id as id from org_unit_closure where ancestor_id = $1', [rootId]);
    await client.query(
      `create temp table src_systems on commit drop as
         select s.id from systems s join src_units u on u.id = s.owning_unit_id order by md5(s.id) limit $1`,
      [size.systemsPerKommun],
    );
    await client.query(
      `create temp table src_people on commit drop as
         select principal_id as id from role_assignments
           where principal_kind = 'person' and ((subject_kind = 'unit' and subject_id in (select id from src_units))
             or (subject_kind = 'system' and subject_id in (select id from src_systems)))
         union select principal_contact_id from role_assignments where principal_contact_id is not null
           and subject_kind = 'system' and subject_id in (select id from src_systems)
         union select a.responsible_person_id from agreements a join agreement_systems x on x.agreement_id = a.id
           where a.responsible_person_id is not null and x.system_id in (select id from src_systems)`,
    );
    await client.query('create temp table kommuner on commit drop as select k from generate_series(1, $1::int) as k', [size.kommuner - 1]);
    for (const t of TABLES) {
      const cols = (
        await client.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
          [t.table],
        )
      ).rows.map((r) => r.column_name);
      const list = cols.map((c) => `"${c}"`).join(', ');
      const values = cols.map((c) => t.set[c] ?? `s."${c}"`).join(', ');
      const started = performance.now();
      const res = await client.query(`insert into ${t.table} (${list}) select ${values} from kommuner cross join lateral (select s.* from ${t.from}) s`);
      rows[t.table] = res.rowCount ?? 0;
      log(`  national: ${t.table} ${rows[t.table]} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const roots = await client.query<{ id: string }>(`select pg_temp.nid(k, $1) as id from kommuner order by k`, [rootId]);
    await client.query('commit');
    await client.query('analyze');
    return { kommunIds: roots.rows.map((r) => r.id), rows };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Tells the running instances that everything may have changed, as another instance's bulk write would (a change
 * feed row that stands for everything, platform/changes.ts): their findings follow with a full refresh.
 */
export async function announceEverything(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`insert into change_feed (at, instance_id, entity_type, entity_id, action) values ($1, 'bench-national', '*', '', 'bulk')`, [
      new Date().toISOString(),
    ]);
  } finally {
    await client.end();
  }
}

/** The id the copy for kommun `k` gives `id` (pg_temp.nid above, in TypeScript). */
export function nationalId(k: number, id: string): string {
  const h = createHash('md5').update(`${k}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** BENCH_NATIONAL=1 (PostgreSQL only), BENCH_NATIONAL_KOMMUNER (290), BENCH_NATIONAL_SYSTEMS (600,000 in all). */
export function nationalSize(env: NodeJS.ProcessEnv, database: 'sqlite' | 'postgres', seededSystems: number): NationalSize | null {
  if (!env.BENCH_NATIONAL || env.BENCH_NATIONAL === '0') return null;
  if (env.BENCH_NATIONAL !== '1') throw new Error(`BENCH_NATIONAL must be 1 or unset, got "${env.BENCH_NATIONAL}"`);
  if (database !== 'postgres') throw new Error('BENCH_NATIONAL=1 needs BENCH_DB=postgres');
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return n;
  };
  const kommuner = int('BENCH_NATIONAL_KOMMUNER', 290, 2);
  const systems = int('BENCH_NATIONAL_SYSTEMS', 600_000, kommuner);
  // The seeded kommun keeps its register; the others share the rest, at most as many as it has.
  const systemsPerKommun = Math.min(seededSystems, Math.max(1, Math.round((systems - seededSystems) / (kommuner - 1))));
  return { kommuner, systemsPerKommun };
}
