import { describe, expect, it } from 'vitest';
import {
  STRINGS_END, STRINGS_START, bombPart, farCell, manyRowsBomb, oneCellBomb, part, sheetXml, whitespaceBomb, xlsx, zip,
} from '../../../tests/fixtures/hostile-files.ts';
import { SPREADSHEET_LIMITS, SpreadsheetRefused, readSpreadsheet as readOffThread } from './index.ts';
import { readSpreadsheet } from './read.ts';
import { measurePart } from './scan.ts';

const MB = 1024 * 1024;
const read = (data: Buffer) => readSpreadsheet(data, SPREADSHEET_LIMITS, 'clean');
const refusal = async (data: Buffer | Promise<Buffer>) => {
  const err = await read(await data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpreadsheetRefused);
  return (err as SpreadsheetRefused).problem;
};

describe('reading a spreadsheet within its limits', () => {
  it('reads an ordinary XLSX and CSV', async () => {
    const rows = [['Systemnamn', 'Förvaltning'], ['  Diarium ', 'Kansliet  enheten']];
    expect(await read(xlsx(sheetXml(rows)))).toEqual([{ name: 'System', rows: [['Systemnamn', 'Förvaltning'], ['Diarium', 'Kansliet enheten']] }]);
    expect(await read(Buffer.from('Systemnamn;Förvaltning\r\nDiarium;Kansliet\r\n\r\n'))).toEqual([
      { name: null, rows: [['Systemnamn', 'Förvaltning'], ['Diarium', 'Kansliet']] },
    ]);
  });

  it('refuses one cell that unpacks to 400 MB from a 0.4 MB file, before unpacking it all', async () => {
    const file = await oneCellBomb(400 * MB);
    expect(file.length).toBeLessThan(MB);
    const started = performance.now();
    expect(await refusal(file)).toEqual({ code: 'limit', limit: 'partBytes', value: 64 });
    expect(performance.now() - started).toBeLessThan(5000); // unpacking stops at 64 MB, not 400
  });

  it('refuses whitespace that unpacks past the part limit', async () => {
    expect(await refusal(whitespaceBomb(SPREADSHEET_LIMITS.partBytes + MB))).toEqual({ code: 'limit', limit: 'partBytes', value: 64 });
  });

  it('names the total limit when the parts together unpack past it', async () => {
    const limits = { ...SPREADSHEET_LIMITS, partBytes: 40 * MB, unpackedBytes: 50 * MB };
    const strings = await bombPart('xl/sharedStrings.xml', `${STRINGS_START}<si><t>`, 'A', 30 * MB, `</t></si>${STRINGS_END}`);
    const extra = await bombPart('xl/styles.xml', '<styleSheet>', ' ', 30 * MB, '</styleSheet>');
    const err = await readSpreadsheet(xlsx(sheetXml([['Systemnamn']]), strings, [extra]), limits, 'clean').catch((e: unknown) => e);
    expect((err as SpreadsheetRefused).problem).toEqual({ code: 'limit', limit: 'unpackedBytes', value: 50 });
  });

  it('refuses 3 million rows (by their unpacked size) and 30,000 small rows (by the row limit)', async () => {
    expect(await refusal(manyRowsBomb(3_000_000))).toMatchObject({ limit: 'partBytes' });
    expect(await refusal(manyRowsBomb(30_000))).toEqual({ code: 'limit', limit: 'rows', value: SPREADSHEET_LIMITS.rows });
  });

  it('refuses one far cell that would make every row 16,384 cells wide', async () => {
    expect(await refusal(farCell('XFD2000'))).toEqual({ code: 'limit', limit: 'cells', value: SPREADSHEET_LIMITS.cells });
    expect(await refusal(farCell('A1048576'))).toMatchObject({ limit: 'rows' });
  });

  it('refuses a cell longer than Excel allows, in XLSX and CSV', async () => {
    const long = 'x'.repeat(SPREADSHEET_LIMITS.cellChars + 1);
    expect(await refusal(xlsx(sheetXml([['Systemnamn'], [long]])))).toEqual({ code: 'limit', limit: 'cellChars', value: SPREADSHEET_LIMITS.cellChars });
    expect(await refusal(Buffer.from(`Systemnamn\n"${long}"\n`))).toMatchObject({ limit: 'cellChars' });
    // escaped text is measured as the cell it holds: 32,767 ampersands are allowed
    const amps = '&'.repeat(SPREADSHEET_LIMITS.cellChars);
    expect((await read(xlsx(sheetXml([['Systemnamn'], [amps]]))))[0]!.rows[1]![0]).toHaveLength(SPREADSHEET_LIMITS.cellChars);
  });

  it('refuses an archive of too many parts and CSV files of too many rows or cells', async () => {
    const parts = Array.from({ length: SPREADSHEET_LIMITS.zipEntries + 1 }, (_, i) => part(`x/${i}.bin`, 'x'));
    expect(await refusal(zip(parts))).toEqual({ code: 'limit', limit: 'zipEntries', value: SPREADSHEET_LIMITS.zipEntries });
    expect(await refusal(Buffer.from('a\n'.repeat(SPREADSHEET_LIMITS.rows + 1)))).toMatchObject({ limit: 'rows' });
    expect(await refusal(Buffer.from(`a;b\n${';'.repeat(SPREADSHEET_LIMITS.cells + 1)}\n`))).toMatchObject({ limit: 'cells' });
  });

  it('drops control characters from XLSX cells (Excel can write NUL as _x0000_)', async () => {
    const rows = (await read(xlsx(sheetXml([['Systemnamn'], ['Dia\u0001rium_x0000_']]))))[0]!.rows;
    expect(rows[1]![0]).toMatch(/^Diarium/);
    expect([...rows[1]![0]!].every((ch) => ch.charCodeAt(0) >= 0x20)).toBe(true);
  });

  it('refuses a broken archive and NUL in text as unreadable', async () => {
    const file = xlsx(sheetXml([['Systemnamn']]));
    expect(await refusal(file.subarray(0, file.length - 30))).toEqual({ code: 'unreadable' });
    expect(await refusal(Buffer.from('a;b\n\u0000;1\n'))).toEqual({ code: 'unreadable' });
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 'empty' });
  });

  it('measures rows and columns with content only, with or without references and namespace prefixes', () => {
    expect(measurePart('<x:sheetData><x:row><x:c><v>1</v></x:c><x:c/><x:c><v>2</v></x:c></x:row><x:row/><x:row><x:c r="D3"/></x:row></x:sheetData>')).toEqual({
      longestText: 1,
      lastRow: 1,
      lastColumn: 3,
    });
    expect(measurePart('<sheetData><row r="7"><c r="AB7" s="1"><v>1</v></c></row></sheetData>')).toMatchObject({ lastRow: 7, lastColumn: 28 });
  });
});

describe('reading off the event loop', () => {
  it('reads in the worker and gives the same sheets', async () => {
    expect(await readOffThread(xlsx(sheetXml([['Systemnamn'], ['Diarium']])), 'trim')).toEqual([{ name: 'System', rows: [['Systemnamn'], ['Diarium']] }]);
  });

  it('ends a reader that runs out of time, and the next file gets a new one', async () => {
    const slow = readOffThread(await manyRowsBomb(20_000), 'trim', { ...SPREADSHEET_LIMITS, seconds: 0.001 });
    await expect(slow).rejects.toMatchObject({ problem: { code: 'limit', limit: 'seconds' } });
    expect(await readOffThread(Buffer.from('a;b\n1;2\n'), 'trim')).toEqual([{ name: null, rows: [['a', 'b'], ['1', '2']] }]);
  });

  it('keeps the event loop free while a bomb is unpacked', async () => {
    const file = await oneCellBomb(400 * MB);
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    await expect(readOffThread(file, 'clean')).rejects.toMatchObject({ problem: { limit: 'partBytes' } });
    clearInterval(tick);
    expect(longest).toBeLessThan(250);
  });
});
