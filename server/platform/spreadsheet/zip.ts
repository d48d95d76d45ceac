import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A ZIP reader for uploads (an XLSX file is a ZIP of XML parts) that never trusts the archive: it reads
 * the central directory, inflates only the parts asked for, and stops inflating a part the moment it
 * passes its limit (zlib's maxOutputLength), whatever size the archive declares. The parts that pass are
 * packed again by `storeZip`, uncompressed, so the XLSX parser reads exactly the bytes that were checked
 * (a crafted archive whose local headers disagree with its directory cannot smuggle other content past).
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the archive: a hint only, never trusted. */
  declaredSize: number;
  localOffset: number;
}

export class ZipProblem extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too_large' | 'entries',
    readonly entry?: string,
  ) {
    super(kind);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's entries from its central directory; `maxEntries` bounds the work on a crafted directory. */
export function listEntries(data: Buffer, maxEntries: number): ZipEntry[] {
  const eocd = findEocd(data);
  if (eocd < 0) throw new ZipProblem('unreadable');
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipProblem('unreadable'); // ZIP64: no XLSX under the upload limit needs it
  if (count > maxEntries) throw new ZipProblem('entries');
  if (dirOffset + dirSize > data.length) throw new ZipProblem('unreadable');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw new ZipProblem('unreadable');
    const flags = data.readUInt16LE(p + 8);
    const nameLength = data.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    if (next > data.length) throw new ZipProblem('unreadable');
    if (flags & 0x1) throw new ZipProblem('unreadable'); // encrypted
    entries.push({
      name: data.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      declaredSize: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    });
    p = next;
  }
  return entries;
}

function findEocd(data: Buffer): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let p = data.length - 22; p >= stop; p--) if (data.readUInt32LE(p) === EOCD) return p;
  return -1;
}

/** An entry's content, inflated to at most `maxBytes` (ZipProblem 'too_large' beyond). */
export function readEntry(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const p = entry.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== LOCAL) throw new ZipProblem('unreadable', entry.name);
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipProblem('unreadable', entry.name);
  const raw = data.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length > maxBytes) throw new ZipProblem('too_large', entry.name);
    return raw;
  }
  if (entry.method !== 8) throw new ZipProblem('unreadable', entry.name);
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipProblem('too_large', entry.name);
    throw new ZipProblem('unreadable', entry.name);
  }
}

/** Packs files into a ZIP without compression (method 0), for a parser that should read exactly these bytes. */
export const storeZip = (files: ReadonlyArray<{ name: string; data: Buffer }>): Buffer =>
  packZip(files.map((f) => ({ name: f.name, data: f.data, method: 0, size: f.data.length, crc: crc32(f.data) })));

/** One entry as it goes into an archive: its bytes as stored (method 0) or deflated (8), with the size and CRC-32 it declares. */
export interface PackedEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  size: number;
  crc: number;
}

/** Writes entries into a ZIP archive as given: local headers, data, central directory, end record. */
export function packZip(entries: readonly PackedEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const dirSize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
