import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Locale } from '../../../../shared/roles.ts';
import { headersOf, type Cell } from './columns.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';

/**
 * The rows as CSV the way Swedish Excel opens it by double-click: UTF-8 with a byte order mark,
 * semicolons between fields (Swedish Excel's list separator, since the comma is the decimal sign),
 * CRLF line ends, a header row. Dates are YYYY-MM-DD, which Excel reads as dates. Streamed: a row is
 * read from the database only when the previous ones have been taken by the client.
 */
export function csvStream(rows: AsyncIterable<Cell[]>, locale: Locale): Readable {
  // quote_record_delimiter: csv-stringify stops quoting line breaks inside a cell once a record delimiter is given.
  const csv = stringify({ delimiter: ';', record_delimiter: '\r\n', quote_record_delimiter: true, bom: true });
  // An error while reading (or the client going away) ends both streams; Fastify then cuts the response short.
  pipeline(Readable.from(withHeader(rows, locale)), csv, () => {});
  return csv;
}

async function* withHeader(rows: AsyncIterable<Cell[]>, locale: Locale): AsyncGenerator<Cell[]> {
  yield headersOf(locale);
  yield* rows;
}
