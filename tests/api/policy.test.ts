import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { Agent, TEST_NOW, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';
import { sessionChangesHeard } from '../../server/platform/auth/session-invalidation.ts';

interface PackDoc {
  id: string;
  version: string;
  title: { sv: string; en?: string };
  roles: Array<{ key: string; name: { sv: string; en?: string } }>;
  rules: Array<{ id: string; area: string; when?: unknown; party: Record<string, unknown> }>;
  [k: string]: unknown;
}

const at = TEST_NOW;

/** Rows inserted directly, as the organisation module would write them. */
// prettier-ignore
const unit = (id: string, name: string, kind: string, parent: string | null, fn: 'it_unit' | 'kansli' | null = null) => ({
  id, parent_id: parent, name, name_search: name.toLowerCase(), name_sort: sortKey(name.toLowerCase()), code: null, external_id: null, function: fn, kind, status: 'active' as const,
  created_at: at, updated_at: at, version: 1,
});
// prettier-ignore
const person = (id: string, name: string) => ({
  id, name, name_search: name.toLowerCase(), name_sort: sortKey(name.toLowerCase()), email: null, title: null, home_unit_id: null, manager_id: null, status: 'active' as const,
  left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
});
// prettier-ignore
const assignment = (id: string, roleKey: string, subjectId: string, personId: string) => ({
  id, role_key: roleKey, subject_kind: 'unit' as const, subject_id: subjectId, principal_kind: 'person' as const, principal_id: personId,
  valid_from: '2020-01-01', valid_to: null, created_at: at, created_by: null, ended_at: null, ended_by: null, note: null, version: 1,
});

/** Replaces a user's installation-wide grant by one on a single unit (and its sub-units). */
async function grantOnlyOn(h: Harness, agent: Agent, role: 'administrator' | 'user', unitId: string): Promise<void> {
  const me = (await agent.get('/api/me')).json();
  await h.handle.db.deleteFrom('permission_grants').where('user_id', '=', me.id).execute();
  // prettier-ignore
  const grant = { id: `g-${unitId}`, user_id: me.id, app_role: role, org_unit_id: unitId, include_subunits: 1, created_at: at, created_by: null };
  await h.handle.db.insertInto('permission_grants').values(grant).execute();
  await sessionChangesHeard(h.handle.db); // written beside the app: it hears of it a moment later
}

describe.each(dialects())('policy packs (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  const packRows = async () => h.handle.db.selectFrom('policy_packs').select(['id', 'version', 'status']).execute();
  const auditCount = async () => (await h.handle.db.selectFrom('audit_events').select('id').execute()).length;
  /** The default pack as a document to edit. */
  const defaultDoc = async (): Promise<PackDoc> => (await admin.get('/api/policy')).json().document;

  it('serves the default pack (the seed policy) until one is uploaded, and its YAML to download', async () => {
    const res = await admin.get('/api/policy');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ source: 'default', versionId: null, uploadedAt: null, uploadedBy: null });
    expect(body.document.id).toBe('svenljunga-it-sakerhetspolicy');
    expect(body.document.goals).toHaveLength(10);
    expect(body.document.areas).toHaveLength(14);
    expect(body.document.adoption).toEqual({});
    expect(body.document.settings.confirmationCadenceMonths).toEqual({ default: 12, samhallsviktig: 6 });

    const yaml = await admin.get('/api/policy/default.yaml');
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.body).toMatch(/^# Ansvar policy pack/);
    expect(parse(yaml.body).rules.length).toBe(body.document.rules.length);

    const roles = await admin.get('/api/roles', { headers: { 'accept-language': 'en' } });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().items.find((r: { key: string }) => r.key === 'it_chef')).toEqual({
      key: 'it_chef', name: 'IT infrastructure owner – Head of IT', description: expect.stringContaining('long-term technical development'),
      subjectKinds: ['organisation'], minHolders: 1, maxHolders: 1, holderKinds: ['person'],
    });
    expect((await admin.get('/api/roles')).json().items.map((r: { name: string }) => r.name)).toContain('Systemförvaltare');
    expect((await admin.get('/api/policy/versions')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('uploads YAML and then JSON: each becomes active, the previous is superseded, versions are listed and audited', async () => {
    const yamlText = (await admin.get('/api/policy/default.yaml')).body
      .replace('id: svenljunga-it-sakerhetspolicy', 'id: exempelby-it-sakerhetspolicy')
      .replace('version: "1.0.0"', 'version: "2026.1"');
    const first = await admin.post('/api/policy/versions', { yaml: yamlText, message: 'Antagen av KF' });
    expect(first.statusCode).toBe(201);
    const v1 = first.json();
    expect(v1).toMatchObject({ packId: 'exempelby-it-sakerhetspolicy', version: '2026.1', status: 'active', uploadedBy: { name: 'Ada Admin' } });
    expect(v1.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    const active = (await admin.get('/api/policy')).json();
    expect(active).toMatchObject({ source: 'uploaded', versionId: v1.id, uploadedBy: { name: 'Ada Admin' } });
    expect(active.document.id).toBe('exempelby-it-sakerhetspolicy');

    const doc = active.document as PackDoc;
    h.clock.advance(60_000);
    doc.version = '2026.2';
    doc.roles.find((r) => r.key === 'chef')!.name = { sv: 'Enhetschef', en: 'Unit manager' };
    const second = await admin.post('/api/policy/versions', { document: doc });
    expect(second.statusCode).toBe(201);
    const v2 = second.json();
    expect(v2.document.roles.find((r: { key: string }) => r.key === 'chef').name.sv).toBe('Enhetschef');
    expect((await admin.get('/api/roles')).json().items.map((r: { name: string }) => r.name)).toContain('Enhetschef');

    const rows = await packRows();
    expect(rows.map((r) => [r.version, r.status]).sort()).toEqual([['2026.1', 'superseded'], ['2026.2', 'active']]);
    const page1 = (await admin.get('/api/policy/versions?limit=1')).json();
    expect(page1.items.map((v: { version: string; status: string }) => [v.version, v.status])).toEqual([['2026.2', 'active']]);
    const page2 = (await admin.get(`/api/policy/versions?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((v: { version: string; status: string }) => [v.version, v.status])).toEqual([['2026.1', 'superseded']]);
    expect(page2.nextCursor).toBeNull();
    expect((await admin.get('/api/policy/versions?cursor=nonsense')).statusCode).toBe(400);

    const events = (await admin.get('/api/audit?entityType=policy_pack')).json().items;
    const trail = events.map((e: { action: string; entityId: string }) => [e.action, e.entityId]);
    expect(trail).toEqual([['upload', v2.id], ['supersede', v1.id], ['upload', v1.id]]);
    const after = { packId: 'exempelby-it-sakerhetspolicy', version: '2026.1', documentSha256: v1.documentSha256 };
    expect(events[2]).toMatchObject({ message: 'Antagen av KF', after });

    const again = await admin.post('/api/policy/versions', { document: doc });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.version).toMatch(/2026\.2/);
  });

  it('refuses a broken pack with errors named by their path, in the caller’s language, and writes nothing', async () => {
    const doc = await defaultDoc();
    doc.version = 'broken';
    doc.rules[3]!.when = { fact: 'system.insidNetwork', equals: true };
    doc.rules[4]!.area = 'okant_omrade';
    doc.rules[5]!.party = { select: 'role_holders', role: 'vaktmastare', on: 'subject' };
    doc.roles[0]!.key = 'Bad Key';
    const before = { rows: (await packRows()).length, audit: await auditCount() };

    const en = await admin.post('/api/policy/versions', { document: doc }, { headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.code).toBe('validation_failed');
    expect(en.json().error.fields).toEqual({ 'roles.0.key': expect.stringMatching(/^wrong format/) });

    doc.roles[0]!.key = 'it_chef';
    const res = await admin.post('/api/policy/versions', { document: doc }, { headers: { 'accept-language': 'en' } });
    const fields = res.json().error.fields;
    expect(fields['rules.3.when.fact']).toMatch(/^unknown fact 'system.insidNetwork'/);
    expect(fields['rules.4.area']).toMatch(/^unknown area 'okant_omrade'/);
    expect(fields['rules.5.party.role']).toMatch(/^unknown role 'vaktmastare'/);
    const sv = await admin.post('/api/policy/versions', { document: doc });
    expect(sv.json().error.fields['rules.3.when.fact']).toMatch(/^okänt faktum 'system.insidNetwork'/);

    const yaml = await admin.post('/api/policy/versions', { yaml: 'id: x\nrules: [\n  - a\n' });
    expect(yaml.statusCode).toBe(400);
    expect(yaml.json().error.fields.yaml).toMatch(/rad \d+/);
    const shape = await admin.post('/api/policy/versions', { yaml: stringify({ ...doc, rules: 'none' }) }, { headers: { 'accept-language': 'en' } });
    expect(shape.json().error.fields).toMatchObject({ rules: 'must be a list' });
    expect((await admin.post('/api/policy/versions', { document: doc, yaml: 'x: 1' })).json().error.fields.document).toBeTruthy();
    expect((await admin.post('/api/policy/versions', {})).statusCode).toBe(400);
    expect((await admin.post('/api/policy/versions', { document: 'not a pack' })).json().error.fields.document).toBeTruthy();

    expect((await packRows()).length).toBe(before.rows);
    expect(await auditCount()).toBe(before.audit);
    expect((await admin.get('/api/policy')).json().source).toBe('default');
  });

  it('only an installation-wide administrator may upload; reading needs a session', async () => {
    const doc = { ...(await defaultDoc()), version: 'x1' };
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    const user = await addUser(h, admin, 'user@kommun.test', 'user');
    expect((await reviewer.post('/api/policy/versions', { document: doc })).statusCode).toBe(403);
    expect((await user.post('/api/policy/versions', { document: doc })).statusCode).toBe(403);
    expect((await reviewer.get('/api/policy')).statusCode).toBe(200);
    expect((await user.get('/api/policy/versions')).statusCode).toBe(200);

    const guest = new Agent(h.app);
    expect((await guest.get('/api/policy')).statusCode).toBe(401);
    expect((await guest.get('/api/policy/default.yaml')).statusCode).toBe(401);
    expect((await guest.get('/api/policy/responsibilities')).statusCode).toBe(401);
    expect((await guest.get('/api/roles')).statusCode).toBe(401);
    expect((await guest.post('/api/policy/versions', { document: doc })).statusCode).toBe(401);

    // An administrator whose grant covers one unit may not change the policy of the whole installation.
    const scoped = await addUser(h, admin, 'scoped@kommun.test', 'user');
    await h.handle.db.insertInto('org_units').values(unit('u-sof', 'Socialförvaltningen', 'forvaltning', null)).execute();
    await grantOnlyOn(h, scoped, 'administrator', 'u-sof');
    expect((await scoped.post('/api/policy/versions', { document: doc })).statusCode).toBe(403);
    expect((await scoped.get('/api/policy')).statusCode).toBe(200);
    expect(await packRows()).toEqual([]);
  });

  it('uploads at the same time both become versions, and exactly one is active', async () => {
    const doc = await defaultDoc();
    const other = await addUser(h, admin, 'admin2@kommun.test', 'administrator');
    const results = await Promise.all([
      admin.post('/api/policy/versions', { document: { ...doc, version: 'a' } }),
      other.post('/api/policy/versions', { document: { ...doc, version: 'b' } }),
      admin.post('/api/policy/versions', { document: { ...doc, version: 'c' } }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const rows = await packRows();
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'active')).toHaveLength(1);
    const active = (await admin.get('/api/policy')).json();
    expect(active.versionId).toBe(rows.find((r) => r.status === 'active')!.id);
  });

  describe('responsibilities of a small organisation', () => {
    beforeEach(async () => {
      const db = h.handle.db;
      // prettier-ignore
      await db.insertInto('org_units').values([
        unit('k', 'Exempelby kommun', 'kommun', null), unit('ks', 'Kommunstyrelsen', 'kommunstyrelse', 'k'),
        unit('klf', 'Kommunledningsförvaltningen', 'forvaltning', 'ks'), unit('it', 'IT-enheten', 'enhet', 'klf', 'it_unit'),
        unit('kansli', 'Kansliet', 'enhet', 'klf', 'kansli'), unit('sn', 'Socialnämnden', 'namnd', 'k'),
        unit('sof', 'Socialförvaltningen', 'forvaltning', 'sn'),
      ]).execute();
      // prettier-ignore
      await db.insertInto('people').values([
        person('p-it', 'Ingrid IT-chef'), person('p-drift', 'Dan Drift'), person('p-digi', 'Disa Digi'), person('p-chef1', 'Karin Chef'),
        person('p-chef2', 'Kalle Chef'), person('p-chef3', 'Klara Chef'), person('p-chef4', 'Knut Chef'),
      ]).execute();
      // prettier-ignore
      await db.insertInto('role_assignments').values([
        assignment('a1', 'it_chef', 'k', 'p-it'), assignment('a2', 'driftansvarig', 'k', 'p-drift'),
        assignment('a3', 'digitaliseringsstrateg', 'k', 'p-digi'),
        assignment('a4', 'chef', 'klf', 'p-chef1'), assignment('a5', 'chef', 'it', 'p-chef2'), assignment('a6', 'chef', 'kansli', 'p-chef3'),
        assignment('a7', 'chef', 'sof', 'p-chef4'),
      ]).execute();
    });

    const orgOf = async (agent: Agent = admin) => {
      const res = await agent.get('/api/policy/responsibilities');
      expect(res.statusCode).toBe(200);
      return res.json().organisations[0];
    };
    const areaOf = (org: { areas: Array<{ area: string; responsibilities: unknown[] }> }, key: string) =>
      org.areas.find((a) => a.area === key)!.responsibilities as Array<{ ruleId: string; parties: Array<{ id: string }> }>;

    it('names the IT unit for backup, kommunstyrelsen and the nämnder for overall responsibility, with no findings', async () => {
      const org = await orgOf();
      expect(org.kommun).toEqual({ id: 'k', name: 'Exempelby kommun' });
      expect(org.findings).toEqual([]);
      const backup = areaOf(org, 'sakerhetskopiering_och_lagring');
      const itUnit = expect.objectContaining({ type: 'unit', id: 'it', name: 'IT-enheten' });
      const rule = { ruleId: 'sakerhetskopiering.it_enheten', conditional: true, resolution: 'resolved', parties: [itUnit] };
      expect(backup).toEqual([expect.objectContaining(rule)]);
      const overall = areaOf(org, 'overgripande_ansvar');
      expect(overall.find((r) => r.ruleId === 'overgripande.kommunstyrelsen')!.parties.map((p) => p.id)).toEqual(['ks']);
      expect(overall.find((r) => r.ruleId === 'overgripande.namnden')!.parties.map((p) => p.id)).toEqual(['ks', 'sn']);
      expect(overall.find((r) => r.ruleId === 'overgripande.it_chef')!.parties).toEqual([expect.objectContaining({ type: 'person', id: 'p-it' })]);
      expect(areaOf(org, 'behorighetsadministration')[0]).toMatchObject({ resolution: 'per_system', parties: [] });

      const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
      expect((await orgOf(reviewer)).kommun.id).toBe('k');

      // A user whose grant covers only Socialförvaltningen does not see the whole kommun's matrix.
      const scoped = await addUser(h, admin, 'soc@kommun.test', 'user');
      await grantOnlyOn(h, scoped, 'user', 'sof');
      const partial = await scoped.get('/api/policy/responsibilities');
      expect(partial.statusCode).toBe(200);
      expect(partial.json().organisations).toEqual([]);
    });

    it('reports findings when the IT unit is missing, a förvaltning has no nämnd, and a role is held only by a leaver', async () => {
      const db = h.handle.db;
      await db.updateTable('org_units').set({ function: null }).where('id', '=', 'it').execute();
      await db.insertInto('org_units').values(unit('mf', 'Miljöförvaltningen', 'forvaltning', 'k')).execute();
      await db.insertInto('people').values(person('p-mf', 'Maja Miljö')).execute();
      await db.insertInto('role_assignments').values(assignment('a8', 'chef', 'mf', 'p-mf')).execute();
      await db.updateTable('people').set({ status: 'left' }).where('id', '=', 'p-it').execute();

      const res = await admin.get('/api/policy/responsibilities', { headers: { 'accept-language': 'en' } });
      const org = res.json().organisations[0];
      const byKey = (key: string) => org.findings.filter((f: { key: string }) => f.key === key);
      const kommun = { kind: 'unit', id: 'k', name: 'Exempelby kommun' };
      const params = { kommun: 'Exempelby kommun', function: 'it_unit' };
      expect(byKey('unit_missing')).toEqual([expect.objectContaining({ severity: 'high', subject: kommun, params })]);
      const blocked = ['sakerhetskopiering.it_enheten', 'behorighetsbestallning.it_enheten', 'tilltradesskydd.it_enheten'];
      expect(byKey('unit_missing')[0].ruleIds).toEqual(expect.arrayContaining(blocked));
      expect(byKey('unit_missing')[0].text.sv).toMatch(/^Exempelby kommun har ingen enhet markerad som IT-enheten/);
      const mf = { kind: 'unit', id: 'mf', name: 'Miljöförvaltningen' };
      expect(byKey('forvaltning_without_namnd')).toEqual([expect.objectContaining({ subject: mf })]);
      const leaver = { severity: 'high', params: { role: 'it_chef', people: 'Ingrid IT-chef' }, ruleIds: ['overgripande.it_chef'] };
      expect(byKey('role_only_inactive_holders')).toEqual([expect.objectContaining(leaver)]);
      expect(areaOf(org, 'sakerhetskopiering_och_lagring')[0]).toMatchObject({ resolution: 'unresolved', parties: [] });
    });

    it('without a kommun there is nothing to assign, and that is a finding', async () => {
      await h.handle.db.deleteFrom('role_assignments').execute();
      await h.handle.db.updateTable('org_units').set({ status: 'inactive' }).where('id', '=', 'k').execute();
      const body = (await admin.get('/api/policy/responsibilities')).json();
      expect(body.organisations).toEqual([]);
      expect(body.findings.map((f: { key: string }) => f.key)).toEqual(['kommun_missing']);
      expect(body.pack).toEqual({ id: 'svenljunga-it-sakerhetspolicy', version: '1.0.0' });
    });
  });
});
