import { buildApp } from '../app.ts';
import { startWarnings, type Config } from '../config.ts';
import { ensureSetupLink } from '../modules/accounts/index.ts';
import { servicesOf } from '../platform/context.ts';
import { startCheckpointer } from '../platform/db/checkpointer.ts';
import { createDb, maintainStale, refreshStatistics } from '../platform/db/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

/** Migrates, listens, prints the address (and the setup link on an empty database), and stops cleanly on a signal. */
export async function serve(config: Config): Promise<number> {
  for (const warning of startWarnings(config)) process.stderr.write(`${warning}\n`);
  const db = createDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateToLatest(db.db);
  // PostgreSQL: tables that were never analysed (autovacuum off or behind) get their statistics before traffic;
  // the vacuums they need follow in the background once it listens.
  if (db.dialect === 'postgres') await maintainStale(db.db, { vacuum: false });
  const app = await buildApp({ config, db, backgroundPollMs: config.jobPollMs });
  // SQLite: WAL checkpoints in a thread of their own, never inside a request's commit (platform/db/checkpointer.ts).
  const checkpoints = db.sqlite ? startCheckpointer(db.sqlite, 200, (err) => app.log.error({ err }, 'WAL checkpoint failed')) : null;
  await app.listen({ port: config.port, host: config.host });
  if (db.dialect === 'postgres') await refreshStatistics(db.db, db.dialect);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // With PORT=0 the address is known only now.
  const publicUrl = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
  const out = [`Ansvar is running at ${publicUrl} (database: ${db.dialect}, ${db.location})`];
  const setup = await ensureSetupLink(servicesOf(db, { ...config, publicUrl }));
  if (setup) {
    out.push('', 'No administrator yet. Open this one-time link to create the first one (valid 24 hours):', `  ${setup.url}`, '');
  }
  process.stdout.write(`${out.join('\n')}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await checkpoints?.stop();
  await db.destroy();
  return 0;
}
