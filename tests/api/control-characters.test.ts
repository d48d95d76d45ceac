import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../server/messages/core.ts';
import { csv, form } from '../fixtures/files.ts';
import { insertKommun } from '../fixtures/org.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/**
 * NUL and other control characters in every text the API reads (issue 9): each string field of each
 * JSON body, each query parameter and each path parameter, derived from the OpenAPI document so a new
 * route is probed without a change here. A body or query field is a 400 naming that field (and only
 * that field: the rest of the derived body is valid); a path parameter is a 404; never a 500, and
 * nothing is written. The multipart imports and the policy pack's own texts are probed by hand below.
 */

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
}
interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

type Path = Array<string | number>;
const NUL = 'a\u0000b';
const CONTROL_MESSAGES = [sv['field.single_line'], sv['field.control_characters']];

function derive(doc: OpenApi) {
  const deref = (s: Schema): Schema => (s.$ref ? deref(doc.components!.schemas![s.$ref.split('/').pop()!]!) : s);
  /** The alternatives of a schema, without null and without the empty-string literal of query filters. */
  const branches = (raw: Schema): Schema[] => {
    const s = deref(raw);
    const list = s.anyOf ?? s.oneOf;
    if (list) return list.flatMap(branches);
    if (s.type === 'null' || (s.enum?.length === 1 && s.enum[0] === '')) return [];
    return [s];
  };
  const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
  const isString = (s: Schema) => typeOf(s) === 'string' || typeof s.const === 'string' || (s.enum ?? []).some((v) => typeof v === 'string');
  /** Free text: no enum, format or pattern narrows it, so the control-character message is expected. */
  const isFreeText = (raw: Schema) => {
    const bs = branches(raw);
    return bs.length > 0 && bs.every((b) => typeOf(b) === 'string' && !b.enum && b.const === undefined && !b.pattern && b.format !== 'date' && b.format !== 'date-time');
  };

  function minimal(raw: Schema, name = ''): unknown {
    const s = branches(raw)[0] ?? deref(raw);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    switch (typeOf(s)) {
      case 'string':
        if (s.format === 'date') return '2026-01-01';
        if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
        if (s.format === 'uri') return 'https://example.se/';
        if (s.format === 'email' || /email/i.test(name)) return 'x@example.se';
        return 'x'.repeat(Math.max(1, s.minLength ?? 1));
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return s.minItems ? [minimal(s.items!)] : [];
      case 'object':
        return Object.fromEntries((s.required ?? []).map((k) => [k, minimal(s.properties![k]!, k)]));
      default:
        return undefined;
    }
  }

  /** Every place a string can go: [path, the field's schema]. */
  function stringPaths(raw: Schema, path: Path = []): Array<[Path, Schema]> {
    const bs = branches(raw);
    if (bs.some(isString)) return [[path, raw]];
    const obj = bs.find((b) => b.properties);
    if (obj) return Object.entries(obj.properties!).flatMap(([k, v]) => stringPaths(v, [...path, k]));
    const arr = bs.find((b) => b.items);
    return arr ? stringPaths(arr.items!, [...path, 0]) : [];
  }

  /** The minimal valid body with `value` at `path` (containers on the way are built minimal too). */
  function withValue(raw: Schema, path: Path, value: unknown): unknown {
    if (path.length === 0) return value;
    const bs = branches(raw);
    const [head, ...rest] = path;
    if (typeof head === 'number') return [withValue(bs.find((b) => b.items)!.items!, rest, value)];
    const obj = bs.find((b) => b.properties)!;
    return { ...(minimal(obj) as object), [head!]: withValue(obj.properties![head!]!, rest, value) };
  }

  /** A probe that breaks only the character rule: long enough, and an e-mail or URL around it. */
  function probe(raw: Schema, name: string): string {
    const s = branches(raw).find(isString) ?? deref(raw);
    if (s.format === 'email' || /email/i.test(name)) return `${NUL}@example.se`;
    if (s.format === 'uri' || /url|website/i.test(name)) return `https://example.se/${NUL}`;
    return NUL.padEnd(Math.max(3, s.minLength ?? 0), 'c');
  }

  return { deref, minimal, stringPaths, withValue, probe, isFreeText };
}

const fill = (route: string) => route.replace(/\{[^}]+\}/g, () => randomUUID());

