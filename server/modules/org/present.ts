import type { Db, Tx } from '../../platform/db/index.ts';
import type { UnitFunction, UnitKind } from '../../../shared/org.ts';
import { ancestorsOf, type AncestorRow, type UnitRow } from './repository.ts';

export { UNIT_FUNCTIONS, UNIT_KINDS, type UnitFunction, type UnitKind } from '../../../shared/org.ts';

export interface OrgUnitView {
  id: string;
  name: string;
  kind: UnitKind;
  code: string | null;
  externalId: string | null;
  function: UnitFunction | null;
  status: 'active' | 'inactive';
  parentId: string | null;
  depth: number;
  path: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PATH_SEPARATOR = ' / ';

/** What search matches: the name and the code, lower-cased the Swedish way (Å, Ä, Ö). */
export const searchText = (name: string, code: string | null): string => [name, code].filter(Boolean).join(' ').toLocaleLowerCase('sv-SE');

/** A unit as the API shows it; `depth` counts the ancestors above it, `path` names them root first. */
export function presentUnit(row: UnitRow, depth: number, path: string): OrgUnitView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    code: row.code,
    externalId: row.external_id,
    function: row.function,
    status: row.status,
    parentId: row.parent_id,
    depth,
    path,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Groups closure rows (root first, each unit itself last at depth 0) per unit. */
export function chainsByUnit(rows: readonly AncestorRow[]): Map<string, AncestorRow[]> {
  const chains = new Map<string, AncestorRow[]>();
  for (const r of rows) {
    const chain = chains.get(r.descendant_id) ?? [];
    chain.push(r);
    chains.set(r.descendant_id, chain);
  }
  return chains;
}

const pathOf = (chain: readonly AncestorRow[] | undefined, fallback: string) =>
  chain?.length ? chain.map((a) => a.name).join(PATH_SEPARATOR) : fallback;

/** Presents units with their depth and path from the closure table: one query for the whole list. */
export async function presentUnits(db: Db | Tx, rows: readonly UnitRow[]): Promise<OrgUnitView[]> {
  const chains = chainsByUnit(
    await ancestorsOf(
      db,
      rows.map((r) => r.id),
    ),
  );
  return rows.map((row) => {
    const chain = chains.get(row.id);
    return presentUnit(row, Math.max(0, (chain?.length ?? 1) - 1), pathOf(chain, row.name));
  });
}

/** One unit with its ancestors (root first, without the unit itself). */
export async function presentUnitDetail(db: Db | Tx, row: UnitRow) {
  const chain = chainsByUnit(await ancestorsOf(db, [row.id])).get(row.id) ?? [];
  const ancestors = chain
    .filter((a) => a.ancestor_id !== row.id)
    .map((a) => ({ id: a.ancestor_id, name: a.name, kind: a.kind as UnitKind }));
  return { ...presentUnit(row, ancestors.length, pathOf(chain, row.name)), ancestors };
}
