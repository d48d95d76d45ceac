import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { createDb } from '../platform/db/index.ts';

/** SQLite: an online, consistent copy while the server runs. PostgreSQL: the pg_dump line to run. */
export async function backup(config: Config, to: string | undefined): Promise<number> {
  if (config.databaseUrl) {
    const target = to ?? 'ansvar-$(date +%F).dump';
    process.stdout.write(`PostgreSQL is backed up with its own tools. Run:\n  pg_dump --format=custom --file=${target} "${config.databaseUrl}"\n`);
    return 0;
  }
  if (!to) {
    process.stderr.write('backup needs --to FILE\n');
    return 64;
  }
  const target = resolve(to);
  if (existsSync(target)) {
    process.stderr.write(`${target} already exists; choose a new file name.\n`);
    return 73;
  }
  const h = createDb({ dataDir: config.dataDir });
  try {
    await h.sqlite!.backup(target);
    process.stdout.write(`Backup written to ${target}\n`);
    return 0;
  } finally {
    await h.destroy();
  }
}
