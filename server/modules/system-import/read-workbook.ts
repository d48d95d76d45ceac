import { restoreText } from '../systems/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { readUploadedSpreadsheet, type Sheet } from '../../platform/spreadsheet/index.ts';

export type { Sheet } from '../../platform/spreadsheet/index.ts';

/**
 * Reads an uploaded register off the event loop (platform/spreadsheet): every sheet of an XLSX workbook,
 * or a CSV file as one sheet, within the upload limits. Cells are cleaned of stray spaces and lose the
 * guard apostrophe the export puts before formula-like text, so an exported file reads back unchanged.
 */
export async function readWorkbook(data: Buffer): Promise<Sheet[]> {
  const sheets = await readUploadedSpreadsheet(data, 'clean', {
    empty: 'systemImport.file.empty',
    xls: 'systemImport.file.xls',
    unreadable: 'systemImport.file.unreadable',
  });
  for (const sheet of sheets) for (const row of sheet.rows) for (let i = 0; i < row.length; i++) row[i] = restoreText(row[i]!);
  return sheets;
}

export const fileProblem = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path: 'file', key, ...(params ? { params } : {}) }] });
