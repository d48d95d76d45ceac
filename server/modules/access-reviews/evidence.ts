import type { AccountType, OrderState, ReviewDecision, ReviewState } from '../../../shared/access.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { formatRegisterNo } from '../systems/index.ts';
import { reviewAccess } from './access.ts';
import { itemPage, reviewerNames, type ItemCursor, type ItemRow } from './items-repository.ts';
import { findReviewNamed, progressOf, systemCounts, type ReviewListRow } from './repository.ts';

/**
 * The evidence of a campaign (docs/ACCESS.md, "Evidence"): its header and every item with its reviewers, the
 * decision, who made it and when, and the removal's execution — read a page at a time along the items' index,
 * so a file of any size is written in linear time and constant memory. Whoever started the campaign, or
 * administers all its systems, may take it out (403 for a reviewer, 404 for anyone else).
 */

const PAGE = 1000;

export const EVIDENCE_WORDS = {
  sv: {
    file: 'behorighetskontroll',
    title: 'Behörighetskontroll',
    summarySheet: 'Granskning',
    itemsSheet: 'Behörigheter',
    label: {
      name: 'Granskning', scope: 'Omfattning', systems: 'System', dueOn: 'Sista dag', state: 'Läge', created: 'Startad', closed: 'Stängd',
      total: 'Behörigheter', keep: 'Behålls', remove: 'Tas bort', change: 'Ändras', undecided: 'Ej granskade', printed: 'Utskriven',
    },
    scopeSystems: 'Valda system',
    scopeUnit: '{unit} med underliggande enheter',
    state: { open: 'Öppen', closed: 'Stängd' } satisfies Record<ReviewState, string>,
    by: '{when} av {who}',
    headers: [
      'Systemnr', 'System', 'Person', 'Konto', 'Kontotyp', 'Behörighet', 'Privilegierad', 'Sedan', 'Granskare', 'Beslut', 'Kommentar', 'Beslutat av',
      'Beslutat', 'Borttagning', 'Utförd', 'Bekräftad', 'Behörigheten avslutad',
    ],
    pdfHeaders: ['System', 'Person', 'Konto', 'Behörighet', 'Priv.', 'Granskare', 'Beslut', 'Kommentar', 'Beslutat av', 'Beslutat', 'Borttagning'],
    decision: { keep: 'Behåll', remove: 'Ta bort', change: 'Ändra' } satisfies Record<ReviewDecision, string>,
    undecided: 'Ej granskad',
    accountType: { personal: 'Personligt', service: 'Tjänstekonto', shared: 'Delat', administrator: 'Administratör' } satisfies Record<AccountType, string>,
    orderState: {
      awaiting_approval: 'Väntar på godkännande', awaiting_execution: 'Väntar på utförande', done: 'Utförd', rejected: 'Avslagen', cancelled: 'Avbruten',
    } satisfies Record<OrderState, string>,
    confirmed: 'bekräftad',
    yes: 'Ja',
    no: 'Nej',
    none: 'Inga behörigheter granskades.',
    page: 'Sida {n}',
  },
  en: {
    file: 'access-review',
    title: 'Access review',
    summarySheet: 'Review',
    itemsSheet: 'Grants',
    label: {
      name: 'Review', scope: 'Scope', systems: 'Systems', dueOn: 'Due date', state: 'State', created: 'Started', closed: 'Closed',
      total: 'Grants', keep: 'Kept', remove: 'Removed', change: 'Changed', undecided: 'Not reviewed', printed: 'Printed',
    },
    scopeSystems: 'Chosen systems',
    scopeUnit: '{unit} and the units below it',
    state: { open: 'Open', closed: 'Closed' } satisfies Record<ReviewState, string>,
    by: '{when} by {who}',
    headers: [
      'System no', 'System', 'Person', 'Account', 'Account type', 'Access role', 'Privileged', 'Since', 'Reviewers', 'Decision', 'Comment', 'Decided by',
      'Decided', 'Removal', 'Executed', 'Confirmed', 'Grant ended',
    ],
    pdfHeaders: ['System', 'Person', 'Account', 'Access role', 'Priv.', 'Reviewers', 'Decision', 'Comment', 'Decided by', 'Decided', 'Removal'],
    decision: { keep: 'Keep', remove: 'Remove', change: 'Change' } satisfies Record<ReviewDecision, string>,
    undecided: 'Not reviewed',
    accountType: { personal: 'Personal', service: 'Service', shared: 'Shared', administrator: 'Administrator' } satisfies Record<AccountType, string>,
    orderState: {
      awaiting_approval: 'Awaiting approval', awaiting_execution: 'Awaiting execution', done: 'Executed', rejected: 'Rejected', cancelled: 'Cancelled',
    } satisfies Record<OrderState, string>,
    confirmed: 'confirmed',
    yes: 'Yes',
    no: 'No',
    none: 'No grants were reviewed.',
    page: 'Page {n}',
  },
};
export type EvidenceWords = (typeof EVIDENCE_WORDS)[Locale];

const hourFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
});
/** Stockholm's offset from UTC (ms) per UTC hour: the clocks change on the hour, so an hour has one offset. */
const offsets = new Map<string, number>();

function offsetOf(hour: string): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const at = Date.parse(`${hour}:00:00Z`);
    const p = Object.fromEntries(hourFormat.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour)) - at;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** An instant as the Swedish wall clock shows it, to the minute: "YYYY-MM-DD HH:MM" (a million rows: no Intl per row). */
export function stockholmMinute(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const local = new Date(at + offsetOf(new Date(at).toISOString().slice(0, 13))).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export const fill = (text: string, params: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

export interface EvidenceHeader {
  review: ReviewListRow;
  systems: number;
  totals: { total: number; keep: number; remove: number; change: number; undecided: number };
}

export type EvidenceRow = ItemRow & { registerNo: string; reviewers: string[] };

export interface Evidence {
  header: EvidenceHeader;
  words: EvidenceWords;
  pages: () => AsyncGenerator<EvidenceRow[]>;
}

/** The campaign's header and its items a page at a time (in system, then grant order). */
export async function evidenceOf(ctx: Ctx, auth: Auth, id: string): Promise<Evidence> {
  const access = await reviewAccess(ctx, auth, id);
  if (!access.sees) throw new AppError('forbidden', { fields: [{ path: 'review', key: 'access-reviews.evidence_forbidden' }] });
  const [review, progress, systems] = await Promise.all([findReviewNamed(ctx.db, id), progressOf(ctx.db, [id]), systemCounts(ctx.db, [id])]);
  if (!review) throw new AppError('not_found');
  const p = progress.get(id)!;
  const header: EvidenceHeader = {
    review,
    systems: systems.get(id) ?? 0,
    totals: { total: review.items_total, keep: p.keep, remove: p.remove, change: p.change, undecided: review.items_total - p.decided },
  };
  async function* pages(): AsyncGenerator<EvidenceRow[]> {
    let after: ItemCursor | undefined;
    for (;;) {
      const { rows, next } = await itemPage(ctx.db, { reviewId: id, reviewerPersonId: null, group: 'system' }, after, PAGE);
      const names = await reviewerNames(ctx.db, id, rows.map((r) => r.grant_id));
      yield rows.map((r) => ({ ...r, registerNo: formatRegisterNo(r.register_no), reviewers: names.get(r.grant_id) ?? [] }));
      if (!next) return;
      after = next;
    }
  }
  return { header, words: EVIDENCE_WORDS[ctx.locale], pages };
}

/** The header's lines, label and value, in the words' language (both files show them). */
export function headerLines(h: EvidenceHeader, w: EvidenceWords, printedAt: string): Array<[string, string]> {
  const r = h.review;
  const by = (at: string | null, who: string | null) => (at ? (who ? fill(w.by, { when: stockholmMinute(at), who }) : stockholmMinute(at)) : '');
  return [
    [w.label.name, r.name],
    [w.label.scope, r.scope === 'unit' ? fill(w.scopeUnit, { unit: r.unit_name ?? '' }) : w.scopeSystems],
    [w.label.systems, String(h.systems)],
    [w.label.dueOn, r.due_on],
    [w.label.state, w.state[r.state]],
    [w.label.created, by(r.created_at, r.created_by_name)],
    [w.label.closed, by(r.closed_at, r.closed_by_name)],
    [w.label.total, String(h.totals.total)],
    [w.label.keep, String(h.totals.keep)],
    [w.label.remove, String(h.totals.remove)],
    [w.label.change, String(h.totals.change)],
    [w.label.undecided, String(h.totals.undecided)],
    [w.label.printed, stockholmMinute(printedAt)],
  ];
}

/** What the removal column says: the order's state, when executed, and whether confirmed. */
export function removalText(r: EvidenceRow, w: EvidenceWords): string {
  if (!r.order_state) return '';
  const parts = [w.orderState[r.order_state]];
  if (r.order_executed_at) parts.push(stockholmMinute(r.order_executed_at).slice(0, 10));
  if (r.order_confirmed_at) parts.push(w.confirmed);
  return parts.join(' ');
}