describe.each(dialects())('control characters in requests (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let doc: OpenApi;
  let d: ReturnType<typeof derive>;

  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    doc = (await admin.get('/api/openapi.json')).json();
    d = derive(doc);
  });
  afterAll(async () => h.close());

  /** Rows per table: a refused request writes nothing (the audit trail included). */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables =
      dialect === 'postgres'
        ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(h.handle.db)).rows
        : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(h.handle.db)).rows;
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(h.handle.db);
      out[name] = Number(rows[0]!.n);
    }
    return out;
  }

  const operations = () =>
    Object.entries(doc.paths).flatMap(([route, ops]) => Object.entries(ops).map(([method, op]) => ({ route, method: method.toUpperCase(), op })));

  async function send(method: string, url: string, body?: unknown) {
    return admin.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
  }

  it('refuses a control character in every string field of every JSON body with 400 naming the field', async () => {
    const before = await rowCounts();
    const problems: string[] = [];
    let probes = 0;
    for (const { route, method, op } of operations()) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      for (const [path, field] of d.stringPaths(schema)) {
        const name = path.join('.');
        const body = d.withValue(schema, path, d.probe(field, String(path.at(-1))));
        const res = await send(method, fill(route), body);
        probes++;
        const error = res.statusCode === 400 ? res.json().error : null;
        const fields = Object.keys(error?.fields ?? {});
        if (res.statusCode !== 400 || error.code !== 'validation_failed' || fields.length !== 1 || fields[0] !== name) {
          problems.push(`${method} ${route} ${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        } else if (d.isFreeText(field) && !CONTROL_MESSAGES.includes(error.fields[name])) {
          problems.push(`${method} ${route} ${name}: message "${error.fields[name]}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(probes).toBeGreaterThan(100);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses %00 in every query parameter with 400 naming the parameter', async () => {
    const before = await rowCounts();
    const problems: string[] = [];
    for (const { route, method, op } of operations()) {
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
        for (const raw of ['%00', 'a%00b', 'a%1Fb', 'a%7Fb', 'a%C2%85b', 'a%0Ab']) {
          const res = await send(method, `${fill(route)}?${p.name}=${raw}`);
          const error = res.statusCode === 400 ? res.json().error : null;
          const fields = Object.keys(error?.fields ?? {});
          if (res.statusCode !== 400 || error.code !== 'validation_failed' || fields.join() !== p.name) {
            problems.push(`${method} ${route}?${p.name}=${raw}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          } else if (d.isFreeText(p.schema) && !CONTROL_MESSAGES.includes(error.fields[p.name])) {
            problems.push(`${method} ${route}?${p.name}=${raw}: message "${error.fields[p.name]}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 404 for a path parameter that cannot be an id: %00, too long, other characters', async () => {
    const before = await rowCounts();
    const problems: string[] = [];
    const values = ['%00', 'a%00b', `${randomUUID()}%00`, '%01', '%7F', 'x'.repeat(300), '%C3%A5%C3%A4%C3%B6', '%F0%9F%98%80', '%E2%80%A8', '%FF', '%ED%A0%80', '%E0%A4%A', 'not-a-uuid', '%20'];
    for (const { route, method, op } of operations()) {
      const params = (op.parameters ?? []).filter((x) => x.in === 'path');
      const schema = op.requestBody?.content['application/json']?.schema;
      for (const p of params) {
        for (const value of values) {
          const url = fill(route.replace(`{${p.name}}`, value));
          const res = await send(method, url, schema ? d.minimal(schema) : undefined);
          const code = res.statusCode === 404 ? res.json().error?.code : null;
          if (res.statusCode !== 404 || !['not_found', 'token_invalid'].includes(code)) {
            problems.push(`${method} ${route} ${p.name}=${value}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    for (const url of ['/api/sys%00tems', '/api/systems%00', '/api/%00']) {
      const res = await admin.get(url);
      if (res.statusCode !== 404) problems.push(`GET ${url}: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses control characters in the import forms and in the policy pack, naming the field', async () => {
    const before = await rowCounts();
    const file = csv([['Anställningsnummer', 'Namn', 'E-post', 'Enhet'], ['1', 'Bo Ek', 'bo@kommun.test', 'Hemtjänsten']]);
    const fieldsOf = async (res: { statusCode: number; json: () => { error?: { fields?: Record<string, string> } } }) =>
      res.statusCode === 400 ? Object.keys(res.json().error?.fields ?? {}) : [`status ${res.statusCode}`];

    expect(await fieldsOf(await admin.post('/api/people/import', form(file, { mode: NUL })))).toEqual(['mode']);
    expect(await fieldsOf(await admin.post('/api/imports/systems', form(file, { createMissing: NUL })))).toEqual(['createMissing']);
    expect(await fieldsOf(await admin.post('/api/imports/systems', form(file, { mapping: JSON.stringify({ [NUL]: 'name' }) })))).toEqual(['mapping']);

    // The pack's own texts, as a JSON document and as YAML (where "\0" is an escape for NUL).
    const pack = (await admin.get('/api/policy')).json().document;
    const nulTitle = await admin.post('/api/policy/versions', { document: { ...pack, version: '9', title: { ...pack.title, sv: NUL } } });
    expect(await fieldsOf(nulTitle)).toEqual(['title.sv']);
    expect(nulTitle.json().error.fields['title.sv']).toMatch(/styrtecken/);
    const yaml = (await admin.get('/api/policy/default.yaml')).body.replace(/^version: .*$/m, 'version: "9"').replace(/^title:\n {2}sv: .*$/m, 'title:\n  sv: "a\\0b"');
    expect(yaml).toContain('a\\0b');
    expect(await fieldsOf(await admin.post('/api/policy/versions', { yaml }))).toEqual(['title.sv']);
    expect(await fieldsOf(await admin.post('/api/policy/versions', { yaml: `${yaml}\n# ${NUL}` }))).toEqual(['yaml']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a control character in an uploaded file name, and never answers 500 for one in a cell', async () => {
    const before = await rowCounts();
    const file = (name: string) => csv([['Anställningsnummer', 'Namn', 'E-post', 'Enhet'], ['77', name, 'ctl@kommun.test', 'Hemtjänsten']]);
    for (const url of ['/api/people/import', '/api/imports/systems']) {
      const named = await admin.post(url, form(file('Bo Ek'), {}, `personal${NUL}.csv`));
      expect(named.statusCode, named.body).toBe(400);
      expect(named.json().error.fields).toEqual({ file: sv['field.single_line'] });
    }
    expect(await rowCounts()).toEqual(before);
    const preview = await admin.post('/api/people/import', form(file(`Bo${NUL}Ek`), { mode: 'partial' }));
    expect(preview.statusCode, preview.body).toBeLessThan(500);
    if (preview.statusCode === 200) {
      const applied = await admin.post(`/api/people/import/${preview.json().id}/apply`);
      expect(applied.statusCode, applied.body).toBeLessThan(500);
    }
  });
});
