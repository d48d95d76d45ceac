import { canSomewhere, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { chainsByUnit, PATH_SEPARATOR, presentUnit, type OrgUnitView } from './present.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { ancestorsOf, listReachableUnits, type UnitRow } from './repository.ts';

const collator = new Intl.Collator('sv-SE');

/**
 * Every unit the caller may read, depth-first (a unit, then its sub-units; siblings by Swedish name
 * order). Two queries: the units, and the ancestors of the units whose parent the caller cannot see
 * (their path and depth start above them). Units whose parent is not in the list are the tree's roots.
 */
export async function orgUnitTree(ctx: Ctx, grants: readonly Grant[]): Promise<{ items: OrgUnitView[] }> {
  if (!canSomewhere(grants, 'org:read')) throw new AppError('forbidden');
  const rows = await listReachableUnits(ctx.db, reachOf(grants, 'org:read'));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, UnitRow[]>();
  const tops: UnitRow[] = [];
  for (const row of rows) {
    if (row.parent_id && byId.has(row.parent_id)) {
      const list = children.get(row.parent_id) ?? [];
      list.push(row);
      children.set(row.parent_id, list);
    } else tops.push(row);
  }
  const chains = chainsByUnit(
    await ancestorsOf(
      ctx.db,
      tops.filter((t) => t.parent_id).map((t) => t.id),
    ),
  );
  const order = (list: UnitRow[]) => list.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

  const items: OrgUnitView[] = [];
  const visit = (row: UnitRow, depth: number, path: string) => {
    items.push(presentUnit(row, depth, path));
    for (const child of order(children.get(row.id) ?? [])) visit(child, depth + 1, `${path}${PATH_SEPARATOR}${child.name}`);
  };
  for (const top of order(tops)) {
    const chain = chains.get(top.id);
    visit(top, chain ? chain.length - 1 : 0, chain ? chain.map((a) => a.name).join(PATH_SEPARATOR) : top.name);
  }
  return { items };
}
