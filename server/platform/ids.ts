import { createHash, randomBytes } from 'node:crypto';

/** 16 random bytes as a UUID version 7 for the time `now`. */
function asUuidv7(b: Buffer, now: number): string {
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Random bytes for ids, drawn 64 KiB at a time: one call into the CSPRNG per 4,096 ids instead of one per id. */
const POOL_BYTES = 16 * 4096;
let pool = Buffer.alloc(0);
let at = 0;
function next16(): Buffer {
  if (at + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  return pool.subarray(at, (at += 16)); // each 16 bytes are used once, so the id may be written into them
}

/** UUID version 7: time-ordered, so new rows land at the end of indexes. */
export const uuidv7 = (now: number = Date.now()): string => asUuidv7(next16(), now);

/** A random secret for links and cookies (256 bits, URL-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database leak does not leak live links or sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
