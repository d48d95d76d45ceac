import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/platform/db/index.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';
import { moduleBoundaries } from './module-boundaries.js';
import { TABLE_OWNERS, tableOwners } from './table-owners.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (path: string) => resolve(process.cwd(), path);

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: at('server/modules/findings/compute.ts'), code: "import { systemSubject } from '../systems/index.ts';" },
    { filename: at('server/modules/systems/export/routes.ts'), code: "import { listSystems } from '../list-systems.ts';" },
    { filename: at('server/modules/systems/routes.ts'), code: "import { x } from './repository.ts';" },
    { filename: at('server/app.ts'), code: "import { systemRoutes } from './modules/systems/routes.ts';" },
    { filename: at('server/app.ts'), code: "import { startFindings } from './modules/findings/index.ts';" },
    { filename: at('server/modules/org/list-units.ts'), code: "import { can } from '../../platform/access/permissions.ts';" },
    { filename: at('server/modules/org/list-units.ts'), code: "import { z } from 'zod';" },
  ],
  invalid: [
    { filename: at('server/modules/findings/compute.ts'), code: "import { findSystem } from '../systems/repository.ts';", errors: [{ messageId: 'deep' }] },
    { filename: at('server/modules/findings/compute.ts'), code: "export { findSystem } from '../systems/repository.ts';", errors: [{ messageId: 'deep' }] },
    { filename: at('server/modules/findings/compute.ts'), code: "const m = await import('../systems/export/words.ts');", errors: [{ messageId: 'deep' }] },
    { filename: at('server/app.ts'), code: "import { matrix } from './modules/systems/matrix-routes.ts';", errors: [{ messageId: 'deep' }] },
    { filename: at('server/cli/serve.ts'), code: "import { systemRoutes } from '../modules/systems/routes.ts';", errors: [{ messageId: 'deep' }] },
    { filename: at('server/cli/demo.ts'), code: "import { createSystem } from '../modules/systems/create-system.ts';", errors: [{ messageId: 'deep' }] },
  ],
});

tester.run('table-owners', tableOwners, {
  valid: [
    { filename: at('server/modules/systems/repository.ts'), code: "await trx.insertInto('systems').values(row).execute();" },
    { filename: at('server/modules/systems/repository.ts'), code: "await trx.updateTable('system_units as su').set(x).execute();" },
    { filename: at('server/modules/systems/repository.ts'), code: "await db.selectFrom('people').selectAll().execute();" },
    { filename: at('server/modules/agreements/agreement-repository.ts'), code: "await trx.deleteFrom('agreement_systems').execute();" },
    { filename: at('server/platform/auth/sessions.ts'), code: "await trx.insertInto('sessions').values(row).execute();" },
  ],
  invalid: [
    { filename: at('server/modules/system-import/repository.ts'), code: "await trx.insertInto('systems').values(rows).execute();", errors: [{ messageId: 'foreign' }] },
    { filename: at('server/modules/org/repository.ts'), code: "await trx.deleteFrom('role_assignments').execute();", errors: [{ messageId: 'foreign' }] },
    { filename: at('server/modules/auth/repository.ts'), code: 'await trx.updateTable(`users`).set(x).execute();', errors: [{ messageId: 'foreign' }] },
    { filename: at('server/modules/people/repository.ts'), code: "await trx.insertInto('nobody_owns_me').values(x).execute();", errors: [{ messageId: 'unknown' }] },
    { filename: at('server/modules/people/repository.ts'), code: 'await trx.insertInto(table).values(x).execute();', errors: [{ messageId: 'dynamic' }] },
    { filename: at('server/modules/people/create-person.ts'), code: "await trx.insertInto('people').values(x).execute();", errors: [{ messageId: 'outside' }] },
  ],
});

describe('table owners', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ansvar-owners-'));
  const handle = createDb({ dataDir });
  afterAll(async () => {
    await handle.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names an owner for every table the migrations create, and no table that does not exist', async () => {
    await migrateToLatest(handle.db);
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(handle.db);
    // systems_search_* are the FTS5 index's own shadow tables (SQLite writes them).
    const tables = rows.rows.map((r) => r.name).filter((n) => !/^systems_search_/.test(n));
    expect(tables.sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});
