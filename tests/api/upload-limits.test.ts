import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPREADSHEET_LIMITS } from '../../server/platform/spreadsheet/index.ts';
import { form } from '../fixtures/files.ts';
import { farCell, manyRowsBomb, oneCellBomb, whitespaceBomb } from '../fixtures/hostile-files.ts';
import { insertKommun } from '../fixtures/org.ts';
import { createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

const MB = 1024 * 1024;

/**
 * The reviewer's hostile uploads: small files that unpack to hundreds of megabytes or millions of rows.
 * Each is refused with a 400 that names the limit, nothing is stored, and the server keeps answering
 * /api/health within a second all the while (before: 66 s without an answer and 2.4 GB of memory).
 */
describe.each(dialects())('hostile uploads (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  const bombs: Record<string, Buffer> = {};
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    bombs.oneCell = await oneCellBomb(400 * MB);
    bombs.whitespace = await whitespaceBomb(200 * MB);
    bombs.manyRows = await manyRowsBomb(3_000_000);
    bombs.farCell = farCell();
  }, 60_000);
  afterAll(async () => h.close());

  /** Sends the upload while another request asks for /api/health every 20 ms; the longest wait for an answer. */
  async function uploadWatchingHealth(url: string, file: Buffer, fields: Record<string, string>) {
    let done = false;
    let worst = 0;
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await h.app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(200);
        worst = Math.max(worst, performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const res = await admin.post(url, form(file, fields, 'register.xlsx'));
    done = true;
    clearInterval(sampler);
    await probe;
    return { res, worstHealthMs: worst, memoryGrowthMb: (peak - rssBefore) / MB };
  }

  const routes: Array<{ name: string; url: string; fields: Record<string, string> }> = [
    { name: 'system register import', url: '/api/imports/systems', fields: {} },
    { name: 'HR import', url: '/api/people/import', fields: { mode: 'partial' } },
  ];
  const expected: Record<string, RegExp> = {
    oneCell: /64 MB/,
    whitespace: /64 MB/,
    manyRows: /64 MB/,
    farCell: new RegExp(`${SPREADSHEET_LIMITS.rows}`),
  };

  for (const route of routes) {
    for (const bomb of Object.keys(expected)) {
      it(`${route.name}: refuses the ${bomb} bomb with a 400 naming the limit, answering /api/health within a second`, async () => {
        const imports = async () => (await h.handle.db.selectFrom('system_imports').select('id').execute()).length + (await h.handle.db.selectFrom('people_imports').select('id').execute()).length;
        const before = await imports();
        const { res, worstHealthMs, memoryGrowthMb } = await uploadWatchingHealth(route.url, bombs[bomb]!, route.fields);
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json<{ error: { code: string; fields: Record<string, string> } }>();
        expect(body.error.code).toBe('validation_failed');
        expect(body.error.fields.file).toMatch(expected[bomb]!);
        expect(worstHealthMs).toBeLessThan(1000);
        expect(memoryGrowthMb).toBeLessThan(700);
        expect(await imports()).toBe(before);
      });
    }
  }

  it('names the limit in English too', async () => {
    const res = await admin.post('/api/imports/systems', form(bombs.oneCell!, {}, 'register.xlsx'), { headers: { 'accept-language': 'en' } });
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields.file).toBe(
      'The file is too large once unpacked (more than 64 MB in one part). Split it or save it as CSV.',
    );
  });
});
