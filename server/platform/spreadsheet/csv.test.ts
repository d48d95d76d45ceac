import { describe, expect, it } from 'vitest';
import { SPREADSHEET_LIMITS } from './limits.ts';
import { decodeText, guessDelimiter, readCsv } from './csv.ts';

const TEXT = 'Namn;Enhet\r\nÅsa Öberg;Hemtjänsten\r\n';
const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
};

describe('decoding a CSV file', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toBe(TEXT);
  });

  it('reads Windows-1252 (what Swedish Excel writes) when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from(TEXT, 'latin1'))).toBe(TEXT);
  });

  it("reads Windows-1252's own characters in 0x80–0x9F (€, dashes, curly quotes, Š, Ž), not control characters", () => {
    const bytes = Buffer.from([0x80, 0x20, 0x96, 0x20, 0x97, 0x20, 0x93, 0x4b, 0x94, 0x20, 0x92, 0x20, 0x8a, 0x8e, 0x9a, 0x9e, 0x20, 0x85, 0xe5]);
    expect(decodeText(bytes)).toBe('€ – — “K” ’ ŠŽšž …å');
  });

  it('reads UTF-16 little and big endian by their BOM', () => {
    expect(decodeText(utf16(TEXT, false))).toBe(TEXT);
    expect(decodeText(utf16(TEXT, true))).toBe(TEXT);
  });
});

describe('guessing the delimiter', () => {
  it('takes the one of ; , and tab that occurs most in the first lines', () => {
    expect(guessDelimiter('Namn;Enhet;E-post\nA;B;C')).toBe(';');
    expect(guessDelimiter('Namn,Enhet,E-post\nA,B,C')).toBe(',');
    expect(guessDelimiter('Namn\tEnhet\tE-post\nA\tB, C\tD')).toBe('\t');
    expect(guessDelimiter('"Berg, Anna";Hemtjänsten;Chef\n')).toBe(';');
  });

  it('falls back to a comma for a file of one column', () => {
    expect(guessDelimiter('Namn\nAnna\n')).toBe(',');
  });
});

describe('reading CSV rows', () => {
  it('reads every encoding and delimiter to the same rows, empty lines at the end dropped', () => {
    const rows = [['Namn', 'Enhet'], ['Åsa Öberg', 'Hemtjänsten']];
    for (const file of [Buffer.from(TEXT), Buffer.from(TEXT, 'latin1'), utf16(TEXT, false), utf16(TEXT, true), Buffer.from('Namn,Enhet\nÅsa Öberg,Hemtjänsten\n\n\n'), Buffer.from('Namn\tEnhet\nÅsa Öberg\tHemtjänsten')]) {
      expect(readCsv(file, SPREADSHEET_LIMITS, 'trim')).toEqual(rows);
    }
  });

  it('keeps quoted delimiters and line breaks inside a cell; trims or cleans as the import chooses', () => {
    const file = Buffer.from('Namn;Anteckning\n"Berg; Anna";"  rad ett  \n\n  rad  två "\n');
    expect(readCsv(file, SPREADSHEET_LIMITS, 'trim')).toEqual([['Namn', 'Anteckning'], ['Berg; Anna', 'rad ett  \n\n  rad  två']]);
    expect(readCsv(file, SPREADSHEET_LIMITS, 'clean')).toEqual([['Namn', 'Anteckning'], ['Berg; Anna', 'rad ett\nrad två']]);
  });
});
