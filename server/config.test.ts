import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, startWarnings } from './config.ts';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ansvar-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults and keeps a generated secret with 0600 permissions', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, publicUrl: 'http://127.0.0.1:3000', logLevel: 'info', trustProxy: false, secureCookies: false });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      DATA_DIR: dir, PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db/ansvar', PUBLIC_URL: 'https://ansvar.kommun.se/',
      SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.kommun.se:25', LOG_LEVEL: 'warn', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u@db/ansvar', publicUrl: 'https://ansvar.kommun.se', sessionSecret: 'x'.repeat(40), logLevel: 'warn', trustProxy: ['10.0.0.0/8', '127.0.0.1'], secureCookies: true });
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('warns at start on PostgreSQL without a shared SESSION_SECRET, and only then', () => {
    const pgUrl = 'postgres://u@db/ansvar';
    expect(startWarnings(loadConfig({ DATA_DIR: dir, DATABASE_URL: pgUrl }))).toEqual([expect.stringContaining('SESSION_SECRET is not set')]);
    expect(startWarnings(loadConfig({ DATA_DIR: dir, DATABASE_URL: pgUrl, SESSION_SECRET: 'x'.repeat(40) }))).toEqual([]);
    expect(startWarnings(loadConfig({ DATA_DIR: dir }))).toEqual([]);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ DATA_DIR: dir, PORT: '70000', PUBLIC_URL: 'ftp://x', SESSION_SECRET: 'short', TRUST_PROXY: 'maybe?', SMTP_URL: 'mail.kommun.se' });
      expect.fail('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const v of ['PORT', 'PUBLIC_URL', 'SESSION_SECRET', 'TRUST_PROXY', 'SMTP_URL']) expect(problems).toContain(v);
    }
  });
});
