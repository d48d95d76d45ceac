import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './index.ts';

// SQLite's committed reads (DbHandle.reader, readCommitted) run on the writing connection while it holds no open
// transaction, else on the read-only one: they must see committed data only, and must never write.
describe('committed reads on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansvar-committed-'));
  const handle = createDb({ dataDir: dir });
  const { db, reader } = handle;
  const count = async (): Promise<number> => {
    const rows = await handle.readCommitted(sql<{ n: number }>`select count(*) as n from probe`.compile(db));
    const viaReader = await sql<{ n: number }>`select count(*) as n from probe`.execute(reader);
    expect(viaReader.rows[0]!.n).toBe(rows[0]!.n);
    return rows[0]!.n;
  };
  // Where a read ran: a temporary table exists on the writing connection only.
  const ranOnWriter = async (): Promise<boolean> => {
    try {
      await sql`select count(*) from temp.marker`.execute(reader);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    await sql`create table probe (id integer primary key)`.execute(db);
    await sql`create temp table marker (x integer)`.execute(db);
  });
  afterAll(async () => {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads on the idle writer, and on the read-only connection while a transaction is open', async () => {
    expect(await ranOnWriter()).toBe(true);
    await db.transaction().execute(async (trx) => {
      await sql`insert into probe (id) values (1)`.execute(trx);
      expect(await ranOnWriter()).toBe(false);
      expect(await count()).toBe(0);
    });
    expect(await ranOnWriter()).toBe(true);
    expect(await count()).toBe(1);
  });

  it('never sees a transaction that is rolled back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into probe (id) values (2)`.execute(trx);
        expect(await count()).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await count()).toBe(1);
  });

  it('refuses a write, whichever connection is idle', async () => {
    await expect(sql`insert into probe (id) values (3)`.execute(reader)).rejects.toThrow(/readonly/);
    await expect(sql`delete from probe`.execute(reader)).rejects.toThrow(/readonly/);
    expect(await count()).toBe(1);
  });
});
