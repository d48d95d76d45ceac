import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun, insertUnit } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, stockholmDay, TEST_PASSWORD, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

interface FindingJson {
  id: string;
  rule: string;
  severity: string;
  status: string;
  subject: { kind: string; id: string | null; name: string | null };
  systemId: string | null;
  text: string;
  actor: { id: string; name: string } | null;
  since: string;
  resolvedAt: string | null;
}

const MONTH = 31 * 86_400_000;

describe.each(dialects())('findings (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    await insertUnit(h.handle.db, { id: 'ks', name: 'Kommunstyrelsen', parentId: 'kommun', kind: 'kommunstyrelse' });
    const at = h.clock.now().toISOString();
    const person = (id: string, name: string, home: string) => ({
      id, name, name_search: name.toLocaleLowerCase('sv-SE'), name_sort: sortKey(name.toLocaleLowerCase('sv-SE')), email: null, title: null, home_unit_id: home, manager_id: null,
      status: 'active' as const, left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
    });
    await h.handle.db.insertInto('people').values([person('p-sara', 'Sara Systemägare', 'soc'), person('p-fred', 'Fredrik Förvaltare', 'hem'), person('p-chef', 'Cecilia Chef', 'soc')]).execute();
  });
  afterEach(async () => h.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/systems', { kind: 'business', ...body });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; version: number };
  };
  const findings = async (query = '', as: Agent = admin): Promise<FindingJson[]> => {
    const res = await as.get(`/api/findings?limit=500${query}`);
    if (res.statusCode !== 200) throw new Error(res.body);
    // Whoever asks, the total counts exactly what they may see.
    expect(res.json().total).toBe(res.json().items.length);
    return res.json().items;
  };
  const rulesOf = (items: FindingJson[], systemId: string) => items.filter((f) => f.systemId === systemId).map((f) => f.rule).sort();
  const assign = (roleKey: string, subjectId: string, personId: string, subjectKind = 'system') =>
    admin.post('/api/role-assignments', { roleKey, subjectKind, subjectId, personId });
  const lifecycle = async (id: string, to: string) => {
    const { version } = (await admin.get(`/api/systems/${id}`)).json();
    return admin.post(`/api/systems/${id}/lifecycle`, { version, lifecycle: to });
  };

  it('opens findings for vacant roles and unknown facts, names who should act, and resolves them as data changes', async () => {
    const s = await create({ name: 'Procapita', owningUnitId: 'soc' });
    const before = await findings(`&systemId=${s.id}`);
    expect(rulesOf(before, s.id)).toEqual(expect.arrayContaining(['role_vacant', 'system_fact_missing']));
    const vacant = before.find((f) => f.rule === 'role_vacant')!;
    expect(vacant).toMatchObject({ severity: 'high', status: 'open', subject: { kind: 'system', id: s.id, name: 'Procapita' }, actor: null });
    expect(vacant.text).toMatch(/Procapita saknar/);

    // A chef of the owning förvaltning is who should act while the system has no systemägare.
    expect((await assign('chef', 'soc', 'p-chef', 'unit')).statusCode).toBe(201);
    expect((await findings(`&systemId=${s.id}`)).find((f) => f.rule === 'role_vacant')!.actor).toEqual({ id: 'p-chef', name: 'Cecilia Chef' });

    expect((await assign('systemagare', s.id, 'p-sara')).statusCode).toBe(201);
    expect((await assign('systemforvaltare', s.id, 'p-fred')).statusCode).toBe(201);
    const patched = await admin.request('PATCH', `/api/systems/${s.id}`, { version: s.version, hosting: 'internal_it', kommungemensamt: false, samhallsviktig: false });
    expect(patched.statusCode).toBe(200);
    const after = await findings(`&systemId=${s.id}`);
    expect(after.filter((f) => f.rule === 'role_vacant' && /systemägare|systemförvaltare/i.test(f.text))).toEqual([]);
    expect(after.filter((f) => f.rule === 'system_fact_missing')).toEqual([]);
    for (const f of after) expect(f.actor).toEqual({ id: 'p-sara', name: 'Sara Systemägare' });

    const history = await findings(`&systemId=${s.id}&status=resolved`);
    expect(history.length).toBeGreaterThan(0);
    for (const f of history) {
      expect(f.status).toBe('resolved');
      expect(f.resolvedAt).not.toBeNull();
    }
  });

  it('checks agreements, personal data, third-country transfers and dependencies on avvecklade systems', async () => {
    const saas = await create({ name: 'Molntjänsten', owningUnitId: 'utb', hosting: 'saas', personalData: 'sensitive', thirdCountryTransfer: true, lifecycle: 'implementing' });
    expect(rulesOf(await findings(), saas.id)).toEqual(expect.arrayContaining(['agreement_missing', 'dpa_missing', 'third_country_basis_missing']));

    // An agreement that ended, then one in its notice period, then a DPA that renews itself.
    const at = h.clock.now().toISOString();
    const today = stockholmDay(h.clock.now());
    const agreement = (id: string, title: string, end: string | null, extra: Record<string, unknown> = {}) => ({
      id, supplier_id: null, kind: 'supplier_agreement', title, reference: null, start_date: '2020-01-01', end_date: end, notice_months: 6,
      auto_renewal: 0, document_url: null, responsible_person_id: null, clause_logging: null, clause_backup: null, clause_destruction: null,
      clause_dpa: null, note: null, created_at: at, updated_at: at, version: 1, ...extra,
    });
    const link = (id: string) => h.handle.db.insertInto('agreement_systems').values({ agreement_id: id, system_id: saas.id }).execute();
    await h.handle.db.insertInto('agreements').values(agreement('a-old', 'Gamla avtalet', '2021-12-31')).execute();
    await link('a-old');
    const touch = async (note: string) => {
      // Agreements are written straight to the tables here; an audited change of the system marks it for a refresh.
      const { version } = (await admin.get(`/api/systems/${saas.id}`)).json();
      expect((await admin.request('PATCH', `/api/systems/${saas.id}`, { version, note })).statusCode).toBe(200);
    };
    await touch('gammalt avtal');
    let items = await findings(`&systemId=${saas.id}`);
    expect(rulesOf(items, saas.id)).toContain('agreement_ended');
    expect(items.find((f) => f.rule === 'agreement_ended')!.since).toBe('2021-12-31');
    expect(rulesOf(items, saas.id)).not.toContain('agreement_missing');
    const soon = new Date(Date.parse(today) + 60 * 86_400_000).toISOString().slice(0, 10);
    await h.handle.db.insertInto('agreements').values(agreement('a-new', 'Nya avtalet', soon, { clause_dpa: 1 })).execute();
    await link('a-new');
    await touch('nytt avtal');
    items = await findings(`&systemId=${saas.id}`);
    expect(rulesOf(items, saas.id)).toEqual(expect.arrayContaining(['agreement_in_notice']));
    expect(rulesOf(items, saas.id)).not.toContain('agreement_ended');
    expect(rulesOf(items, saas.id)).not.toContain('dpa_missing');

    const { version } = (await admin.get(`/api/systems/${saas.id}`)).json();
    await admin.request('PATCH', `/api/systems/${saas.id}`, { version, thirdCountryBasis: 'Standardavtalsklausuler (SCC)' });
    expect(rulesOf(await findings(), saas.id)).not.toContain('third_country_basis_missing');

    const old = await create({ name: 'Gamla ekonomisystemet', owningUnitId: 'utb' });
    const depends = await create({ name: 'Rapportverktyget', owningUnitId: 'utb', lifecycle: 'implementing' });
    expect((await admin.post(`/api/systems/${depends.id}/dependencies`, { dependsOnId: old.id })).statusCode).toBe(200);
    expect(rulesOf(await findings(), depends.id)).not.toContain('dependency_retired');
    expect((await lifecycle(old.id, 'retired')).statusCode).toBe(200);
    const dep = (await findings()).filter((f) => f.systemId === depends.id && f.rule === 'dependency_retired');
    expect(dep).toHaveLength(1);
    expect(dep[0]!.text).toMatch(/Gamla ekonomisystemet/);
    // An avvecklad system has no open findings.
    expect(rulesOf(await findings(), old.id)).toEqual([]);
  });

  it('words a retired dependency the caller may not see as "a system you do not have access to"', async () => {
    const old = await create({ name: 'Gamla elevregistret', owningUnitId: 'skola' });
    const mine = await create({ name: 'Procapita', owningUnitId: 'hem', lifecycle: 'implementing' });
    expect((await admin.post(`/api/systems/${mine.id}/dependencies`, { dependsOnId: old.id })).statusCode).toBe(200);
    expect((await lifecycle(old.id, 'retired')).statusCode).toBe(200);
    const soc = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');

    const text = async (as: Agent, lang: string) => {
      const res = await as.get(`/api/findings?rule=dependency_retired&systemId=${mine.id}`, { headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: FindingJson[] }).items.map((f) => f.text);
    };
    expect(await text(admin, 'sv')).toEqual(['Systemet Procapita är beroende av Gamla elevregistret, som är avvecklat.']);
    expect(await text(soc, 'sv')).toEqual(['Systemet Procapita är beroende av ett system som du inte har tillgång till, som är avvecklat.']);
    expect(await text(soc, 'en')).toEqual(['The system Procapita depends on a system you do not have access to, which is retired.']);
    expect((await soc.get(`/api/systems/${old.id}`)).statusCode).toBe(404);
  });

  it('confirmation falls overdue on the cadence and is resolved by confirming', async () => {
    const s = await create({ name: 'Lönesystemet', owningUnitId: 'soc', samhallsviktig: true });
    expect(rulesOf(await findings(), s.id)).not.toContain('confirmation_overdue');
    h.clock.advance(7 * MONTH); // samhällsviktig: every 6 months
    await admin.login('admin@kommun.test', TEST_PASSWORD); // the session did not last 7 months
    const overdue = (await findings()).find((f) => f.systemId === s.id && f.rule === 'confirmation_overdue')!;
    expect(overdue).toMatchObject({ severity: 'high' });
    expect(overdue.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { version } = (await admin.get(`/api/systems/${s.id}`)).json();
    expect((await admin.post(`/api/systems/${s.id}/confirm`, { version })).statusCode).toBe(200);
    expect(rulesOf(await findings(), s.id)).not.toContain('confirmation_overdue');
    const history = await findings(`&systemId=${s.id}&status=resolved&rule=confirmation_overdue`);
    expect(history).toHaveLength(1);
  });

  it('shows each förvaltning only its own findings; filters by unit subtree, rule and severity; pages by keyset', async () => {
    const soc = await create({ name: 'Socialsystemet', owningUnitId: 'hem' });
    const utb = await create({ name: 'Skolsystemet', owningUnitId: 'skola' });
    const user = await addUser(h, admin, 'utb@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'utb@kommun.test', 'user', 'utb');
    const seen = await findings('', user);
    expect(seen.some((f) => f.systemId === utb.id)).toBe(true);
    expect(seen.some((f) => f.systemId === soc.id)).toBe(false);
    expect(seen.some((f) => f.systemId === null)).toBe(false); // organisation-level findings need a wider grant
    expect(await findings(`&systemId=${soc.id}`, user)).toEqual([]);

    const inSoc = await findings('&unitId=soc');
    expect(inSoc.length).toBeGreaterThan(0);
    expect(inSoc.every((f) => f.systemId !== utb.id)).toBe(true);
    const high = await findings('&severity=high&rule=role_vacant');
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((f) => f.severity === 'high' && f.rule === 'role_vacant')).toBe(true);

    const all = await findings();
    const paged: string[] = [];
    let cursor: string | null = null;
    const totals: Array<number | null> = [];
    do {
      const res = await admin.get(`/api/findings?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.json().items.map((f: FindingJson) => f.id));
      totals.push(res.json().total);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((f) => f.id));
    // The total comes with the first page only, and counts what the filters let through.
    expect(totals[0]).toBe(all.length);
    expect(totals.slice(1).every((t) => t === null)).toBe(true);
    expect((await admin.get('/api/findings?limit=1&severity=high&rule=role_vacant')).json().total).toBe(high.length);
    expect(new Set(paged).size).toBe(paged.length);
    expect((await admin.get('/api/findings?severity=urgent&cursor=nope')).statusCode).toBe(400);
  });
});
