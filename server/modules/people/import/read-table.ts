import { AppError } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { firstSheetWithData, readUploadedSpreadsheet } from '../../../platform/spreadsheet/index.ts';

/**
 * An uploaded HR export as rows of trimmed text cells; rows[0] is the file's first row. XLSX (the
 * first sheet with data) or CSV with ; , or tab between fields, in UTF-8 with or without BOM; files
 * that are not valid UTF-8 are read as Windows-1252 (what Swedish Excel writes for "CSV (semikolon)")
 * and files with a UTF-16 BOM as UTF-16. Read off the event loop within the upload limits (platform/spreadsheet).
 */
export async function readTable(data: Buffer): Promise<string[][]> {
  const sheets = await readUploadedSpreadsheet(data, 'trim', {
    empty: 'people.import.no_file',
    xls: 'people.import.xls_unsupported',
    unreadable: 'people.import.unreadable',
  });
  return firstSheetWithData(sheets)?.rows ?? [];
}

export const fileProblem = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path: 'file', key, ...(params ? { params } : {}) }] });
