import { Readable } from 'node:stream';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { evidenceOf, fill, headerLines, removalText, stockholmMinute, type EvidenceRow, type EvidenceWords } from './evidence.ts';
import { PageContent, PdfWriter, fitBytes, winAnsi, wrap } from './pdf-writer.ts';
import { xlsxStream, type Cell } from './xlsx-stream.ts';

/** The evidence as an XLSX workbook (the campaign on one sheet, every grant on the next) and as a PDF, both streamed. */

const minute = (iso: string | null): Cell => (iso ? { minute: stockholmMinute(iso) } : null);

function xlsxRow(r: EvidenceRow, w: EvidenceWords): Cell[] {
  return [
    r.registerNo,
    r.system_name,
    r.person_name,
    r.username,
    w.accountType[r.account_type],
    r.role_name,
    r.privileged === 1 ? w.yes : w.no,
    { day: r.valid_from },
    r.reviewers.join(', '),
    r.decision ? w.decision[r.decision] : w.undecided,
    r.comment,
    r.decided_by_name,
    minute(r.decided_at),
    r.order_state ? w.orderState[r.order_state] : null,
    minute(r.order_executed_at),
    minute(r.order_confirmed_at),
    minute(r.grant_ended_at),
  ];
}

/** A sheet holds at most 1 048 576 rows: a larger campaign goes on to the next sheet after this many grants. */
const SHEET_ROWS = 1_000_000;

export async function evidenceXlsx(ctx: Ctx, auth: Auth, id: string): Promise<{ stream: Readable; name: string }> {
  const e = await evidenceOf(ctx, auth, id);
  const w = e.words;
  const now = ctx.now();
  const source = e.pages()[Symbol.asyncIterator]();
  let carry: EvidenceRow[] = [];
  /** The next SHEET_ROWS grants, a page at a time, from the one walk of the items. */
  async function* sheetRows(): AsyncGenerator<Cell[][]> {
    let left = SHEET_ROWS;
    while (left > 0) {
      if (!carry.length) {
        const next = await source.next();
        if (next.done) return;
        carry = next.value;
      }
      const take = carry.slice(0, left);
      carry = carry.slice(take.length);
      left -= take.length;
      yield take.map((r) => xlsxRow(r, w));
    }
  }
  const sheets = Math.max(1, Math.ceil(e.header.totals.total / SHEET_ROWS));
  const stream = xlsxStream(
    [
      { name: w.summarySheet, widths: [22, 60], header: null, rows: [headerLines(e.header, w, now.toISOString())] },
      ...Array.from({ length: sheets }, (_, i) => ({
        name: i === 0 ? w.itemsSheet : `${w.itemsSheet} ${i + 1}`,
        widths: [10, 28, 26, 18, 14, 26, 12, 11, 34, 11, 40, 24, 16, 22, 16, 16, 16],
        header: w.headers,
        rows: sheetRows(),
      })),
    ],
    now,
  );
  return { stream, name: `${w.file}-${now.toISOString().slice(0, 10)}.xlsx` };
}

// ——— PDF: A4 landscape, a table that repeats its header on every page ———

const WIDTH = 842;
const HEIGHT = 595;
const MARGIN = 36;
const SIZE = 7;
const LEADING = 8.5;
const MAX_LINES = 3;
/** The PDF's columns (points), 770 in all. */
const COLUMNS = [80, 80, 65, 70, 28, 80, 45, 115, 70, 62, 75];

function pdfCells(r: EvidenceRow, w: EvidenceWords): string[] {
  return [
    `${r.registerNo} ${r.system_name}`,
    r.person_name ?? '',
    r.username,
    r.role_name,
    r.privileged === 1 ? w.yes : w.no,
    r.reviewers.join(', '),
    r.decision ? w.decision[r.decision] : w.undecided,
    r.comment ?? '',
    r.decided_by_name ?? '',
    r.decided_at ? stockholmMinute(r.decided_at) : '',
    removalText(r, w),
  ];
}

async function* pdfBytes(e: Awaited<ReturnType<typeof evidenceOf>>, now: Date): AsyncGenerator<Buffer> {
  const w = e.words;
  const pdf = new PdfWriter(WIDTH, HEIGHT, { title: `${w.title}: ${e.header.review.name}`, created: now });
  yield pdf.start();
  let page = new PageContent();
  let pageNo = 1;
  const footer = () => {
    page.text(MARGIN, MARGIN / 2, fitBytes(`${w.title}: ${e.header.review.name}`, 600, SIZE), SIZE);
    const label = winAnsi(fill(w.page, { n: pageNo }));
    page.text(WIDTH - MARGIN - 40, MARGIN / 2, label, SIZE);
  };
  const tableHeader = (top: number): number => {
    page.fill(MARGIN, top - LEADING - 3, WIDTH - 2 * MARGIN, LEADING + 3, 0.88);
    let x = MARGIN;
    w.pdfHeaders.forEach((h, i) => {
      page.text(x + 2, top - LEADING, fitBytes(h, COLUMNS[i]! - 4, SIZE, true), SIZE, true);
      x += COLUMNS[i]!;
    });
    return top - LEADING - 3;
  };
  // The first page: the title and the campaign's header.
  let y = HEIGHT - MARGIN - 14;
  page.text(MARGIN, y, fitBytes(`${w.title}: ${e.header.review.name}`, WIDTH - 2 * MARGIN, 14, true), 14, true);
  y -= 22;
  for (const [label, value] of headerLines(e.header, w, now.toISOString())) {
    page.text(MARGIN, y, fitBytes(label, 105, 9, true), 9, true);
    page.text(MARGIN + 110, y, fitBytes(value, WIDTH - 2 * MARGIN - 110, 9), 9);
    y -= 12;
  }
  y = tableHeader(y - 10);
  let any = false;
  for await (const rows of e.pages()) {
    for (const r of rows) {
      any = true;
      const cells = pdfCells(r, w).map((text, i) => wrap(text, COLUMNS[i]! - 4, SIZE, MAX_LINES));
      const height = Math.max(1, ...cells.map((c) => c.length)) * LEADING + 3;
      if (y - height < MARGIN) {
        footer();
        yield pdf.page(page);
        page = new PageContent();
        pageNo += 1;
        y = tableHeader(HEIGHT - MARGIN);
      }
      let x = MARGIN;
      cells.forEach((lines, i) => {
        lines.forEach((bytes, l) => page.text(x + 2, y - LEADING * (l + 1), bytes, SIZE));
        x += COLUMNS[i]!;
      });
      y -= height;
      page.line(MARGIN, y, WIDTH - MARGIN, y, 0.2);
    }
  }
  if (!any) page.text(MARGIN, y - 14, winAnsi(w.none), 9);
  footer();
  yield pdf.page(page);
  yield pdf.end();
}

export async function evidencePdf(ctx: Ctx, auth: Auth, id: string): Promise<{ stream: Readable; name: string }> {
  const e = await evidenceOf(ctx, auth, id);
  const now = ctx.now();
  return { stream: Readable.from(pdfBytes(e, now), { objectMode: false }), name: `${e.words.file}-${now.toISOString().slice(0, 10)}.pdf` };
}
