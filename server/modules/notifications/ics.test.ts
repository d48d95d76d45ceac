import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsDate, icsDateTime } from './ics.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('bell\u0007 nul\u0000 tab\t')).toBe('bell nul tab');
    expect(escapeText('Åsa: "Öppen" — ok')).toBe('Åsa: "Öppen" — ok');
  });

  it('folds lines at 75 octets, never inside a UTF-8 character, and unfolds to the same line', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const ascii = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(ascii);
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n')[0]).toHaveLength(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(ascii);

    // å, ä, ö are two octets, the dash three, an emoji four: no line may end in the middle of one.
    const swedish = `SUMMARY:${'åäö—🙂 '.repeat(30)}`;
    const lines = foldLine(swedish).split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // a whole number of characters
      expect(line).not.toContain('\uFFFD');
    }
    expect(unfold(lines.join('\r\n'))).toBe(swedish);
  });

  it('writes dates and UTC date-times', () => {
    expect(icsDate('2026-05-15')).toBe('20260515');
    expect(icsDateTime(new Date('2026-04-15T10:00:00.123Z'))).toBe('20260415T100000Z');
  });
});

describe('a calendar', () => {
  const ics = buildCalendar({
    name: 'Ansvar: mina förfallodatum',
    stamp: new Date('2026-04-15T10:00:00Z'),
    events: [
      {
        uid: 'f-1@ansvar.test',
        date: '2026-05-15',
        summary: 'Förfaller: Procapita saknar systemförvaltare; rollen, som krävs, är vakant.',
        description: 'Procapita\nhttp://ansvar.test/findings/f-1',
        url: 'http://ansvar.test/findings/f-1',
      },
      { uid: 'f-2@ansvar.test', date: '2026-12-31', summary: `Lång ${'text '.repeat(40)}` },
    ],
  });

  it('is a VCALENDAR with one all-day VEVENT per finding, CRLF line ends, folded lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:f-1@ansvar.test');
    expect(lines).toContain('DTSTAMP:20260415T100000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260515');
    expect(lines).toContain('DTEND;VALUE=DATE:20260516');
    // The last day of a year ends on the next year's first.
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('SUMMARY:Förfaller: Procapita saknar systemförvaltare\\; rollen\\, som krävs\\, är vakant.');
    expect(lines).toContain('DESCRIPTION:Procapita\\nhttp://ansvar.test/findings/f-1');
    expect(lines).toContain('URL:http://ansvar.test/findings/f-1');
    expect(lines).toContain('X-WR-CALNAME:Ansvar: mina förfallodatum');
  });

  it('nests every component: BEGIN and END in order, each VEVENT with its required properties', () => {
    const lines = unfold(ics).split('\r\n').filter(Boolean);
    const stack: string[] = [];
    let props: string[] = [];
    for (const line of lines) {
      if (line.startsWith('BEGIN:')) {
        stack.push(line.slice(6));
        props = [];
      } else if (line.startsWith('END:')) {
        expect(stack.pop()).toBe(line.slice(4));
        if (line === 'END:VEVENT') for (const p of ['UID', 'DTSTAMP', 'DTSTART']) expect(props).toContain(p);
      } else {
        expect(line).toMatch(/^[A-Z-]+[;:]/);
        props.push(line.split(/[;:]/)[0]!);
      }
    }
    expect(stack).toEqual([]);
  });

  it('is an empty calendar when there is nothing due', () => {
    const empty = buildCalendar({ name: 'x', stamp: new Date('2026-04-15T10:00:00Z'), events: [] });
    expect(empty).not.toContain('VEVENT');
    expect(empty).toContain('BEGIN:VCALENDAR');
  });
});
