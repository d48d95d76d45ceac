import type { Db, Tx } from '../../platform/db/index.ts';
import { systemFactsOf, type SystemRow } from '../systems/index.ts';
import { ROLE_FIELDS } from './fields.ts';
import { fingerprintOf, type ExistingSystem } from './plan-types.ts';
import { currentSystemHolders, linkedAgreements, loadSystems, loadUsingUnits, systemVersions } from './repository.ts';
import { nameKey } from './resolve.ts';
import { pacer } from '../../platform/pace.ts';

/** The roles an import sets on systems. */
export const IMPORT_ROLE_KEYS: readonly string[] = Object.values(ROLE_FIELDS);

function groupBy<T>(rows: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * Every system as the planner compares it (a handful of queries for the whole register): facts, using
 * units, current holders of the imported roles and linked agreements. `readable` is the caller's
 * systems:read reach (null: everything); kommungemensamma systems are visible to all.
 */
export async function existingSystems(db: Db, today: string, readable: Set<string> | null): Promise<ExistingSystem[]> {
  const pace = pacer();
  const rows = await loadSystems(db);
  await pace();
  const using = await loadUsingUnits(db);
  await pace();
  const holders = await currentSystemHolders(db, IMPORT_ROLE_KEYS, today);
  await pace();
  const agreements = await linkedAgreements(db);
  await pace();
  const usingBy = groupBy(using, (u) => u.system_id);
  const holdersBy = groupBy(holders, (h) => h.subject_id);
  const agreementsBy = groupBy(agreements, (a) => a.system_id);
  const out: ExistingSystem[] = [];
  for (const r of rows) {
    await pace();
    const usingIds = (usingBy.get(r.id) ?? []).map((u) => u.unit_id).sort();
    const aliases = JSON.parse(r.aliases_json) as string[];
    out.push({
      id: r.id,
      registerNo: Number(r.register_no),
      name: r.name,
      nameKey: nameKey(r.name),
      aliasKeys: aliases.map(nameKey),
      lifecycle: r.lifecycle,
      version: Number(r.version),
      ownerId: r.owning_unit_id,
      facts: systemFactsOf({ ...r, owning_unit_name: '', confirmed_by_name: null } as SystemRow, usingIds),
      holders: (holdersBy.get(r.id) ?? []).map((h) => ({ assignmentId: h.id, roleKey: h.role_key, kind: h.principal_kind, holderId: h.principal_id, validFrom: h.valid_from })),
      agreements: (agreementsBy.get(r.id) ?? []).map((a) => ({ id: a.id, supplierId: a.supplier_id, endDate: a.end_date, version: Number(a.version) })),
      visible: readable === null || r.kommungemensamt === 1 || readable.has(r.owning_unit_id) || usingIds.some((u) => readable.has(u)),
    });
  }
  return out;
}

/** The fingerprints of these systems now (a missing system has none). */
export async function fingerprintsOf(trx: Tx, ids: readonly string[], today: string): Promise<Map<string, string>> {
  const [versions, holders, agreements] = [
    await systemVersions(trx, ids),
    await currentSystemHolders(trx, IMPORT_ROLE_KEYS, today, ids),
    await linkedAgreements(trx, ids),
  ];
  const holdersBy = groupBy(holders, (h) => h.subject_id);
  const agreementsBy = groupBy(agreements, (a) => a.system_id);
  const out = new Map<string, string>();
  for (const [id, version] of versions) {
    out.set(
      id,
      fingerprintOf({
        version,
        holders: (holdersBy.get(id) ?? []).map((h) => ({ assignmentId: h.id, roleKey: h.role_key, kind: h.principal_kind, holderId: h.principal_id, validFrom: h.valid_from })),
        agreements: (agreementsBy.get(id) ?? []).map((a) => ({ id: a.id, supplierId: a.supplier_id, endDate: a.end_date, version: Number(a.version) })),
      }),
    );
  }
  return out;
}
