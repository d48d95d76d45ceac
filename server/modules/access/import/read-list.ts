import { AppError } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { ReaderBusy, SPREADSHEET_LIMITS, SpreadsheetRefused, firstSheetWithData, readSpreadsheet } from '../../../platform/spreadsheet/index.ts';

/**
 * A system's user list as rows of trimmed text cells (rows[0] is the file's first row): XLSX (the first sheet
 * with data) or CSV, read in the platform's reading worker within its limits. A user list is long and narrow — a
 * row per account or per role, a handful of columns — so it may have more rows than a register: the row limit is
 * raised to the import's own, and the cell limit (rows times columns) stays the platform's.
 */
export const LIST_LIMITS = { ...SPREADSHEET_LIMITS, rows: 100_010 };

const MESSAGES = { empty: 'access.import.no_file', xls: 'access.import.xls_unsupported', unreadable: 'access.import.unreadable' } as const;

export async function readList(data: Buffer): Promise<string[][]> {
  try {
    return firstSheetWithData(await readSpreadsheet(data, 'trim', LIST_LIMITS))?.rows ?? [];
  } catch (err) {
    // As platform/spreadsheet's readUploadedSpreadsheet, with this import's limits.
    if (err instanceof ReaderBusy) throw new AppError('unavailable', { fields: [{ path: 'file', key: 'upload.busy' }] });
    if (!(err instanceof SpreadsheetRefused)) throw err;
    const p = err.problem;
    const key: MessageKey = p.code === 'limit' ? (`upload.limit.${p.limit}` as MessageKey) : MESSAGES[p.code];
    throw new AppError('validation_failed', { fields: [{ path: 'file', key, ...(p.code === 'limit' ? { params: { value: p.value } } : {}) }] });
  }
}

export const fileProblem = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path: 'file', key, ...(params ? { params } : {}) }] });
