import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../api/harness.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'ansvar.js');

/** The `ansvar` command as an operator runs it (SQLite; the PostgreSQL path shares the same use cases). */
describe('ansvar command line', () => {
  let dataDir: string;
  const run = (args: string[], input = '', env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 });

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ansvar-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrate, then create-admin with the password on standard input', () => {
    const m = run(['migrate']);
    expect(m.status).toBe(0);
    expect(m.stdout).toMatch(/Applied: 0001_foundation|up to date/);
    const res = run(['create-admin', '--email', 'IT-chef@Kommun.test', '--name', 'Ingrid IT-chef'], `${TEST_PASSWORD}\n`);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Administrator it-chef@kommun.test created/);
    const again = run(['create-admin', '--email', 'it-chef@kommun.test', '--name', 'Twice'], `${TEST_PASSWORD}\n`);
    expect(again.status).toBe(65);
    expect(again.stderr).toMatch(/already in use/);
  });

  it('create-admin refuses a common password and prints an invitation link when none is given', () => {
    const weak = run(['create-admin', '--email', 'b@kommun.test', '--name', 'B'], 'sommaren2026!!\n');
    expect(weak.status).toBe(65);
    expect(weak.stderr).toMatch(/too common/);
    const link = run(['create-admin', '--email', 'c@kommun.test', '--name', 'C']);
    expect(link.status).toBe(0);
    expect(link.stdout).toMatch(/http:\/\/127\.0\.0\.1:3000\/invite\?token=[\w-]{40,}/);
    const missing = run(['create-admin', '--name', 'No Mail']);
    expect(missing.status).toBe(64);
  });

  it('audit-verify passes on an intact trail and names the first tampered event', () => {
    const ok = run(['audit-verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit trail intact: \d+ events verified/);
    const db = new SQLite(join(dataDir, 'ansvar.sqlite'));
    db.prepare("update audit_events set message = 'rewritten' where seq = 2").run();
    const id = (db.prepare('select id from audit_events where seq = 2').get() as { id: string }).id;
    db.close();
    const broken = run(['audit-verify']);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain(`seq 2 (id ${id})`);
  });

  it('backup writes a consistent SQLite copy and refuses to overwrite', () => {
    const target = join(dataDir, 'copy.sqlite');
    const res = run(['backup', '--to', target]);
    expect(res.status).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new SQLite(target, { readonly: true });
    expect((copy.prepare('select count(*) as n from users').get() as { n: number }).n).toBe(1);
    copy.close();
    expect(run(['backup', '--to', target]).status).toBe(73);
    const pgLine = run(['backup'], '', { DATABASE_URL: 'postgres://ansvar@db.kommun.test/ansvar' });
    expect(pgLine.status).toBe(0);
    expect(pgLine.stdout).toMatch(/pg_dump --format=custom/);
  });

  it('bad configuration stops with a message naming the variable', () => {
    const res = run(['migrate'], '', { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(res.status).toBe(78);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stderr).toMatch(/LOG_LEVEL/);
    const url = run(['migrate'], '', { DATABASE_URL: 'mysql://x' });
    expect(url.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    expect(run(['frobnicate']).status).toBe(64);
  });

  it('keeps the generated session secret private and stable', () => {
    const file = join(dataDir, 'session-secret');
    const secret = readFileSync(file, 'utf8');
    run(['migrate']);
    expect(readFileSync(file, 'utf8')).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'ansvar.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('demo builds a fictional kommun with generated passwords, only on an empty database', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ansvar-demo-'));
    try {
      const res = run(['demo'], '', { DATA_DIR: fresh });
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/23 org units, 60 people/);
      const passwords = [...res.stdout.matchAll(/@exempelby\.test\s+(\S+)/g)].map((m) => m[1]);
      expect(passwords).toHaveLength(3);
      expect(new Set(passwords).size).toBe(3);
      const db = new SQLite(join(fresh, 'ansvar.sqlite'), { readonly: true });
      expect((db.prepare("select count(*) as n from people where status = 'left'").get() as { n: number }).n).toBe(1);
      expect(res.stdout).toMatch(/21 systems/);
      const lifecycles = db.prepare('select lifecycle, count(*) as n from systems group by lifecycle order by lifecycle').all();
      expect(lifecycles).toEqual([
        { lifecycle: 'implementing', n: 1 },
        { lifecycle: 'in_operation', n: 17 },
        { lifecycle: 'planned', n: 1 },
        { lifecycle: 'retired', n: 1 },
        { lifecycle: 'retiring', n: 1 },
      ]);
      // Suppliers with agreements, the suppliers running the systems their agreements cover; one in its notice
      // period, one ended, one without a personuppgiftsbiträdesavtal.
      expect(res.stdout).toMatch(/Of the 11 agreements/);
      expect((db.prepare('select count(*) as n from suppliers').get() as { n: number }).n).toBe(11);
      expect((db.prepare('select count(*) as n from agreements').get() as { n: number }).n).toBe(11);
      expect((db.prepare("select count(*) as n from role_assignments where principal_kind = 'supplier' and role_key = 'driftansvarig'").get() as { n: number }).n).toBe(9);
      expect((db.prepare('select count(*) as n from agreements where clause_dpa = 0').get() as { n: number }).n).toBe(1);
      // The policy as the demo kommun adopted it: its own name, not the seed kommun's.
      const pack = db.prepare("select pack_id, document_json from policy_packs where status = 'active'").get() as { pack_id: string; document_json: string };
      expect(pack.pack_id).toBe('exempelby-it-sakerhetspolicy');
      expect(pack.document_json).not.toContain('Svenljunga');
      expect(JSON.parse(pack.document_json)).toMatchObject({ title: { sv: 'IT-säkerhetspolicy – Exempelby kommun' }, adoption: { body: 'Kommunfullmäktige' } });
      db.close();
      const again = run(['demo'], '', { DATA_DIR: fresh });
      expect(again.status).toBe(73);
      expect(again.stderr).toMatch(/empty database/);
      // A second run creates new passwords: none is fixed.
      const other = mkdtempSync(join(tmpdir(), 'ansvar-demo-'));
      const second = run(['demo'], '', { DATA_DIR: other });
      rmSync(other, { recursive: true, force: true });
      expect([...second.stdout.matchAll(/@exempelby\.test\s+(\S+)/g)].map((m) => m[1])).not.toEqual(passwords);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
