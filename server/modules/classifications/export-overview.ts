import type { Readable } from 'node:stream';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { ASPECTS } from '../../../shared/classification.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { neutraliseText } from '../systems/index.ts';
import { allOverviewSystems } from './overview.ts';
import type { OverviewSystemsQuery } from './schemas.ts';

const WORDS = {
  sv: {
    sheet: 'Klassning',
    headers: ['Nr', 'System', 'Förvaltning', 'Läge', 'Konfidentialitet', 'Riktighet', 'Tillgänglighet', 'Spårbarhet', 'Nästa översyn', 'Översyn krävs'],
    state: { approved: 'Godkänd', in_progress: 'Pågår', missing: 'Saknas' },
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    sheet: 'Classification',
    headers: ['No.', 'System', 'Förvaltning', 'State', 'Confidentiality', 'Integrity', 'Availability', 'Traceability', 'Next review', 'Review due'],
    state: { approved: 'Approved', in_progress: 'In progress', missing: 'Missing' },
    yes: 'Yes',
    no: 'No',
  },
} as const;

/** The overview's systems (with the same filters) as an XLSX workbook: one row per system, levels as numbers. */
export async function exportOverview(ctx: Ctx, auth: Auth, q: Omit<OverviewSystemsQuery, 'limit' | 'cursor'>): Promise<Readable> {
  const w = WORDS[ctx.locale];
  const data: SheetData = [w.headers.map((value) => ({ value, fontWeight: 'bold' as const }))];
  for await (const s of allOverviewSystems(ctx, auth, q)) {
    data.push([
      s.registerNo,
      neutraliseText(s.name),
      s.forvaltning ? neutraliseText(s.forvaltning.name) : null,
      w.state[s.state],
      ...ASPECTS.map((a) => (s.levels?.[a] !== null && s.levels?.[a] !== undefined ? { value: s.levels[a], type: Number } : null)),
      s.nextReviewAt ? { value: new Date(`${s.nextReviewAt}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : null,
      s.state === 'approved' ? (s.reviewDue ? w.yes : w.no) : null,
    ]);
  }
  const file = writeXlsxFile(data, { sheet: w.sheet, stickyRowsCount: 1, columns: [8, 40, 30, 12, 16, 12, 14, 12, 14, 14].map((width) => ({ width })) });
  return (file.toStream as () => Promise<Readable>)();
}
