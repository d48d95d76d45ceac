import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import { canSomewhere } from '../../../platform/access/permissions.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { getActivePack } from '../../policy/index.ts';
import { visibilityOf, type Caller } from '../access.ts';
import { cadenceOf, confirmationDue, holdersBySystem } from '../present.ts';
import { filterOf } from '../list-systems.ts';
import { currentHolders, listSystems, sortValueOf } from '../repository.ts';
import { systemsQuery } from '../schemas.ts';
import { cellsOf, EXPORT_ROLES, type Cell } from './columns.ts';
import { usingUnitNames } from './repository.ts';

/** The list's filters, search and sort, without its paging: the export is the whole filtered list. */
export const exportQuery = systemsQuery.omit({ limit: true, cursor: true, holders: true });
export type ExportQuery = z.infer<typeof exportQuery>;

/** Systems read per query: the list's largest page. */
export const EXPORT_PAGE_SIZE = 500;

export interface SystemExport {
  /** Today in Sweden (for the file name). */
  today: string;
  /** The rows of cells, read page by page as the consumer asks for them. */
  rows: AsyncIterable<Cell[]>;
}

/**
 * The register as the caller may see it (the same visibility, filters, search and order as
 * GET /api/systems), as rows of cells in the caller's language. Permission and the first page are
 * checked and read before this returns, so a refusal is still an ordinary error response; the rest
 * is read in keyset pages of 500 while the file is written. No transaction spans the pages (on
 * SQLite it would hold the one connection for the whole download): like paging through the list, a
 * system changed meanwhile appears as it was when its page was read.
 */
export async function openSystemExport(ctx: Ctx, auth: Caller, q: ExportQuery): Promise<SystemExport> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const visibility = await visibilityOf(ctx, auth);
  const { pack } = await getActivePack(ctx);
  const cadence = cadenceOf(pack);
  const filter = await filterOf(ctx, q, visibility);
  const first = await listSystems(ctx, filter, EXPORT_PAGE_SIZE);

  async function* rows(): AsyncGenerator<Cell[]> {
    let page = first;
    for (;;) {
      const ids = page.rows.map((r) => r.id);
      const [holderRows, using] = await Promise.all([currentHolders(ctx.db, ids, visibility.today, EXPORT_ROLES), usingUnitNames(ctx.db, ids)]);
      const holders = holdersBySystem(holderRows);
      for (const row of page.rows) {
        const byRole = new Map<string, string[]>();
        for (const h of holders.get(row.id) ?? []) {
          const names = byRole.get(h.roleKey);
          // A unit or a supplier by its name alone, as the import reads it back.
          if (names) names.push(h.holder.name);
          else byRole.set(h.roleKey, [h.holder.name]);
        }
        yield cellsOf({ row, usingUnits: using.get(row.id) ?? [], holders: byRole, confirmationDue: confirmationDue(row, cadence) }, ctx.locale);
      }
      const last = page.rows[page.rows.length - 1];
      if (!page.hasMore || !last) return;
      // On SQLite every query is synchronous underneath: let other requests in between pages.
      await nextTurn();
      page = await listSystems(ctx, { ...filter, after: { v: sortValueOf(q.sort, last), id: last.id } }, EXPORT_PAGE_SIZE);
    }
  }

  return { today: visibility.today, rows: rows() };
}
