import { z } from 'zod';
import { ASPECTS, type Aspect } from '../../../shared/classification.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { classificationOf, currentScale, levelNumbers } from '../../policy/classification.ts';
import { getActivePack } from '../policy/index.ts';
import { formatRegisterNo } from '../systems/index.ts';
import { overviewVisibility } from './access.ts';
import {
  countOverviewSystems, levelCounts, overviewCounts, overviewSystems, unitsForOverview, type LevelColumn, type OverviewFilter, type OverviewScope,
  type OverviewSystemRow,
} from './repository.ts';
import type { OverviewSystemsQuery } from './schemas.ts';

/**
 * The overview of information classification (docs/CLASSIFICATION.md, "Overview"): per förvaltning how many systems
 * are classified (approved), in progress, missing and due for review, the distribution of levels per aspect, and the
 * systems behind each number. The database counts (grouped by owning unit and by level) and pages the systems;
 * each owning unit is then placed under its förvaltning.
 */

const COLUMN: Record<Aspect, LevelColumn> = {
  confidentiality: 'level_confidentiality',
  integrity: 'level_integrity',
  availability: 'level_availability',
  traceability: 'level_traceability',
};

async function scopeOf(ctx: Ctx, auth: Auth, unitId: string | null): Promise<{ scope: OverviewScope; spec: ReturnType<typeof classificationOf> }> {
  const { pack } = await getActivePack(ctx);
  const spec = classificationOf(pack);
  return { spec, scope: { visibility: await overviewVisibility(ctx, auth, spec), unitId, today: todayOf(ctx) } };
}

type Forvaltning = { id: string; name: string; sort: string } | null;

/** Each unit's förvaltning: the unit itself or the nearest above it of that kind (null: none). */
async function forvaltningFinder(ctx: Ctx): Promise<(unitId: string) => Forvaltning> {
  const units = await unitsForOverview(ctx.db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const known = new Map<string, Forvaltning>();
  return (id) => {
    if (known.has(id)) return known.get(id)!;
    let u = byId.get(id);
    for (let hops = 0; u && u.kind !== 'forvaltning' && hops < 100; hops++) u = u.parent_id ? byId.get(u.parent_id) : undefined;
    const found = u && u.kind === 'forvaltning' ? { id: u.id, name: u.name, sort: u.name_sort } : null;
    known.set(id, found);
    return found;
  };
}

export async function getOverview(ctx: Ctx, auth: Auth, unitId: string | null) {
  const { spec, scope } = await scopeOf(ctx, auth, unitId);
  const [byUnit, byLevels, forvaltningOf] = await Promise.all([overviewCounts(ctx.db, scope), levelCounts(ctx.db, scope), forvaltningFinder(ctx)]);
  const empty = () => ({ total: 0, approved: 0, inProgress: 0, missing: 0, reviewDue: 0 });
  const all = empty();
  const groups = new Map<string, { unit: { id: string; name: string } | null; sort: string; counts: ReturnType<typeof empty> }>();
  for (const r of byUnit) {
    const f = forvaltningOf(r.owning_unit_id);
    const key = f?.id ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: f ? { id: f.id, name: f.name } : null, sort: f?.sort ?? '\uffff', counts: empty() }));
    for (const c of [all, g.counts]) {
      c.total += Number(r.total);
      c.approved += Number(r.approved);
      // A system with an approved classification and a new version on its way counts as approved and in progress.
      c.inProgress += Number(r.in_progress);
      c.missing += Number(r.missing);
      c.reviewDue += Number(r.review_due);
    }
  }
  const scale = currentScale(spec);
  const distribution = ASPECTS.filter((a) => levelNumbers(scale, a).length).map((aspect) => {
    const counts = new Map(levelNumbers(scale, aspect).map((n) => [n, 0]));
    for (const r of byLevels) {
      const n = r[COLUMN[aspect]];
      if (n !== null && counts.has(n)) counts.set(n, counts.get(n)! + Number(r.n));
    }
    return { aspect, levels: [...counts].map(([number, count]) => ({ number, count })) };
  });
  return {
    ...all,
    forvaltningar: [...groups.values()].sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0)).map((g) => ({ unit: g.unit, ...g.counts })),
    distribution,
  };
}

const cursorSchema = z.object({ v: z.string(), id: z.string() });

const filterOf = (q: Pick<OverviewSystemsQuery, 'state' | 'aspect' | 'level'>): OverviewFilter => ({
  state: q.state,
  level: q.aspect && q.level !== undefined ? { column: COLUMN[q.aspect], value: q.level } : undefined,
});

/** The systems behind an overview number, in Swedish name order, keyset-paginated; the total on the first page. */
export async function listOverviewSystems(ctx: Ctx, auth: Auth, q: OverviewSystemsQuery) {
  const { scope } = await scopeOf(ctx, auth, q.unitId ?? null);
  const after = decodeCursor(q.cursor, cursorSchema);
  const filter = filterOf(q);
  const [rows, total, forvaltningOf] = await Promise.all([
    overviewSystems(ctx.db, scope, filter, after, q.limit + 1),
    after ? Promise.resolve(null) : countOverviewSystems(ctx.db, scope, filter),
    forvaltningFinder(ctx),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentRow(r, forvaltningOf)),
    total,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.name_sort, id: last.id }) : null,
  };
}

/** Every system the filters let through (the XLSX), read a page at a time. */
export async function* allOverviewSystems(ctx: Ctx, auth: Auth, q: Omit<OverviewSystemsQuery, 'limit' | 'cursor'>) {
  const { scope } = await scopeOf(ctx, auth, q.unitId ?? null);
  const filter = filterOf(q);
  const forvaltningOf = await forvaltningFinder(ctx);
  let after: { v: string; id: string } | undefined;
  for (;;) {
    const rows = await overviewSystems(ctx.db, scope, filter, after, 1000);
    for (const r of rows) yield presentRow(r, forvaltningOf);
    const last = rows[rows.length - 1];
    if (rows.length < 1000 || !last) return;
    after = { v: last.name_sort, id: last.id };
  }
}

function presentRow(r: OverviewSystemRow, forvaltningOf: (unitId: string) => Forvaltning) {
  const f = forvaltningOf(r.owning_unit_id);
  const approved = r.approved_id !== null;
  return {
    id: r.id,
    registerNo: formatRegisterNo(r.register_no),
    name: r.name,
    forvaltning: f ? { id: f.id, name: f.name } : null,
    state: approved ? ('approved' as const) : r.in_progress ? ('in_progress' as const) : ('missing' as const),
    inProgress: (r.in_progress as 'draft' | 'submitted' | null) ?? null,
    levels: approved
      ? { confidentiality: r.level_confidentiality, integrity: r.level_integrity, availability: r.level_availability, traceability: r.level_traceability }
      : null,
    nextReviewAt: r.next_review_at,
    reviewDue: Boolean(Number(r.review_due)),
  };
}
