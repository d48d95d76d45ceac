import { ASPECTS, type Aspect, type OverviewFilter, type OverviewState } from '../../api/classifications.ts';

/**
 * The classification overview's state in the URL (?unitId=&state=&aspect=&level=), so Back works and every
 * drill-down is a plain link; and the pure arithmetic of its figures and bars.
 */

export const OVERVIEW_STATES = ['approved', 'in_progress', 'missing', 'review_due'] as const satisfies readonly OverviewState[];

export interface OverviewView {
  /** The förvaltning (or any unit: its subtree); '' is everything the user may see. */
  unitId: string;
  state: OverviewState | null;
  /** Aspect and level come together (the API filters on both or neither). */
  aspect: Aspect | null;
  level: number | null;
}

export const ALL_SYSTEMS: OverviewView = { unitId: '', state: null, aspect: null, level: null };

const isState = (value: string | null): value is OverviewState => (OVERVIEW_STATES as readonly string[]).includes(value ?? '');
const isAspect = (value: string | null): value is Aspect => (ASPECTS as readonly string[]).includes(value ?? '');

/** Reads the view from the query string; unknown values are dropped, and an aspect without a level (or the reverse) too. */
export function readOverviewView(params: URLSearchParams): OverviewView {
  const state = params.get('state');
  const aspect = params.get('aspect');
  const level = params.get('level') ?? '';
  const drilled = isAspect(aspect) && /^\d$/.test(level);
  return {
    unitId: params.get('unitId')?.trim() ?? '',
    state: isState(state) ? state : null,
    aspect: drilled ? aspect : null,
    level: drilled ? Number(level) : null,
  };
}

/** The query string of a view ('' for all systems), in a stable order. */
export function overviewSearch(view: Partial<OverviewView>): string {
  const search = new URLSearchParams();
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.state) search.set('state', view.state);
  if (view.aspect && view.level !== null && view.level !== undefined) {
    search.set('aspect', view.aspect);
    search.set('level', String(view.level));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The filter of the systems list and the export. */
export function toOverviewFilter(view: OverviewView): OverviewFilter {
  const filter: OverviewFilter = {};
  if (view.unitId) filter.unitId = view.unitId;
  if (view.state) filter.state = view.state;
  if (view.aspect && view.level !== null) {
    filter.aspect = view.aspect;
    filter.level = view.level;
  }
  return filter;
}

/** Whether the list shows only a part of the systems in scope (a figure, a förvaltning's number or a level was chosen). */
export const isDrilledDown = (view: OverviewView): boolean => view.state !== null || view.level !== null;

/**
 * A share in whole percent, for "approved (60 %)": rounded down, so 100 % means every system and a share above
 * nothing is at least 1 %. Null when there is nothing to share.
 */
export function wholePercent(part: number, total: number): number | null {
  if (total <= 0) return null;
  if (part <= 0) return 0;
  if (part >= total) return 100;
  return Math.min(99, Math.max(1, Math.floor((part * 100) / total)));
}

/**
 * A bar's length in percent of its track: the largest count fills the track (the same scale for every aspect, so
 * the bars compare), and a count above 0 is at least 2 % long so it can be seen. One decimal.
 */
export function barLength(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(2, Math.round((Math.min(count, max) / max) * 1000) / 10);
}

/** The largest count in a distribution (0 when empty). */
export const largestCount = (distribution: readonly { levels: readonly { count: number }[] }[]): number =>
  distribution.reduce((max, d) => d.levels.reduce((m, l) => Math.max(m, l.count), max), 0);

/** The level numbers of every aspect together, in order: the columns of the distribution table. */
export const levelNumbers = (distribution: readonly { levels: readonly { number: number }[] }[]): number[] =>
  [...new Set(distribution.flatMap((d) => d.levels.map((l) => l.number)))].sort((a, b) => a - b);
