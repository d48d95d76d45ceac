import { describe, expect, it } from 'vitest';
import { HEADER_SCAN_ROWS, columnLetter, findHeaderRow, firstSheetWithData, rowNumber, rowsBelow } from './table.ts';

/** A header for these tests: a row with a cell "Namn" and at least one other cell. */
const header = (cells: readonly string[]) => {
  const name = cells.indexOf('Namn');
  return name !== -1 && cells.filter((c) => c !== '').length >= 2 ? { name } : null;
};

describe('finding the header row', () => {
  it('finds it below title, blank and note rows', () => {
    const rows = [['Personallista 2026'], [], ['Exporterad ur HR-systemet', ''], ['', 'Namn', 'Enhet'], ['', 'Åsa', 'Hem']];
    expect(findHeaderRow(rows, header)).toEqual({ index: 3, columns: { name: 1 } });
  });

  it('looks only among the first rows, and gives null when none is a header', () => {
    const below = [...Array.from({ length: HEADER_SCAN_ROWS }, () => ['titel']), ['Namn', 'Enhet']];
    expect(findHeaderRow(below, header)).toBeNull();
    expect(findHeaderRow(below.slice(1), header)?.index).toBe(HEADER_SCAN_ROWS - 1);
    expect(findHeaderRow([['Namn'], ['Anna']], header)).toBeNull();
    expect(findHeaderRow([], header)).toBeNull();
  });
});

describe('cell addresses', () => {
  it('names columns as spreadsheet programs do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('numbers rows from 1, and the rows below a header keep their numbers with blank rows skipped', () => {
    expect(rowNumber(0)).toBe(1);
    const rows = [['Titel'], ['Namn', 'Enhet'], ['Anna', 'Hem'], ['', '  '], [], ['Bo', '']];
    expect(rowsBelow(rows, 1)).toEqual([
      { row: 3, cells: ['Anna', 'Hem'] },
      { row: 6, cells: ['Bo', ''] },
    ]);
  });
});

describe('choosing a sheet', () => {
  it('takes the first sheet with any text', () => {
    const sheets = [{ name: 'Tom', rows: [[''], []] }, { name: 'Personal', rows: [['Namn']] }, { name: 'Mer', rows: [['x']] }];
    expect(firstSheetWithData(sheets)?.name).toBe('Personal');
    expect(firstSheetWithData([{ name: 'Tom', rows: [] }])).toBeUndefined();
  });
});
