import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_organisation.ts';
import * as m0003 from './migrations/0003_people.ts';
import * as m0004 from './migrations/0004_policy.ts';
import * as m0005 from './migrations/0005_systems.ts';
import * as m0006 from './migrations/0006_findings.ts';
import * as m0007 from './migrations/0007_system_imports.ts';
import * as m0008 from './migrations/0008_findings_order.ts';
import * as m0009 from './migrations/0009_systems_search.ts';
import * as m0010 from './migrations/0010_swedish_name_order.ts';
import * as m0011 from './migrations/0011_people_units_order.ts';
import * as m0012 from './migrations/0012_password_reset_links.ts';
import * as m0013 from './migrations/0013_role_holders.ts';
import * as m0014 from './migrations/0014_audit_groups.ts';
import * as m0015 from './migrations/0015_classifications.ts';
import * as m0016 from './migrations/0016_follow_up.ts';
import * as m0017 from './migrations/0017_access.ts';
import * as m0018 from './migrations/0018_review_tallies.ts';
import * as m0019 from './migrations/0019_reviewers_without_rowid.ts';
import * as m0020 from './migrations/0020_postgres_trigram_search.ts';
import * as m0021 from './migrations/0021_findings_counts.ts';
import * as m0022 from './migrations/0022_open_grants_by_system.ts';
import * as m0023 from './migrations/0023_auth_notifications.ts';
import * as m0024 from './migrations/0024_audit_chain_head.ts';
import * as m0025 from './migrations/0025_systems_kommun.ts';
import * as m0026 from './migrations/0026_findings_kommun.ts';
import type { Db } from './index.ts';

/** Migrations are listed here in order; they are TypeScript modules so both dialects share them. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organisation': m0002,
  '0003_people': m0003,
  '0004_policy': m0004,
  '0005_systems': m0005,
  '0006_findings': m0006,
  '0007_system_imports': m0007,
  '0008_findings_order': m0008,
  '0009_systems_search': m0009,
  '0010_swedish_name_order': m0010,
  '0011_people_units_order': m0011,
  '0012_password_reset_links': m0012,
  '0013_role_holders': m0013,
  '0014_audit_groups': m0014,
  '0015_classifications': m0015,
  '0016_follow_up': m0016,
  '0017_access': m0017,
  '0018_review_tallies': m0018,
  '0019_reviewers_without_rowid': m0019,
  '0020_postgres_trigram_search': m0020,
  '0021_findings_counts': m0021,
  '0022_open_grants_by_system': m0022,
  '0023_auth_notifications': m0023,
  '0024_audit_chain_head': m0024,
  '0025_systems_kommun': m0025,
  '0026_findings_kommun': m0026,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations. Throws with the failing migration's name. */
export async function migrateToLatest(db: Db, options: { schema?: string | undefined } = {}): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'ansvar_migrations',
    migrationLockTableName: 'ansvar_migrations_lock',
    // With a schema of its own (PostgreSQL tests), the bookkeeping tables must be looked up there too:
    // Kysely otherwise finds another schema's table of the same name and skips creating its own.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
