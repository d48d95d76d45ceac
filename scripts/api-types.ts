/**
 * The web's API types, generated from the server's OpenAPI document: one contract between server and web.
 *
 *   npm run api:types   writes web/src/api/schema.gen.ts (npm run typecheck runs it first)
 *
 * The file is not committed: it is written afresh from the server before every typecheck, so the web is
 * always checked against the server as it is now, and a change on one side that breaks the other fails
 * the typecheck (no copy to drift, no 8,000 generated lines in review).
 * The app is built in-process on a throw-away SQLite data directory (nothing listens), asked for its
 * document, and openapi-typescript turns that into types; prettier formats them so the file is stable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createDb } from '../server/platform/db/index.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA_FILE = join(ROOT, 'web/src/api/schema.gen.ts');

const HEADER = `/**
 * Generated from the server's OpenAPI document by scripts/api-types.ts (npm run api:types).
 * Not committed, do not edit: change the server's zod schemas; npm run typecheck regenerates it.
 */
`;

/** The OpenAPI document the server serves at /api/openapi.json. */
async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ansvar-api-types-'));
  const handle = createDb({ dataDir });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://ansvar.test' });
    const app = await buildApp({ config, db: handle, logger: false, webDir: join(dataDir, 'no-web') });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
      return res.json<OpenAPI3>();
    } finally {
      await app.close();
    }
  } finally {
    await handle.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The text of web/src/api/schema.gen.ts for the server as it is now. */
async function generate(): Promise<string> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc, { alphabetize: true });
  const options = await prettier.resolveConfig(SCHEMA_FILE);
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}

async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, await generate());
  console.log(`wrote ${relative(ROOT, SCHEMA_FILE)}`);
  // The findings refresher and the pools are closed; exit without waiting for stray timers.
  process.exit(0);
}

await main();
