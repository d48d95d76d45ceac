import { ASPECTS, type Aspect } from '../../../shared/classification.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { basisChanges, classificationOf, currentScale, levelNumbers, type ClassificationBasis } from '../../policy/classification.ts';
import { formatRegisterNo } from '../systems/index.ts';
import { getActivePack } from '../policy/index.ts';
import { z } from 'zod';
import { overviewVisibility } from './access.ts';
import { parseJson } from './present.ts';
import { overviewRows, unitsForOverview, type OverviewRow } from './repository.ts';
import type { OverviewSystemsQuery } from './schemas.ts';

/**
 * The overview of information classification (docs/CLASSIFICATION.md, "Overview"): per förvaltning how many systems
 * are classified (approved), in progress, missing and due for review, the distribution of levels per aspect, and the
 * systems behind each number. Computed from one row per system the caller may see (the support role sees all):
 * at 10,000 systems one indexed query and a pass in memory.
 */

type State = 'approved' | 'in_progress' | 'missing';

interface Classified {
  row: OverviewRow;
  forvaltning: { id: string; name: string; sort: string } | null;
  state: State;
  reviewDue: boolean;
}

async function classifiedSystems(ctx: Ctx, auth: Auth, unitId: string | null) {
  const { pack } = await getActivePack(ctx);
  const spec = classificationOf(pack);
  const visibility = await overviewVisibility(ctx, auth, spec);
  const [rows, units] = await Promise.all([overviewRows(ctx.db, visibility, unitId), unitsForOverview(ctx.db)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const forvaltningOf = new Map<string, Classified['forvaltning']>();
  const findForvaltning = (id: string): Classified['forvaltning'] => {
    if (forvaltningOf.has(id)) return forvaltningOf.get(id)!;
    let u = byId.get(id);
    for (let hops = 0; u && u.kind !== 'forvaltning' && hops < 100; hops++) u = u.parent_id ? byId.get(u.parent_id) : undefined;
    const found = u && u.kind === 'forvaltning' ? { id: u.id, name: u.name, sort: u.name_sort } : null;
    forvaltningOf.set(id, found);
    return found;
  };
  const today = todayOf(ctx);
  const list: Classified[] = rows.map((row) => {
    const approved = row.approved_id !== null;
    const basis: ClassificationBasis = { hosting: row.hosting, owningUnitId: row.owning_unit_id, personalData: row.personal_data };
    const reviewDue =
      approved && ((row.next_review_at !== null && row.next_review_at < today) || basisChanges(parseJson(row.basis_json, null), basis).length > 0);
    return {
      row,
      forvaltning: findForvaltning(row.owning_unit_id),
      state: approved ? 'approved' : row.in_progress ? 'in_progress' : 'missing',
      reviewDue,
    };
  });
  return { spec, list };
}

const levelOf = (row: OverviewRow, aspect: Aspect): number | null =>
  ({ confidentiality: row.level_confidentiality, integrity: row.level_integrity, availability: row.level_availability, traceability: row.level_traceability })[aspect];

export async function getOverview(ctx: Ctx, auth: Auth, unitId: string | null) {
  const { spec, list } = await classifiedSystems(ctx, auth, unitId);
  const empty = () => ({ total: 0, approved: 0, inProgress: 0, missing: 0, reviewDue: 0 });
  const add = (c: ReturnType<typeof empty>, s: Classified) => {
    c.total += 1;
    if (s.state === 'approved') c.approved += 1;
    // A system with an approved classification and a new version on its way counts as approved and in progress.
    if (s.row.in_progress) c.inProgress += 1;
    if (s.state === 'missing') c.missing += 1;
    if (s.reviewDue) c.reviewDue += 1;
  };
  const all = empty();
  const groups = new Map<string, { unit: { id: string; name: string } | null; sort: string; counts: ReturnType<typeof empty> }>();
  for (const s of list) {
    add(all, s);
    const key = s.forvaltning?.id ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: s.forvaltning ? { id: s.forvaltning.id, name: s.forvaltning.name } : null, sort: s.forvaltning?.sort ?? '\uffff', counts: empty() }));
    add(g.counts, s);
  }
  const scale = currentScale(spec);
  const distribution = ASPECTS.filter((a) => levelNumbers(scale, a).length).map((aspect) => {
    const counts = new Map(levelNumbers(scale, aspect).map((n) => [n, 0]));
    for (const s of list) {
      const n = s.state === 'approved' ? levelOf(s.row, aspect) : null;
      if (n !== null && counts.has(n)) counts.set(n, counts.get(n)! + 1);
    }
    return { aspect, levels: [...counts].map(([number, count]) => ({ number, count })) };
  });
  return {
    ...all,
    forvaltningar: [...groups.values()].sort((a, b) => a.sort.localeCompare(b.sort)).map((g) => ({ unit: g.unit, ...g.counts })),
    distribution,
  };
}

const cursorSchema = z.object({ at: z.number().int().min(0) });

/** The systems behind an overview number, in Swedish name order, paged. */
export async function listOverviewSystems(ctx: Ctx, auth: Auth, q: OverviewSystemsQuery) {
  const { list } = await classifiedSystems(ctx, auth, q.unitId ?? null);
  const matches = list.filter((s) => {
    if (q.state === 'review_due' && !s.reviewDue) return false;
    if (q.state === 'in_progress' && !s.row.in_progress) return false;
    if ((q.state === 'approved' || q.state === 'missing') && s.state !== q.state) return false;
    if (q.aspect && q.level !== undefined && (s.state !== 'approved' || levelOf(s.row, q.aspect) !== q.level)) return false;
    return true;
  });
  matches.sort((a, b) => (a.row.name_sort < b.row.name_sort ? -1 : a.row.name_sort > b.row.name_sort ? 1 : a.row.id < b.row.id ? -1 : 1));
  const at = decodeCursor(q.cursor, cursorSchema)?.at ?? 0;
  const page = matches.slice(at, at + q.limit);
  return {
    items: page.map((s) => ({
      id: s.row.id,
      registerNo: formatRegisterNo(s.row.register_no),
      name: s.row.name,
      forvaltning: s.forvaltning ? { id: s.forvaltning.id, name: s.forvaltning.name } : null,
      state: s.state,
      inProgress: (s.row.in_progress as 'draft' | 'submitted' | null) ?? null,
      levels:
        s.state === 'approved'
          ? { confidentiality: s.row.level_confidentiality, integrity: s.row.level_integrity, availability: s.row.level_availability, traceability: s.row.level_traceability }
          : null,
      nextReviewAt: s.row.next_review_at,
      reviewDue: s.reviewDue,
    })),
    total: matches.length,
    nextCursor: at + q.limit < matches.length ? encodeCursor({ at: at + q.limit }) : null,
  };
}
