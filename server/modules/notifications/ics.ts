/**
 * iCalendar (RFC 5545) for the calendar feed, written by hand: a VCALENDAR of all-day VEVENTs. Text values are
 * escaped (backslash, semicolon, comma, line breaks), lines end in CRLF and are folded at 75 octets without
 * splitting a UTF-8 character.
 */

export interface CalendarEvent {
  /** Globally unique: `<finding id>@<host>`. */
  uid: string;
  /** The all-day event's day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string | null;
  url?: string | null;
}

/** The text without control characters (line breaks too: escape them first). */
const withoutControls = (value: string): string => {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c !== 0x7f) out += ch;
  }
  return out;
};

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return withoutControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

const encoder = new TextEncoder();

/**
 * Folds a content line (RFC 5545 3.1): at most 75 octets a line, a continuation line starts with one space (which
 * counts), and a multi-octet UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line's leading space is one of its 75
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A UTC DATE-TIME, e.g. 20260415T100000Z. */
export const icsDateTime = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** A DATE, e.g. 20260415. */
export const icsDate = (isoDate: string): string => isoDate.slice(0, 10).replace(/-/g, '');

const nextDay = (isoDate: string): string => {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** A URI value: no escaping in iCalendar, but no line breaks or control characters either. */
const uri = withoutControls;

/** The whole calendar, CRLF line ends, folded. */
export function buildCalendar(input: { name: string; stamp: Date; events: readonly CalendarEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ansvar//Ansvar//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  const stamp = icsDateTime(input.stamp);
  for (const e of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${uri(e.url)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
