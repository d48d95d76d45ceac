import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun, insertUnit } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

/**
 * Role holders that are org units or suppliers (issue 11, part 2): POST /api/role-assignments with
 * principal {kind, id, contactId?}, what the policy pack allows per role, handover and end for every kind,
 * and the findings: a unit or supplier holding driftansvarig holds it; a deactivated unit holder and a
 * supplier holder without an agreement in force are findings.
 */
interface HolderJson {
  kind: string;
  id: string;
  name: string;
  status: string;
  contact: { id: string; name: string } | null;
}
interface AssignmentJson {
  id: string;
  roleKey: string;
  subjectId: string;
  holder: HolderJson;
  validFrom: string;
  validTo: string | null;
  current: boolean;
}
interface FindingJson {
  rule: string;
  subject: { kind: string; id: string | null; name: string | null };
  systemId: string | null;
  text: string;
}

describe.each(dialects())('role holders of every kind (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let cgi: string;
  let anna: string;
  let tieto: string;
  let bertil: string;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    await insertUnit(h.handle.db, { id: 'ks', name: 'Kommunstyrelsen', parentId: 'kommun', kind: 'kommunstyrelse' });
    await insertUnit(h.handle.db, { id: 'it', name: 'IT-enheten', parentId: 'kommun' });
    await insertUnit(h.handle.db, { id: 'gammal', name: 'Gamla IT-avdelningen', parentId: 'kommun', status: 'inactive' });
    const at = h.clock.now().toISOString();
    const person = (id: string, name: string, home: string) => ({
      id, name, name_search: name.toLocaleLowerCase('sv-SE'), name_sort: sortKey(name.toLocaleLowerCase('sv-SE')), email: null, title: null,
      home_unit_id: home, manager_id: null, status: 'active' as const, left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
    });
    await h.handle.db.insertInto('people').values([person('p-dan', 'Dan Drift', 'soc'), person('p-fred', 'Fredrik Förvaltare', 'hem')]).execute();
    const supplier = async (name: string, contact: string) => {
      const created = await admin.post('/api/suppliers', { name });
      if (created.statusCode !== 201) throw new Error(created.body);
      const id = created.json().id as string;
      const withContact = await admin.post(`/api/suppliers/${id}/contacts`, { name: contact });
      if (withContact.statusCode !== 201) throw new Error(withContact.body);
      return { id, contactId: withContact.json().contacts.find((c: { name: string }) => c.name === contact).id as string };
    };
    ({ id: cgi, contactId: anna } = await supplier('CGI', 'Anna Avtal'));
    ({ id: tieto, contactId: bertil } = await supplier('Tieto', 'Bertil Berg'));
  });
  afterEach(async () => h.close());

  const system = async (name: string, owningUnitId = 'soc') => {
    const res = await admin.post('/api/systems', { name, kind: 'business', owningUnitId });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  const assign = (body: Record<string, unknown>, as: Agent = admin) => as.post('/api/role-assignments', { subjectKind: 'system', ...body });
  const created = async (body: Record<string, unknown>): Promise<AssignmentJson> => {
    const res = await assign(body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const findings = async (query = ''): Promise<FindingJson[]> => {
    const res = await admin.get(`/api/findings?limit=500${query}`);
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().items;
  };
  /** The open findings about driftansvarig on a system, or on the kommun. */
  const driftFindings = async (systemId: string | null) =>
    (await findings(systemId ? `&systemId=${systemId}` : '&unitId=kommun'))
      .filter((f) => (systemId ? f.systemId === systemId : f.subject.id === 'kommun') && f.text.includes('Driftansvarig'))
      .map((f) => f.rule)
      .sort();
  const agreement = async (supplierId: string, systemIds: string[], dates: { startDate?: string; endDate?: string } = {}) => {
    const res = await admin.post('/api/agreements', { kind: 'supplier_agreement', title: `Driftavtal ${systemIds.length}`, supplierId, systemIds, ...dates });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };

  it('gives a role to a person (by principal or personId), a unit, and a supplier with or without its contact', async () => {
    const procapita = await system('Procapita');
    const byPrincipal = await created({ roleKey: 'systemagare', subjectId: procapita, principal: { kind: 'person', id: 'p-dan' } });
    expect(byPrincipal.holder).toEqual({ kind: 'person', id: 'p-dan', name: 'Dan Drift', status: 'active', contact: null });
    const byPersonId = await created({ roleKey: 'systemforvaltare', subjectId: procapita, personId: 'p-fred' });
    expect(byPersonId.holder).toMatchObject({ kind: 'person', id: 'p-fred', name: 'Fredrik Förvaltare' });
    const unit = await created({ roleKey: 'driftansvarig', subjectId: procapita, principal: { kind: 'unit', id: 'it' } });
    expect(unit.holder).toEqual({ kind: 'unit', id: 'it', name: 'IT-enheten', status: 'active', contact: null });
    const plain = await created({ roleKey: 'driftansvarig', subjectId: procapita, principal: { kind: 'supplier', id: tieto } });
    expect(plain.holder).toEqual({ kind: 'supplier', id: tieto, name: 'Tieto', status: 'active', contact: null });
    const treserva = await system('Treserva');
    const withContact = await created({ roleKey: 'behorighetsadministrator', subjectId: treserva, principal: { kind: 'supplier', id: cgi, contactId: anna } });
    expect(withContact.holder).toEqual({ kind: 'supplier', id: cgi, name: 'CGI', status: 'active', contact: { id: anna, name: 'Anna Avtal' } });

    // The system names its holders of every kind, by role and name.
    const view = (await admin.get(`/api/systems/${procapita}`)).json();
    expect(view.holders.map((x: { roleKey: string; holder: HolderJson }) => `${x.roleKey}:${x.holder.kind}:${x.holder.name}`)).toEqual([
      'driftansvarig:unit:IT-enheten', 'driftansvarig:supplier:Tieto', 'systemagare:person:Dan Drift', 'systemforvaltare:person:Fredrik Förvaltare',
    ]);
    // The list carries them too, when asked.
    const list = (await admin.get('/api/systems?q=treserva&holders=behorighetsadministrator')).json();
    expect(list.items[0].holders).toEqual([
      { roleKey: 'behorighetsadministrator', holder: { kind: 'supplier', id: cgi, name: 'CGI', status: 'active', contact: { id: anna, name: 'Anna Avtal' } } },
    ]);
    // Lists by holder: a unit's and a supplier's roles.
    const byUnit = (await admin.get('/api/role-assignments?principalKind=unit&principalId=it')).json().items as AssignmentJson[];
    expect(byUnit.map((a) => [a.roleKey, a.subjectId])).toEqual([['driftansvarig', procapita]]);
    const bySupplier = (await admin.get(`/api/role-assignments?principalKind=supplier&principalId=${cgi}`)).json().items as AssignmentJson[];
    expect(bySupplier.map((a) => [a.roleKey, a.subjectId])).toEqual([['behorighetsadministrator', treserva]]);
    // The history names the holder whatever its kind.
    const history = (await admin.get(`/api/systems/${procapita}/history`)).json().items as Array<{ holder: HolderJson | null; person: unknown }>;
    expect(history.filter((e) => e.holder?.kind === 'unit')).toEqual([expect.objectContaining({ person: null, holder: expect.objectContaining({ name: 'IT-enheten' }) })]);
  });

  it('refuses a kind the pack does not allow, an unknown or inactive unit, an unknown supplier and another supplier’s contact; writes nothing', async () => {
    const procapita = await system('Procapita');
    const count = async () => (await h.handle.db.selectFrom('role_assignments').select('id').execute()).length;
    const refused = async (body: Record<string, unknown>, field: string, text: RegExp, lang = 'sv') => {
      const res = await admin.post('/api/role-assignments', { subjectKind: 'system', subjectId: procapita, ...body }, { headers: { 'accept-language': lang } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[field]).toMatch(text);
    };
    // systemägare: only a person, says the default pack.
    await refused({ roleKey: 'systemagare', principal: { kind: 'unit', id: 'it' } }, 'principal', /Systemägare kan inte innehas av en organisationsenhet\. Policyn tillåter: en person/);
    await refused({ roleKey: 'systemagare', principal: { kind: 'supplier', id: cgi } }, 'principal', /role System owner cannot be held by a supplier/, 'en');
    await refused({ roleKey: 'chef', subjectKind: 'unit', subjectId: 'soc', principal: { kind: 'unit', id: 'it' } }, 'principal', /kan inte innehas av en organisationsenhet/);
    await refused({ roleKey: 'driftansvarig', principal: { kind: 'unit', id: 'no-such-unit' } }, 'principal', /Enheten finns inte/);
    await refused({ roleKey: 'driftansvarig', principal: { kind: 'unit', id: 'gammal' } }, 'principal', /inaktiv/);
    await refused({ roleKey: 'driftansvarig', principal: { kind: 'supplier', id: 'no-such-supplier' } }, 'principal', /Leverantören finns inte/);
    await refused({ roleKey: 'driftansvarig', principal: { kind: 'supplier', id: cgi, contactId: bertil } }, 'principal.contactId', /Kontaktpersonen finns inte/);
    await refused({ roleKey: 'driftansvarig', principal: { kind: 'unit', id: 'it', contactId: anna } }, 'principal.contactId', /bara anges för en leverantör/);
    expect(await count()).toBe(0);
  });

  it('hands a role over from a person to a unit, and ends a unit’s holding', async () => {
    const procapita = await system('Procapita');
    const dan = await created({ roleKey: 'driftansvarig', subjectId: procapita, personId: 'p-dan' });
    // Handing over to a kind the role does not allow is refused.
    const sa = await created({ roleKey: 'systemagare', subjectId: procapita, personId: 'p-fred' });
    const wrong = await admin.post(`/api/role-assignments/${sa.id}/handover`, { principal: { kind: 'unit', id: 'it' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.principal).toMatch(/kan inte innehas av en organisationsenhet/);

    const res = await admin.post(`/api/role-assignments/${dan.id}/handover`, { principal: { kind: 'unit', id: 'it' } });
    expect(res.statusCode, res.body).toBe(200);
    const { ended, started } = res.json() as { ended: AssignmentJson; started: AssignmentJson };
    expect(ended).toMatchObject({ id: dan.id, current: false, holder: { kind: 'person', id: 'p-dan' } });
    expect(started).toMatchObject({ current: true, holder: { kind: 'unit', id: 'it', name: 'IT-enheten' } });
    const current = async () =>
      ((await admin.get(`/api/role-assignments?subjectKind=system&subjectId=${procapita}&roleKey=driftansvarig&current=true`)).json().items as AssignmentJson[]).map(
        (a) => `${a.holder.kind}:${a.holder.name}`,
      );
    expect(await current()).toEqual(['unit:IT-enheten']);

    const end = await admin.post(`/api/role-assignments/${started.id}/end`, {});
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ holder: { kind: 'unit', id: 'it' }, current: false });
    expect(await current()).toEqual([]);
  });

  it('another förvaltning’s user cannot give a role to a unit or supplier on a system it cannot change', async () => {
    const skolsystem = await system('Skolsystemet', 'utb');
    const user = await addUser(h, admin, 'fred@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'fred@kommun.test', 'user', 'hem');
    for (const principal of [{ kind: 'unit', id: 'it' }, { kind: 'supplier', id: cgi }]) {
      const res = await assign({ roleKey: 'driftansvarig', subjectId: skolsystem, principal }, user);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.subjectId).toMatch(/finns inte/);
    }
    expect(await h.handle.db.selectFrom('role_assignments').select('id').execute()).toEqual([]);
  });

  it('counts a unit-held or supplier-held driftansvarig as held; a supplier without an agreement and a deactivated unit are findings', async () => {
    // The kommun's driftansvarig is required: vacant at first.
    expect(await driftFindings(null)).toEqual(['role_vacant']);
    await created({ roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: 'kommun', principal: { kind: 'unit', id: 'it' } });
    expect(await driftFindings(null)).toEqual([]);
    // The parties of the responsibility name the unit.
    const org = (await admin.get('/api/policy/responsibilities')).json();
    const parties = org.organisations[0].areas.flatMap((a: { responsibilities: Array<{ ruleId: string; parties: unknown[] }> }) => a.responsibilities)
      .find((r: { ruleId: string }) => r.ruleId === 'drift.driftansvarig').parties;
    expect(parties).toEqual([{ type: 'holder', holderKind: 'unit', id: 'it', name: 'IT-enheten', roleKey: 'driftansvarig', subjectId: 'kommun', contact: null }]);

    // A supplier as a system's driftansvarig, first without an agreement: held, but the agreement is missing.
    const procapita = await system('Procapita');
    await created({ roleKey: 'driftansvarig', subjectId: procapita, principal: { kind: 'supplier', id: cgi, contactId: anna } });
    expect(await driftFindings(procapita)).toEqual(['role_holder_agreement_missing']);
    const [missing] = (await findings(`&systemId=${procapita}&rule=role_holder_agreement_missing`));
    expect(missing!.text).toBe(
      'Rollen Driftansvarig – IT-driftsledare för Procapita innehas av leverantören CGI, men inget gällande avtal med leverantören är registrerat för systemet.',
    );
    const responsibilities = (await admin.get(`/api/systems/${procapita}/responsibilities`)).json();
    // The policy comes with its title, which the page shows instead of the pack's id.
    expect(responsibilities.pack.title.sv).toBe('IT-säkerhetspolicy – Svenljunga kommun');
    const drift = responsibilities.areas.flatMap((a: { responsibilities: Array<{ ruleId: string; parties: unknown[] }> }) => a.responsibilities)
      .find((r: { ruleId: string }) => r.ruleId === 'drift.driftansvarig');
    expect(drift.parties).toEqual([
      { type: 'holder', holderKind: 'supplier', id: cgi, name: 'CGI', roleKey: 'driftansvarig', subjectId: procapita, contact: { id: anna, name: 'Anna Avtal' } },
    ]);
    // An agreement that ended does not count; one in force does.
    const old = await agreement(cgi, [procapita], { startDate: '2020-01-01', endDate: '2025-12-31' });
    expect(await driftFindings(procapita)).toEqual(['role_holder_agreement_missing']);
    await agreement(cgi, [procapita], { startDate: '2026-01-01' });
    expect(await driftFindings(procapita)).toEqual([]);
    expect(old).toBeTruthy();

    // The IT unit is deactivated: it holds nothing, so the kommun's driftansvarig is vacant, and the unit is named.
    const { version } = (await admin.get('/api/org-units/it')).json();
    const off = await admin.post('/api/org-units/it/deactivate', { version });
    expect(off.statusCode, off.body).toBe(200);
    expect(await driftFindings(null)).toEqual(['role_holder_unit_inactive', 'role_vacant']);
    const inactive = (await findings('&rule=role_holder_unit_inactive'))[0]!;
    expect(inactive.text).toMatch(/^IT-enheten är inaktiverad i organisationen men innehar fortfarande rollen Driftansvarig – IT-driftsledare för Exempelby kommun\./);
  });
});
