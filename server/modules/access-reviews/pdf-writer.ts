import { deflateSync } from 'node:zlib';

/**
 * A small PDF writer that streams: objects leave as they are made (a page at a time), and only the byte offsets
 * and the page list stay until the cross-reference table at the end. Text is Helvetica (the standard Type 1 font
 * every reader has) in WinAnsiEncoding, so å, ä, ö and the rest of Latin-1 print; a character outside it prints as
 * "?". Widths come from Helvetica's font metrics, so text is cut to fit a column.
 */

// Helvetica and Helvetica-Bold widths (1/1000 em) of WinAnsi codes 32–255, from Adobe's font metrics.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278,
  278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
  334, 260, 334, 584, 0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000,
  500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 578, 537, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778,
  778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584,
  611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278,
  333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500,
  389, 280, 389, 584, 0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000,
  556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778,
  778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611,
  611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/** Unicode → WinAnsi byte: ASCII and Latin-1 as they are, and the code page's 0x80–0x9F (€, –, “ …). */
const WIN_ANSI = new Map<number, number>();
for (let b = 0x20; b <= 0xff; b += 1) {
  if (b === 0x7f) continue;
  const ch = b >= 0x80 && b <= 0x9f ? new TextDecoder('windows-1252').decode(Uint8Array.of(b)) : String.fromCharCode(b);
  if (ch !== '\ufffd' && !(b >= 0x80 && b <= 0x9f && ch.charCodeAt(0) === b)) WIN_ANSI.set(ch.codePointAt(0)!, b);
}
const QUESTION = 0x3f;
const ELLIPSIS = 0x85;

/** Text as WinAnsi bytes: white space becomes a space, what the encoding lacks a question mark. */
export function winAnsi(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && cp < 0x7f) out.push(cp);
    else out.push(cp === 0x20 || /\s/.test(ch) ? 0x20 : (WIN_ANSI.get(cp) ?? QUESTION));
  }
  return out;
}

const widthOf = (bytes: readonly number[], size: number, bold: boolean): number => {
  const table = bold ? BOLD : REGULAR;
  let w = 0;
  for (const b of bytes) w += table[b - 32] ?? 556;
  return (w * size) / 1000;
};

/** The text's width in points. */
export const textWidth = (text: string, size: number, bold = false): number => widthOf(winAnsi(text), size, bold);

/** The text cut to a width, with an ellipsis when cut. */
export function fitBytes(text: string, width: number, size: number, bold = false): number[] {
  const bytes = winAnsi(text);
  if (widthOf(bytes, size, bold) <= width) return bytes;
  const room = width - widthOf([ELLIPSIS], size, bold);
  const table = bold ? BOLD : REGULAR;
  let w = 0;
  let n = 0;
  while (n < bytes.length && w + ((table[bytes[n]! - 32] ?? 556) * size) / 1000 <= room) w += ((table[bytes[n++]! - 32] ?? 556) * size) / 1000;
  return [...bytes.slice(0, n), ELLIPSIS];
}

/** The text broken into at most `maxLines` lines of a width (words kept whole where they fit), the last cut. */
export function wrap(text: string, width: number, size: number, maxLines: number, bold = false): number[][] {
  const whole = winAnsi(text);
  if (widthOf(whole, size, bold) <= width) return whole.length ? [whole] : [];
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, size, bold) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
    if (lines.length >= maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  const cut = lines.length === maxLines && lines.join(' ').length < words.join(' ').length;
  return lines.map((l, i) => fitBytes(cut && i === lines.length - 1 ? `${l}\u2026` : l, width, size, bold));
}

/** A PDF string of WinAnsi bytes, in hex (nothing to escape). */
export const hex = (bytes: readonly number[]): string => `<${Buffer.from(bytes).toString('hex')}>`;

/** Drawing operators for a page's content. */
export class PageContent {
  private ops: string[] = [];
  text(x: number, y: number, bytes: readonly number[], size: number, bold = false): this {
    this.ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${hex(bytes)} Tj ET`);
    return this;
  }
  line(x1: number, y1: number, x2: number, y2: number, width = 0.4): this {
    this.ops.push(`${width} w ${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l S`);
    return this;
  }
  fill(x: number, y: number, w: number, h: number, gray: number): this {
    this.ops.push(`${gray} g ${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)} re f 0 g`);
    return this;
  }
  toString(): string {
    return this.ops.join('\n');
  }
}

/** The document: call start(), then page() for each page in order, then end(); each returns the bytes to send. */
export class PdfWriter {
  private offsets: number[] = [];
  private position = 0;
  private pageIds: number[] = [];
  private nextId = 5; // 1 catalog, 2 page tree, 3 and 4 the fonts

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly info: { title: string; created: Date },
  ) {}

  private object(id: number, body: string | Buffer): Buffer {
    this.offsets[id] = this.position;
    const head = Buffer.from(`${id} 0 obj\n`, 'latin1');
    const content = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    const out = Buffer.concat([head, content, Buffer.from('\nendobj\n', 'latin1')]);
    this.position += out.length;
    return out;
  }

  start(): Buffer {
    const header = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
    this.position = header.length;
    const font = (name: string) => `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
    return Buffer.concat([
      header,
      this.object(1, '<< /Type /Catalog /Pages 2 0 R >>'),
      this.object(3, font('Helvetica')),
      this.object(4, font('Helvetica-Bold')),
    ]);
  }

  page(content: PageContent): Buffer {
    const pageId = this.nextId++;
    const streamId = this.nextId++;
    this.pageIds.push(pageId);
    const data = deflateSync(Buffer.from(content.toString(), 'latin1'));
    return Buffer.concat([
      this.object(
        pageId,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${this.width} ${this.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${streamId} 0 R >>`,
      ),
      this.object(streamId, Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])),
    ]);
  }

  end(): Buffer {
    const infoId = this.nextId++;
    const d = this.info.created.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const parts = [
      this.object(2, `<< /Type /Pages /Kids [${this.pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${this.pageIds.length} >>`),
      this.object(infoId, `<< /Title ${hex(winAnsi(this.info.title))} /Producer (Ansvar) /CreationDate (D:${d}Z) >>`),
    ];
    const xrefAt = this.position;
    const rows = ['xref', `0 ${this.nextId}`, '0000000000 65535 f '];
    for (let id = 1; id < this.nextId; id += 1) rows.push(`${String(this.offsets[id] ?? 0).padStart(10, '0')} 00000 n `);
    const tail = `${rows.join('\n')}\ntrailer\n<< /Size ${this.nextId} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return Buffer.concat([...parts, Buffer.from(tail, 'latin1')]);
  }
}
