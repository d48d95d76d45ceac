import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AreaResponsibilities } from '../../policy/facts.ts';
import type { Pack } from '../../policy/schema.ts';
import type { MatrixCellStatus } from '../../../shared/policy.ts';
import { systemsResponsibilities } from '../policy/index.ts';
import { visibilityOf, type Caller } from './access.ts';
import { systemFactOf } from './get-responsibilities.ts';
import { formatRegisterNo } from './model.ts';
import { cursorAfter, filterOf, positionOf } from './list-systems.ts';
import { countSystems, forvaltningarOf, listSystems, sortValueOf, type SystemRow } from './repository.ts';
import type { Matrix, MatrixCell, MatrixQuery } from './matrix-schemas.ts';

export { matrixQuery, matrixSchema } from './matrix-schemas.ts';

/** With `gaps`, how many systems one page reads at most, and in batches of how many (≤ 200: facts by system id). */
const GAP_SCAN_LIMIT = 1000;
const GAP_BATCH = 200;

/**
 * Rows: systems (as the list filters and sorts them); columns: the policy's areas; cells: who is responsible,
 * by which rule, and a status (held, vacant, missing) the web shows as a word and a shape. The parties are
 * those of GET /api/systems/{id}/responsibilities for a system the caller may read: its role holders, the
 * kommun's units and the kommun's role holders the policy names.
 */
export async function responsibilityMatrix(ctx: Ctx, auth: Caller, q: MatrixQuery): Promise<Matrix> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  let after = positionOf(q);
  const visibility = await visibilityOf(ctx, auth);
  const baseFilter = await filterOf(ctx, q, visibility);
  const kept: Array<{ row: SystemRow; cells: MatrixCell[]; findings: number; gaps: number }> = [];
  let columns: Pack['areas'] | null = null;
  let available: Pack['areas'] = [];
  let pack: Matrix['pack'] | null = null;
  let nextCursor: string | null = null;
  let scanned = 0;
  const want = q.gaps === undefined ? q.limit : q.limit + 1;

  for (;;) {
    const batch = q.gaps === undefined ? q.limit : Math.min(GAP_BATCH, GAP_SCAN_LIMIT - scanned);
    const { rows, hasMore } = await listSystems(ctx, { ...baseFilter, after }, batch);
    const evaluated = await systemsResponsibilities(ctx, rows.map(systemFactOf));
    if (!columns) {
      const doc = evaluated.document;
      available = doc.areas.filter((a) => hasSystemRules(doc, a.key));
      columns = columnsOf(doc, available, q.area);
      pack = { id: doc.id, version: doc.version, title: doc.title };
    }
    const rules = new Map(evaluated.document.rules.map((r) => [r.id, r]));
    let stoppedAt: SystemRow | undefined;
    for (const [i, row] of rows.entries()) {
      const result = evaluated.results[i]!;
      const cells = columns.map((area) => cellOf(area.key, result.areas, rules, evaluated.document));
      const gaps = cells.filter((c) => c.status === 'vacant' || c.status === 'missing').length;
      if (q.gaps === undefined || q.gaps === gaps > 0) {
        kept.push({ row, cells, gaps, findings: result.findings.length });
        if (kept.length === want) {
          stoppedAt = row;
          break;
        }
      }
    }
    scanned += rows.length;
    const last = rows[rows.length - 1];
    if (q.gaps === undefined) {
      nextCursor = hasMore && last ? cursorAfter(q, last) : null;
      break;
    }
    if (stoppedAt) {
      // One match past the page: the page ends at the one before it.
      kept.pop();
      nextCursor = cursorAfter(q, kept[kept.length - 1]!.row);
      break;
    }
    if (!hasMore || !last) break;
    after = { v: sortValueOf(q.sort, last), id: last.id };
    if (scanned >= GAP_SCAN_LIMIT) {
      // Read enough for one request: the page is shorter, and the next one continues after the last system read.
      nextCursor = cursorAfter(q, last);
      break;
    }
  }

  const [forvaltningar, total] = await Promise.all([
    forvaltningarOf(
      ctx.db,
      kept.map((k) => k.row.owning_unit_id),
    ),
    q.gaps === undefined && !q.cursor ? countSystems(ctx, baseFilter) : Promise.resolve(null),
  ]);
  return {
    pack: pack!,
    areas: columns!.map((a) => ({ key: a.key, title: a.title, text: a.text })),
    availableAreas: available.map((a) => ({ key: a.key, title: a.title })),
    items: kept.map(({ row: r, cells, gaps, findings }) => ({
      system: {
        id: r.id,
        registerNo: formatRegisterNo(r.register_no),
        name: r.name,
        owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
        forvaltning: forvaltningar.get(r.owning_unit_id) ?? null,
      },
      cells,
      gaps,
      findings,
    })),
    total,
    nextCursor,
  };
}

const hasSystemRules = (pack: Pack, area: string) => pack.rules.some((r) => r.area === area && r.at.includes('system'));

/** The columns: the areas asked for (each must be the pack's: 400 naming `area` otherwise), else those with a rule per system. */
function columnsOf(pack: Pack, available: Pack['areas'], asked: string | undefined): Pack['areas'] {
  if (!asked) return available;
  const keys = new Set(asked.split(','));
  const unknown = [...keys].filter((k) => !pack.areas.some((a) => a.key === k));
  if (unknown.length) {
    throw new AppError('validation_failed', { fields: [{ path: 'area', key: 'systems.matrix_unknown_area', params: { areas: unknown.join(', ') } }] });
  }
  return pack.areas.filter((a) => keys.has(a.key));
}

/**
 * One cell. Without responsibilities it is missing when the policy has rules for the area per system (none
 * fits the system's facts, or the system is in no kommun) and not applicable otherwise. A responsibility
 * without parties is vacant when its rule names a role's holders, missing when it names a unit; the worst
 * of the area's responsibilities decides.
 */
function cellOf(area: string, areas: readonly AreaResponsibilities[], rules: Map<string, Pack['rules'][number]>, pack: Pack): MatrixCell {
  const responsibilities = areas.find((a) => a.area === area)?.responsibilities ?? [];
  if (!responsibilities.length) return { area, status: hasSystemRules(pack, area) ? 'missing' : 'not_applicable', responsibilities };
  let status: MatrixCellStatus = 'held';
  for (const r of responsibilities) {
    if (r.parties.length > 0 || r.resolution === 'per_system') continue;
    if (rules.get(r.ruleId)?.party.select === 'role_holders') {
      if (status === 'held') status = 'vacant';
    } else status = 'missing';
  }
  return { area, status, responsibilities };
}
