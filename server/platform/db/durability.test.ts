import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './index.ts';

const dirs: string[] = [];
const handles: DbHandle[] = [];

afterEach(async () => {
  for (const h of handles.splice(0)) await h.destroy();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SQLite durability', () => {
  it('writes in WAL mode and acknowledges a commit only once its log is on the disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansvar-durability-'));
    dirs.push(dir);
    const handle = createDb({ dataDir: dir });
    handles.push(handle);
    expect(handle.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 is FULL: each commit syncs the log; NORMAL (1) syncs only at checkpoints, so a power cut can undo a commit.
    expect(handle.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
  });
});
