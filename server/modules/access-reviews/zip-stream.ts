import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A ZIP archive written as a stream (the container of an XLSX workbook): each entry deflated as its content
 * arrives, sizes and CRC in a data descriptor after it, the central directory at the end. Nothing is held but the
 * directory, so a workbook of a million rows is written in constant memory. No ZIP64: an entry stays under 4 GiB.
 */

export interface ZipEntry {
  name: string;
  content: string | AsyncIterable<string>;
}

interface Sizes {
  crc: number;
  size: number;
  compressed: number;
}

const LIMIT = 0xffffffff;
/** Bit 3: sizes in the data descriptor; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;

/** The DOS time and date of an instant (local fields of UTC; ZIP has no zone). */
function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

async function* chunks(content: ZipEntry['content']): AsyncGenerator<string> {
  if (typeof content === 'string') yield content;
  else yield* content;
}

/** Until the stream takes more (or is gone). */
const writable = (z: NodeJS.EventEmitter) =>
  new Promise<void>((resolve) => {
    const done = () => {
      z.off('drain', done);
      z.off('close', done);
      resolve();
    };
    z.on('drain', done);
    z.on('close', done);
  });

/** The entry's content deflated, counting its CRC and sizes on the way. */
async function* deflated(content: ZipEntry['content'], sizes: Sizes): AsyncGenerator<Buffer> {
  const z = createDeflateRaw({ level: 6 });
  const pump = (async () => {
    for await (const text of chunks(content)) {
      if (z.destroyed) return;
      const buf = Buffer.from(text, 'utf8');
      sizes.crc = crc32(buf, sizes.crc);
      sizes.size += buf.length;
      if (!z.write(buf)) await writable(z);
    }
    z.end();
  })();
  pump.catch((err: unknown) => z.destroy(err instanceof Error ? err : new Error(String(err))));
  try {
    for await (const out of z as AsyncIterable<Buffer>) {
      sizes.compressed += out.length;
      yield out;
    }
    await pump;
  } finally {
    z.destroy();
  }
  if (sizes.size > LIMIT || sizes.compressed > LIMIT) throw new Error('zip entry too large');
}

export async function* zipStream(entries: Iterable<ZipEntry>, now: Date): AsyncGenerator<Buffer> {
  const { time, date } = dosStamp(now);
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt16LE(name.length, 26);
    const start = offset;
    yield Buffer.concat([local, name]);
    offset += local.length + name.length;
    const sizes: Sizes = { crc: 0, size: 0, compressed: 0 };
    for await (const out of deflated(entry.content, sizes)) {
      offset += out.length;
      yield out;
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(sizes.crc >>> 0, 4);
    descriptor.writeUInt32LE(sizes.compressed, 8);
    descriptor.writeUInt32LE(sizes.size, 12);
    yield descriptor;
    offset += descriptor.length;
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(FLAGS, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(sizes.crc >>> 0, 16);
    head.writeUInt32LE(sizes.compressed, 20);
    head.writeUInt32LE(sizes.size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(start, 42);
    central.push(head, name);
  }
  if (offset > LIMIT) throw new Error('zip too large');
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}
