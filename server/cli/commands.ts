import type { Config } from '../config.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createDb, type DbHandle } from '../platform/db/index.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { backup } from './backup.ts';
import { createAdmin } from './create-admin.ts';
import { demo } from './demo.ts';
import { serve } from './serve.ts';
import { ensureWebBuilt } from './web-build.ts';

export const USAGE = `Usage: ansvar <command> [options]

Commands:
  start                       build the web app if missing or stale, migrate, serve (npm start)
  serve                       migrate and serve
  migrate                     apply pending database migrations
  create-admin --email E --name N
                              create an administrator; the password is read from standard input,
                              or, when none is given, a one-time invitation link is printed
  audit-verify                check the audit trail's hash chain; non-zero exit names the first broken event
  backup --to FILE            SQLite: online backup to FILE; PostgreSQL: prints the pg_dump command
  demo                        on an empty database: a fictional kommun with ~60 people, roles and a few
                              deliberate gaps; prints demo accounts with generated passwords

Configuration comes from the environment; see README.md.
`;

type Options = { email?: string | undefined; name?: string | undefined; to?: string | undefined; role?: string | undefined };

async function withDb<T>(config: Config, fn: (db: DbHandle) => Promise<T>): Promise<T> {
  const db = createDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export async function runCommand(command: string, options: Options, config: Config): Promise<number> {
  switch (command) {
    case 'start':
      await ensureWebBuilt();
      return serve(config);
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDb(config, async (h) => {
        const { applied } = await migrateToLatest(h.db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
        return 0;
      });
    case 'create-admin':
      return withDb(config, async (h) => {
        await migrateToLatest(h.db);
        return createAdmin(h, config, options);
      });
    case 'audit-verify':
      return withDb(config, async (h) => {
        const result = await verifyAuditChain(h.db);
        if (result.ok) {
          process.stdout.write(`Audit trail intact: ${result.count} events verified.\n`);
          return 0;
        }
        const b = result.broken;
        process.stderr.write(`Audit trail BROKEN at event seq ${b.seq} (id ${b.id}): ${b.reason.replace(/_/g, ' ')}. ${result.count} events before it verified.\n`);
        return 3;
      });
    case 'backup':
      return backup(config, options.to);
    case 'demo':
      return withDb(config, async (h) => {
        await migrateToLatest(h.db);
        return demo(h, config);
      });
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${USAGE}`);
      return 64;
  }
}
