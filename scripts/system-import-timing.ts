/**
 * Times the system register import on SQLite: a generated workbook of N rows (default 10,000) over one
 * sheet per förvaltning, with roles, suppliers, Excel dates and K/R/T, through the HTTP API — dry-run,
 * apply, and a re-import of the same file (which must change nothing). Not part of `npm test`.
 * Run: npx tsx scripts/system-import-timing.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { servicesOf } from '../server/platform/context.ts';
import { createDb } from '../server/platform/db/index.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { setupAdmin, testClock, type Harness } from '../tests/api/harness.ts';
import { insertUnit } from '../tests/fixtures/org.ts';
import { date, importApi, workbook, type WCell, type WSheet } from '../tests/fixtures/system-workbooks.ts';
import { sortKey } from '../server/platform/text.ts';

const ROWS = Number(process.argv[2] ?? 10_000);
const UNITS = ['Socialförvaltningen', 'Utbildningsförvaltningen', 'Kommunledningsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'Kultur- och fritidsförvaltningen'];
const PEOPLE = 300;
const HEADER = [
  'Systemnamn', 'Beskrivning', 'Systemägare', 'Systemförvaltare', 'Driftansvarig', 'Leverantör', 'Driftform', 'K/R/T',
  'Personuppgifter', 'Samhällsviktig', 'Avtalets slutdatum', 'Antal användare', 'Livscykel', 'Kommentar',
];
const HOSTING = ['Intern', 'Hos leverantör', 'SaaS', 'Azure', 'IT-enheten'];
const PERSONAL = ['Ja', 'Nej', 'Ja, känsliga', 'J', 'N'];
const LIFECYCLE = ['i drift', 'I drift', 'planerad', 'under införande', 'under avveckling'];

const personName = (i: number) => `Person ${String(i).padStart(4, '0')} Testsson`;

function sheets(): WSheet[] {
  return UNITS.map((unit, u) => {
    const rows: WCell[][] = [[`Systemförteckning – ${unit}`], [], HEADER];
    for (let i = u; i < ROWS; i += UNITS.length) {
      rows.push([
        `System ${String(i).padStart(5, '0')}`,
        `Beskrivning av system ${i}`,
        personName(i % PEOPLE),
        i % 3 === 0 ? `person.${(i + 1) % PEOPLE}@kommun.test` : personName((i + 1) % PEOPLE),
        i % 7 === 0 ? 'Vakant' : personName((i + 2) % PEOPLE),
        `Leverantör ${i % 50}`,
        HOSTING[i % HOSTING.length]!,
        `${(i % 4) + 1}/${(i % 3) + 1}/${(i % 2) + 1}`,
        PERSONAL[i % PERSONAL.length]!,
        i % 5 === 0 ? 'X' : 'Nej',
        i % 2 === 0 ? date(`20${27 + (i % 5)}-12-31`) : `31/12 20${27 + (i % 5)}`,
        (i % 900) + 10,
        LIFECYCLE[i % LIFECYCLE.length]!,
        i % 4 === 0 ? `Kommentar ${i}` : null,
      ]);
    }
    rows.push([], ['* K/R/T enligt kommunens informationsklassning']);
    return { sheet: unit.slice(0, 31), rows };
  });
}

/** The app as it runs in production: SQLite in a fresh directory, responses not checked against their schemas (tests do that). */
async function production(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ansvar-import-timing-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://ansvar.test' });
  const handle = createDb({ dataDir });
  await migrateToLatest(handle.db);
  const app = await buildApp({ config, db: handle, logger: false, webDir: join(dataDir, 'no-web') });
  const close = async () => {
    await app.close();
    await handle.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, schema: undefined, services: servicesOf(handle, config), handle, config, clock: testClock(Date.now()), close };
}

async function main(): Promise<void> {
  const h = await production();
  try {
    const admin = await setupAdmin(h);
    await insertUnit(h.handle.db, { id: 'kommun', name: 'Exempelby kommun', kind: 'kommun' });
    for (const [i, name] of UNITS.entries()) await insertUnit(h.handle.db, { id: `f${i}`, name, parentId: 'kommun', kind: 'forvaltning' });
    const at = new Date().toISOString();
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      id: `p${i}`, name: personName(i), name_search: personName(i).toLocaleLowerCase('sv-SE'), name_sort: sortKey(personName(i).toLocaleLowerCase('sv-SE')), email: `person.${i}@kommun.test`, title: null,
      home_unit_id: `f${i % UNITS.length}`, manager_id: null, status: 'active' as const, left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
    }));
    for (let i = 0; i < people.length; i += 100) await h.handle.db.insertInto('people').values(people.slice(i, i + 100)).execute();

    let t = performance.now();
    const file = await workbook(sheets());
    console.log(`workbook: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, built in ${((performance.now() - t) / 1000).toFixed(2)} s (not counted)`);
    const api = importApi(admin);
    const seconds = (from: number) => (performance.now() - from) / 1000;
    const cpu = (from: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(from);
      return (d.user + d.system) / 1e6;
    };

    t = performance.now();
    let c = process.cpuUsage();
    const dry = await api.upload(file);
    const dryS = seconds(t);
    const dryCpu = cpu(c);
    if (dry.statusCode !== 200) throw new Error(`dry-run ${dry.statusCode}: ${dry.body.slice(0, 500)}`);
    const plan = dry.json() as { id: string; counts: object; effects: object };
    t = performance.now();
    c = process.cpuUsage();
    const applied = await api.apply(plan.id);
    const applyS = seconds(t);
    const applyCpu = cpu(c);
    if (applied.statusCode !== 200) throw new Error(`apply ${applied.statusCode}: ${applied.body.slice(0, 500)}`);
    console.log(`dry-run ${dryS.toFixed(2)} s, apply ${applyS.toFixed(2)} s, together ${(dryS + applyS).toFixed(2)} s (wall clock)`);
    console.log(`CPU time of the process: dry-run ${dryCpu.toFixed(2)} s, apply ${applyCpu.toFixed(2)} s, together ${(dryCpu + applyCpu).toFixed(2)} s (load avg ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
    console.log('counts', JSON.stringify(plan.counts), 'effects', JSON.stringify(plan.effects));

    t = performance.now();
    const again = await api.upload(file);
    const againS = seconds(t);
    console.log(`re-import dry-run ${againS.toFixed(2)} s: counts ${JSON.stringify(again.json().counts)}, effects ${JSON.stringify(again.json().effects)}`);
  } finally {
    await h.close();
  }
}

await main();
