import type { Readable } from 'node:stream';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { FindingHandling, Severity } from '../../../shared/policy.ts';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { neutraliseText, withoutHiddenSystems } from '../systems/index.ts';
import { filterOf, type FilterQuery } from './list-findings.ts';
import { listFindings } from './repository.ts';

/** A workbook holds at most this many findings (a kommun has hundreds to a few thousand open). */
const MAX_ROWS = 50_000;
const PAGE = 500;

const WORDS = {
  sv: {
    sheet: 'Avvikelser',
    headers: ['Allvarlighet', 'Avvikelse', 'Gäller', 'Hantering', 'Ansvarig att agera', 'Förfallodatum', 'Försenad', 'Motivering eller skäl', 'Godkänd av', 'Accepterad till', 'Öppnad', 'Åtgärdad'],
    severity: { high: 'Hög', medium: 'Medel', low: 'Låg' },
    handling: { none: 'Ej påbörjad', acknowledged: 'Påbörjad', risk_proposed: 'Accepterad risk föreslagen', risk_accepted: 'Accepterad risk', not_applicable: 'Inte tillämplig' },
    yes: 'Ja',
  },
  en: {
    sheet: 'Findings',
    headers: ['Severity', 'Finding', 'About', 'Handling', 'To act', 'Due date', 'Overdue', 'Motivation or reason', 'Approved by', 'Accepted until', 'Opened', 'Resolved'],
    severity: { high: 'High', medium: 'Medium', low: 'Low' },
    handling: { none: 'Not started', acknowledged: 'Acknowledged', risk_proposed: 'Risk acceptance proposed', risk_accepted: 'Accepted risk', not_applicable: 'Not applicable' },
    yes: 'Yes',
  },
} satisfies Record<'sv' | 'en', { severity: Record<Severity, string>; handling: Record<FindingHandling, string> } & Record<string, unknown>>;

const day = (iso: string | null) => (iso ? { value: new Date(`${iso.slice(0, 10)}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : null);

/**
 * The findings the list's filters let through as an XLSX workbook, worst first — accepted risks and findings
 * marked not applicable with their motivation, approver and expiry (`handling=handled` gives exactly those).
 */
export async function exportFindings(ctx: Ctx, auth: Auth, q: FilterQuery): Promise<Readable> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const w = WORDS[ctx.locale];
  const today = todayOf(ctx);
  const filter = await filterOf(ctx, auth, q);
  const data: SheetData = [w.headers.map((value) => ({ value, fontWeight: 'bold' as const }))];
  let after: { r: number; o: string; id: string } | undefined;
  while (data.length <= MAX_ROWS) {
    const { rows, hasMore } = await listFindings(ctx.db, { ...filter, after }, PAGE);
    for (const f of await withoutHiddenSystems(ctx, auth, rows)) {
      const open = f.status === 'open';
      data.push([
        w.severity[f.severity],
        neutraliseText(ctx.locale === 'en' ? f.text_en : f.text_sv),
        f.subject_name ? neutraliseText(f.subject_name) : null,
        open ? w.handling[f.handling] : null,
        f.owner_name ? neutraliseText(f.owner_name) : null,
        open ? day(f.due_on) : null,
        open && f.due_on !== null && f.due_on < today && (f.handling === 'none' || f.handling === 'acknowledged') ? w.yes : null,
        f.reason ? neutraliseText(f.reason) : null,
        f.handling === 'risk_accepted' && f.approver_name ? neutraliseText(f.approver_name) : null,
        f.handling === 'risk_accepted' ? day(f.risk_expires_on) : null,
        day(f.opened_at),
        day(f.resolved_at),
      ]);
    }
    const last = rows[rows.length - 1];
    if (!hasMore || !last) break;
    after = { r: last.severity_rank, o: last.opened_at, id: last.id };
  }
  const file = writeXlsxFile(data, { sheet: w.sheet, stickyRowsCount: 1, columns: [10, 60, 30, 22, 24, 12, 9, 40, 24, 12, 12, 12].map((width) => ({ width })) });
  return (file.toStream as () => Promise<Readable>)();
}
