/**
 * The web's API types, generated from the server's OpenAPI document: one contract between server and web.
 *
 *   npm run api:types   writes web/src/api/schema.gen.ts
 *   npm run api:check   fails when the committed file differs from what the server describes now
 *
 * The app is built in-process on a throw-away SQLite data directory (nothing listens), asked for its
 * document, and openapi-typescript turns that into types; prettier formats them so the file is stable.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Do not edit: change the server's zod schemas and regenerate. CI runs npm run api:check.
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
  const mode = process.argv[2];
  const text = await generate();
  const name = relative(ROOT, SCHEMA_FILE);
  if (mode === 'check') {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing: reported below as a difference
    }
    if (committed !== text) {
      console.error(`${name} does not match the server's OpenAPI document. Run npm run api:types and commit the result.`);
      process.exit(1);
    }
    console.log(`${name} matches the server's OpenAPI document.`);
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${name}`);
  }
  // The findings refresher and the pools are closed; exit without waiting for stray timers.
  process.exit(0);
}

await main();
