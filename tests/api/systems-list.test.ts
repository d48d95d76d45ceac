import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemsPage } from '../../server/modules/systems/schemas.ts';
import { sortKey } from '../../server/platform/text.ts';
import {
  assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, systemsApi, type SystemJson, type SystemsPageJson,
} from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Summary = SystemsPageJson['items'][number];
const SORTS = ['name', 'registerNo', 'updatedAt', 'confirmedAt'] as const;

/** Code-point order, as both databases compare the sort keys and ids (SQLite binary, PostgreSQL "C"). */
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf: Record<(typeof SORTS)[number], (s: Summary) => string | number> = {
  name: (s) => sortKey(s.name),
  registerNo: (s) => Number(s.registerNo.slice(4)),
  updatedAt: (s) => s.updatedAt,
  confirmedAt: (s) => s.confirmedAt ?? '',
};

describe.each(dialects())('system register: list, filters, search, sorting, paging (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let api: ReturnType<typeof systemsApi>;
  /** name → system, in creation order. */
  let s: Record<string, SystemJson>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    api = systemsApi(admin);
    await insertSystemsKommun(h.handle.db);
    s = {};
    const add = async (key: string, body: Record<string, unknown>, advance = true) => {
      if (advance) h.clock.advance(1000);
      s[key] = await createSystem(admin, body);
    };
    await add('procapita', { name: 'Procapita', aliases: ['Lifecare'], owningUnitId: 'hem', hosting: 'internal_it', criticality: 'high', samhallsviktig: true });
    await add('oppna', { name: 'Öppna skolan', aliases: ['SKOLPORTALEN'], kind: 'e_service', owningUnitId: 'skola', hosting: 'saas', criticality: 'medium', samhallsviktig: false });
    await add('arende', { name: 'Ärendehantering', owningUnitId: 'klf', kommungemensamt: true });
    await add('atgard', { name: 'Åtgärdsplan', owningUnitId: 'soc', usingUnitIds: ['utb'], hosting: 'supplier_hosted', criticality: 'low', lifecycle: 'implementing' }, false);
    await add('lon', { name: 'Lönesystem', owningUnitId: 'klf', usingUnitIds: ['hem'], hosting: 'cloud_tenant', samhallsviktig: true });
    await add('procapita2', { name: 'procapita', owningUnitId: 'utb', hosting: 'internal_supplier' }, false);
    await add('zebra', { name: 'Zebra', kind: 'infrastructure', owningUnitId: 'it', hosting: 'public_body', criticality: 'high' });
    await add('bas', { name: 'Basregister', kind: 'integration', owningUnitId: 'kommun' }, false);
    await add('elev', { name: 'Elevhälsa', owningUnitId: 'utb', hosting: 'saas', personalData: 'sensitive' });
    await add('dok', { name: 'Dokumenthantering', owningUnitId: 'klf', kommungemensamt: true, hosting: 'internal_it' });
    // Updated and confirmed at different times (some at the same time, so ties are broken by id).
    h.clock.advance(1000);
    await api.patch(s.procapita!.id, { version: 1, userCount: 10 });
    await api.patch(s.bas!.id, { version: 1, userCount: 10 });
    h.clock.advance(1000);
    await api.confirm(s.zebra!.id, 1);
    await api.confirm(s.elev!.id, 1);
    h.clock.advance(1000);
    await api.confirm(s.oppna!.id, 1);
  });
  afterEach(async () => h.close());

  const page = async (qs: string): Promise<SystemsPageJson> => expectBody(await api.list(qs), 200, systemsPage);
  const names = async (qs: string) => (await page(`limit=500&${qs}`)).items.map((x) => x.name);
  const ids = async (qs: string) => (await page(`limit=500&${qs}`)).items.map((x) => x.id);
  const set = async (qs: string) => new Set(await names(qs));
  const named = (...keys: string[]) => new Set(keys.map((k) => s[k]!.name));

  it('filters by unit (owning or using, with the units below), lifecycle, hosting, criticality and flags', async () => {
    expect(await set('')).toEqual(named('procapita', 'oppna', 'arende', 'atgard', 'lon', 'procapita2', 'zebra', 'bas', 'elev', 'dok'));
    expect(await set('unitId=soc')).toEqual(named('procapita', 'atgard', 'lon')); // owned below, owned, used below
    expect(await set('unitId=hem')).toEqual(named('procapita', 'lon'));
    expect(await set('unitId=utb')).toEqual(named('oppna', 'procapita2', 'elev', 'atgard'));
    expect(await set('unitId=ks')).toEqual(named('arende', 'lon', 'zebra', 'dok'));
    expect(await set('unitId=kommun')).toEqual(await set(''));
    expect(await names('unitId=no-such-unit')).toEqual([]);
    expect(await names('unitId=')).toHaveLength(10);
    expect(await set('lifecycle=implementing')).toEqual(named('atgard'));
    expect(await set('lifecycle=planned')).toEqual(new Set([...(await set(''))].filter((n) => n !== 'Åtgärdsplan')));
    expect(await names('lifecycle=retired')).toEqual([]);
    expect(await set('hosting=unknown')).toEqual(named('arende', 'bas'));
    expect(await set('hosting=saas')).toEqual(named('oppna', 'elev'));
    expect(await set('hosting=internal_it')).toEqual(named('procapita', 'dok'));
    expect(await set('criticality=high')).toEqual(named('procapita', 'zebra'));
    expect(await set('criticality=unknown')).toEqual(named('arende', 'lon', 'procapita2', 'bas', 'elev', 'dok'));
    expect(await set('samhallsviktig=true')).toEqual(named('procapita', 'lon'));
    expect(await set('samhallsviktig=false')).toEqual(named('oppna'));
    expect(await set('kommungemensamt=true')).toEqual(named('arende', 'dok'));
    expect((await set('kommungemensamt=false')).size).toBe(8);
    expect(await set('unitId=soc&hosting=internal_it&samhallsviktig=true')).toEqual(named('procapita'));
    expect(await set('unitId=klf&kommungemensamt=true&hosting=internal_it')).toEqual(named('dok'));
    // A summary carries what the list shows.
    const [procapita] = (await page(`q=lifecare`)).items;
    expect(procapita).toMatchObject({
      registerNo: 'SYS-0001', owningUnit: { id: 'hem', name: 'Hemtjänsten' }, lifecycle: 'planned', criticality: 'high', samhallsviktig: true,
      hosting: 'internal_it', insideNetwork: true, userCount: 10, holders: [], version: 2,
    });
  });

  it('searches name, aliases and register number, ignoring case (å, ä, ö included)', async () => {
    expect(await set('q=PROCAPITA')).toEqual(named('procapita', 'procapita2'));
    expect(await set(`q=${encodeURIComponent('ÖPPNA')}`)).toEqual(named('oppna'));
    expect(await set(`q=${encodeURIComponent('öppna SKOLAN')}`)).toEqual(named('oppna'));
    expect(await set(`q=${encodeURIComponent('ärende')}`)).toEqual(named('arende'));
    expect(await set(`q=${encodeURIComponent('ÅTGÄRD')}`)).toEqual(named('atgard'));
    expect(await set(`q=${encodeURIComponent('lönesys')}`)).toEqual(named('lon'));
    expect(await set('q=skolportalen')).toEqual(named('oppna')); // an alias
    expect(await set('q=LIFECARE')).toEqual(named('procapita'));
    expect(await set('q=SYS-0002')).toEqual(named('oppna'));
    expect(await set('q=sys-0010')).toEqual(named('dok'));
    expect(await set(`q=${encodeURIComponent('  hälsa ')}`)).toEqual(named('elev'));
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await names('q=_')).toEqual([]);
    expect(await names(`q=${encodeURIComponent('\\')}`)).toEqual([]);
    expect(await names('q=nothing-like-this')).toEqual([]);
    // Under three characters the folded text is scanned; from three on (SQLite) the trigram index answers: the same rules.
    expect(await set(`q=${encodeURIComponent('äl')}`)).toEqual(named('elev'));
    expect(await set(`q=${encodeURIComponent('ÖP')}`)).toEqual(named('oppna'));
    // Search syntax is taken literally.
    expect(await names(`q=${encodeURIComponent('"or" NEAR(')}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('pro*')}`)).toEqual([]);
    expect(await set('q=')).toEqual(await set(''));
    expect(await set('q=procapita&unitId=soc')).toEqual(named('procapita'));
    // Search follows a renamed system and its new aliases.
    await api.patch(s.zebra!.id, { version: 2, name: 'Nätverksövervakning', aliases: ['Zabbix'] });
    expect(await set(`q=${encodeURIComponent('NÄTVERK')}`)).toEqual(new Set(['Nätverksövervakning']));
    expect(await set('q=zabbix')).toEqual(new Set(['Nätverksövervakning']));
    expect(await names('q=zebra')).toEqual([]);
  });

  it('filters on open findings: with and without are the two halves of the register', async () => {
    const withOpen = new Set<string>();
    for (const system of Object.values(s)) {
      const res = await admin.get(`/api/findings?systemId=${system.id}&limit=1`);
      expect(res.statusCode).toBe(200);
      if ((res.json() as { items: unknown[] }).items.length) withOpen.add(system.name);
    }
    // Planned systems without roles have gaps; a retired one is no longer measured against the policy.
    expect((await api.lifecycle(s.bas!.id, 2, 'retired')).statusCode).toBe(200);
    withOpen.delete(s.bas!.name);
    expect(withOpen.size).toBeGreaterThan(0);
    expect(await set('withFindings=true')).toEqual(withOpen);
    expect(await set('withFindings=false')).toEqual(new Set([...(await set(''))].filter((n) => !withOpen.has(n))));
    expect(await set('withFindings=false')).toContain(s.bas!.name);
    expect(await set('withFindings=')).toEqual(await set(''));
    expect(await set('withFindings=true&unitId=utb')).toEqual(new Set([...withOpen].filter((n) => named('oppna', 'procapita2', 'elev', 'atgard').has(n))));
    expect((await api.list('withFindings=maybe')).statusCode).toBe(400);
  });

  it('carries the current holders of the roles asked for, none by default', async () => {
    const db = h.handle.db;
    await insertPerson(db, { id: 'p-anna', name: 'Anna Ägare', homeUnitId: 'hem' });
    await insertPerson(db, { id: 'p-bo', name: 'Bo Förvaltare', homeUnitId: 'hem' });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-anna', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-bo', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-anna', systemId: s.procapita!.id, validTo: '2020-01-01' }); // ended
    const holders = async (qs: string) => (await page(`q=lifecare${qs}`)).items[0]!.holders.map((x) => `${x.roleKey}:${x.holder.name}`);
    expect(await holders('')).toEqual([]);
    expect(await holders('&holders=systemagare')).toEqual(['systemagare:Anna Ägare']);
    expect(await holders('&holders=systemagare,systemforvaltare')).toEqual(['systemagare:Anna Ägare', 'systemforvaltare:Bo Förvaltare']);
    expect(await holders('&holders=all')).toEqual(['systemagare:Anna Ägare', 'systemforvaltare:Bo Förvaltare']);
    expect(await holders('&holders=driftansvarig')).toEqual([]);
    for (const bad of ['Systemägare', 'a,,b', ' ,', 'systemagare;drop']) {
      const res = await api.list(`holders=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {}), bad).toEqual(['holders']);
    }
  });

  it('sorts by every key both ways, ties broken by id', async () => {
    const all = (await page('limit=500')).items;
    expect(all).toHaveLength(10);
    for (const sort of SORTS) {
      const asc = [...all].sort((a, b) => cmp(keyOf[sort](a), keyOf[sort](b)) || cmp(a.id, b.id)).map((x) => x.id);
      expect(await ids(`sort=${sort}`), sort).toEqual(asc);
      expect(await ids(`sort=${sort}&dir=asc`), `${sort} asc`).toEqual(asc);
      expect(await ids(`sort=${sort}&dir=desc`), `${sort} desc`).toEqual([...asc].reverse());
    }
    expect((await names('sort=name')).slice(0, 4)).toEqual(['Basregister', 'Dokumenthantering', 'Elevhälsa', 'Lönesystem']);
    // Swedish alphabetical order: å, ä, ö after z, in that order (code points would put ä before å).
    expect((await names('sort=name')).slice(-4)).toEqual(['Zebra', 'Åtgärdsplan', 'Ärendehantering', 'Öppna skolan']);
    expect((await names('sort=registerNo&dir=desc')).slice(0, 2)).toEqual(['Dokumenthantering', 'Elevhälsa']);
    expect((await names('sort=confirmedAt&dir=desc')).slice(0, 1)).toEqual(['Öppna skolan']);
    expect((await names('sort=updatedAt&dir=desc')).slice(0, 2).sort()).toEqual(['Basregister', 'Procapita']);
  });

  it('walks every page of every sort without duplicates or gaps', async () => {
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc']) {
        for (const filter of ['', '&kommungemensamt=false', '&unitId=utb']) {
          const expected = await ids(`sort=${sort}&dir=${dir}${filter}`);
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const p: SystemsPageJson = await page(`limit=3&sort=${sort}&dir=${dir}${filter}${cursor ? `&cursor=${cursor}` : ''}`);
            expect(p.items.length).toBeLessThanOrEqual(3);
            seen.push(...p.items.map((x) => x.id));
            cursor = p.nextCursor;
            pages++;
          } while (cursor && pages < 20);
          expect(seen, `${sort} ${dir} ${filter}`).toEqual(expected);
          expect(new Set(seen).size).toBe(seen.length);
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 3)));
        }
      }
    }
    const last = await page('limit=10');
    expect(last.nextCursor).toBeNull();
  });

  it('pages through long names and refuses a cursor that does not fit the sort', async () => {
    const long = [await createSystem(admin, { name: 'Å'.repeat(200), owningUnitId: 'it' }), await createSystem(admin, { name: 'Ö'.repeat(200), owningUnitId: 'it' })];
    const p1 = await page('unitId=it&q=%C3%A5%C3%A5%C3%A5&limit=1');
    expect(p1.items.map((x) => x.id)).toEqual([long[0]!.id]);
    const byName = await page('unitId=it&limit=1');
    const seen = [...byName.items.map((x) => x.id)];
    let cursor = byName.nextCursor;
    while (cursor) {
      const next = await page(`unitId=it&limit=1&cursor=${cursor}`);
      seen.push(...next.items.map((x) => x.id));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual([s.zebra!.id, long[0]!.id, long[1]!.id]);

    // A cursor from the name order is no position in the register-number order (and the other way round).
    const nameCursor = (await page('sort=name&limit=2')).nextCursor!;
    const numberCursor = (await page('sort=registerNo&limit=2')).nextCursor!;
    const wrong = await api.list(`sort=registerNo&cursor=${nameCursor}`);
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).fields).toEqual({ cursor: 'Ogiltigt värde.' });
    expect((await api.list(`sort=name&cursor=${numberCursor}`)).statusCode).toBe(400);
    expect((await api.list(`sort=name&dir=desc&cursor=${nameCursor}`)).statusCode).toBe(400);
    expect((await api.list(`sort=registerNo&cursor=${numberCursor}`)).statusCode).toBe(200);
  });
});
