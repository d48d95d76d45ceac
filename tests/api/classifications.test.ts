import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findingsPage } from '../../server/modules/findings/schemas.ts';
import {
  classificationSchema, overviewSchema, overviewSystemsPage, requirementSchema, scalesSchema, systemClassificationsSchema,
  systemRequirementsSchema,
} from '../../server/modules/classifications/schemas.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Classification = z.infer<typeof classificationSchema>;

const api = (agent: Agent) => ({
  list: (systemId: string) => agent.get(`/api/systems/${systemId}/classifications`),
  create: (systemId: string, body: Record<string, unknown> = {}) => agent.post(`/api/systems/${systemId}/classifications`, body),
  patch: (id: string, body: Record<string, unknown>) => agent.request('PATCH', `/api/classifications/${id}`, body),
  submit: (id: string, rowVersion: number) => agent.post(`/api/classifications/${id}/submit`, { rowVersion }),
  approve: (id: string, rowVersion: number) => agent.post(`/api/classifications/${id}/approve`, { rowVersion }),
  reject: (id: string, rowVersion: number, reason: unknown) => agent.post(`/api/classifications/${id}/reject`, { rowVersion, reason }),
  support: (id: string) => agent.post(`/api/classifications/${id}/support`),
  requirements: (systemId: string) => agent.get(`/api/systems/${systemId}/requirements`),
  requirement: (systemId: string, key: string, body: Record<string, unknown>) => agent.request('PATCH', `/api/systems/${systemId}/requirements/${key}`, body),
});

const LEVELS = { confidentiality: 3, integrity: 2, availability: 2, traceability: 2 };
/** Answers that make the guide suggest LEVELS. */
const ANSWERS = {
  confidentiality: { kommun: 2, individuals: 3, society: 1 },
  integrity: { kommun: 2 },
  availability: { kommun: 2, society: 1 },
  traceability: { individuals: 2 },
};

describe.each(dialects())('information classification (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let forvaltare: Agent;
  let agare: Agent;
  let outsider: Agent;
  let sys: SystemJson;
  let other: SystemJson;

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it', personalData: 'sensitive' });
    other = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' });
    await insertPerson(db, { id: 'p-forv', name: 'Frida Förvaltare' });
    await insertPerson(db, { id: 'p-agare', name: 'Åke Ägare' });
    await insertPerson(db, { id: 'p-out', name: 'Olle Utanför' });
    await insertPerson(db, { id: 'p-drift', name: 'Dagny Drift' });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-forv', systemId: sys.id });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-agare', systemId: sys.id });
    for (const s of [sys, other]) await assignRole(db, { roleKey: 'driftansvarig', personId: 'p-drift', systemId: s.id });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-out', systemId: other.id });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-out', systemId: other.id });
    // Into operation through the API, so the findings follow as they do in use.
    for (const s of [sys, other]) {
      expect((await admin.post(`/api/systems/${s.id}/lifecycle`, { version: 1, lifecycle: 'implementing' })).statusCode).toBe(200);
      expect((await admin.post(`/api/systems/${s.id}/lifecycle`, { version: 2, lifecycle: 'in_operation' })).statusCode).toBe(200);
    }
    const user = async (email: string, unit: string, person: string) => {
      const agent = await addUser(h, admin, email, 'user');
      await grantOnUnit(db, email, 'user', unit);
      // Frida's account is linked to her person; Åke's belongs to his by his work e-mail address (from HR).
      if (person === 'p-agare') await db.updateTable('people').set({ email }).where('id', '=', person).execute();
      else await linkUserToPerson(db, email, person);
      return agent;
    };
    forvaltare = await user('frida@kommun.test', 'soc', 'p-forv');
    agare = await user('ake@kommun.test', 'soc', 'p-agare');
    outsider = await user('olle@kommun.test', 'utb', 'p-out');
  });
  afterEach(async () => h.close());

  const counts = async () => {
    const db = h.handle.db;
    const n = async (t: 'classifications' | 'system_requirements' | 'audit_events') => (await db.selectFrom(t).selectAll().execute()).length;
    return { classifications: await n('classifications'), requirements: await n('system_requirements'), audit: await n('audit_events') };
  };
  const findings = async (agent: Agent, qs: string) => expectBody(await agent.get(`/api/findings?${qs}`), 200, findingsPage).items;

  /** Frida classifies with the guide and submits; returns the submitted classification. */
  async function classifyAndSubmit(by: Agent = forvaltare): Promise<Classification> {
    const draft = expectBody(await api(by).create(sys.id, { answers: ANSWERS }), 201, classificationSchema);
    const withLevels = expectBody(await api(by).patch(draft.id, { rowVersion: draft.rowVersion, levels: LEVELS }), 200, classificationSchema);
    return expectBody(await api(by).submit(draft.id, withLevels.rowVersion), 200, classificationSchema);
  }

  it('serves the scales of the pack with labels in Swedish and English, and the guide’s questions', async () => {
    const scales = expectBody(await forvaltare.get('/api/classification-scales'), 200, scalesSchema);
    expect(scales.current).toEqual({ id: 'ansvar-1-4', version: '1' });
    const scale = scales.scales[0]!;
    expect(scale.aspects.map((a) => a.aspect)).toEqual(['confidentiality', 'integrity', 'availability', 'traceability']);
    for (const a of scale.aspects) {
      expect(a.levels.map((l) => l.number)).toEqual([0, 1, 2, 3, 4]);
      for (const l of a.levels) expect(l.label.sv && l.label.en && l.description.sv && l.description.en).toBeTruthy();
    }
    expect(scales.questions).toHaveLength(12);
    expect(scales.reviewMonths).toBe(12);
  });

  it('a systemförvaltare classifies with the guide, the systemägare approves, and the next version supersedes it', async () => {
    const draft = expectBody(await api(forvaltare).create(sys.id, { answers: ANSWERS }), 201, classificationSchema);
    expect(draft).toMatchObject({ version: 1, status: 'draft', method: 'guided', scale: { id: 'ansvar-1-4', version: '1', known: true } });
    // The register says sensitive personal data: the flags start from it, and the floor raises konfidentialitet.
    expect(draft.flags).toMatchObject({ personalData: true, sensitivePersonalData: true });
    expect(draft.suggestion.confidentiality.level).toBe(3);
    expect(draft.suggestion.integrity).toMatchObject({ level: 2 });
    expect(draft.suggestion.confidentiality.reasons.length).toBeGreaterThan(0);
    expect(draft.createdBy).not.toBeNull();
    expect(draft.can).toMatchObject({ edit: true, submit: true, approve: false });

    // Incomplete: every aspect needs a level.
    const incomplete = await api(forvaltare).submit(draft.id, draft.rowVersion);
    expect(incomplete.statusCode).toBe(400);
    expect(Object.keys(errorOf(incomplete).fields ?? {}).sort()).toEqual(['levels.availability', 'levels.confidentiality', 'levels.integrity', 'levels.traceability']);

    // A level other than the suggestion needs a justification.
    let c = expectBody(await api(forvaltare).patch(draft.id, { rowVersion: draft.rowVersion, levels: { ...LEVELS, availability: 3 } }), 200, classificationSchema);
    const unjustified = await api(forvaltare).submit(c.id, c.rowVersion);
    expect(unjustified.statusCode).toBe(400);
    expect(errorOf(unjustified).fields).toEqual({ 'justifications.availability': expect.stringContaining('(2)') });
    c = expectBody(await api(forvaltare).patch(c.id, { rowVersion: c.rowVersion, justifications: { availability: 'Larmkedjan hänger på systemet.' } }), 200, classificationSchema);
    const submitted = expectBody(await api(forvaltare).submit(c.id, c.rowVersion), 200, classificationSchema);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: { name: expect.any(String) }, can: { edit: false, approve: false } });

    // Frida is no approver; Åke (systemägare) is.
    const notApprover = await api(forvaltare).approve(c.id, submitted.rowVersion);
    expect(notApprover.statusCode).toBe(403);
    expect(errorOf(notApprover).fields?.status).toContain('Systemägare');
    const seenByAgare = expectBody(await api(agare).list(sys.id), 200, systemClassificationsSchema);
    expect(seenByAgare.items[0]!.can).toMatchObject({ approve: true, reject: true });
    const approved = expectBody(await api(agare).approve(c.id, submitted.rowVersion), 200, classificationSchema);
    expect(approved).toMatchObject({ status: 'approved', levels: { ...LEVELS, availability: 3 }, nextReviewAt: '2027-04-15', reviewDueAt: '2027-04-15' });
    expect(approved.decidedAs?.sv).toContain('Systemägare');

    // A new version starts from the approved one and, once approved, supersedes it.
    const v2 = expectBody(await api(forvaltare).create(sys.id), 201, classificationSchema);
    expect(v2).toMatchObject({ version: 2, status: 'draft', levels: { ...LEVELS, availability: 3 }, justifications: { availability: expect.any(String) } });
    expect((await api(forvaltare).create(sys.id)).statusCode).toBe(409);
    const v2s = expectBody(await api(forvaltare).submit(v2.id, v2.rowVersion), 200, classificationSchema);
    expectBody(await api(agare).approve(v2.id, v2s.rowVersion), 200, classificationSchema);
    const all = expectBody(await api(forvaltare).list(sys.id), 200, systemClassificationsSchema);
    expect(all.items.map((i) => [i.version, i.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(all.canCreate).toBe(true);

    // Every step is in the audit trail, named by its system.
    const trail = (await admin.get('/api/audit?entityType=classification&limit=50')).json() as { items: Array<{ action: string; objectName: string | null }> };
    expect(trail.items.map((e) => e.action).sort()).toEqual(['approve', 'approve', 'create', 'create', 'submit', 'submit', 'update', 'update']);
    expect(new Set(trail.items.map((e) => e.objectName))).toEqual(new Set(['Procapita']));
  });

  it('refuses levels off the scale and a scale the pack does not have, naming the field; nothing is written', async () => {
    const before = await counts();
    const badScale = await api(forvaltare).create(sys.id, { scale: { id: 'klassa-2019', version: '1' } });
    expect(badScale.statusCode).toBe(400);
    expect(Object.keys(errorOf(badScale).fields ?? {})).toEqual(['scale']);
    const badLevel = await api(forvaltare).create(sys.id, { levels: { confidentiality: 7 }, answers: { integrity: { kommun: 5 } } });
    expect(badLevel.statusCode).toBe(400);
    expect(Object.keys(errorOf(badLevel).fields ?? {}).sort()).toEqual(['answers.integrity.kommun', 'levels.confidentiality']);
    const notANumber = await api(forvaltare).create(sys.id, { levels: { confidentiality: 'hög' } });
    expect(notANumber.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const draft = expectBody(await api(forvaltare).create(sys.id), 201, classificationSchema);
    const en = await forvaltare.request('PATCH', `/api/classifications/${draft.id}`, { rowVersion: draft.rowVersion, levels: { traceability: 9 } }, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(errorOf(en).fields?.['levels.traceability']).toMatch(/not on the scale/);
    const rejectEmpty = await api(agare).reject(draft.id, draft.rowVersion, '');
    expect(rejectEmpty.statusCode).toBe(400);
  });

  it('the systemägare sends a classification back with the reason; the next version starts from it', async () => {
    const submitted = await classifyAndSubmit();
    const back = expectBody(await api(agare).reject(submitted.id, submitted.rowVersion, 'Tillgängligheten är för lågt satt.'), 200, classificationSchema);
    expect(back).toMatchObject({ status: 'rejected', rejectionReason: 'Tillgängligheten är för lågt satt.', decidedBy: { name: expect.any(String) } });
    expect((await api(agare).approve(submitted.id, back.rowVersion)).statusCode).toBe(409); // decided already
    const listed = expectBody(await api(forvaltare).list(sys.id), 200, systemClassificationsSchema);
    expect(listed.canCreate).toBe(true);
    const v2 = expectBody(await api(forvaltare).create(sys.id), 201, classificationSchema);
    expect(v2).toMatchObject({ version: 2, status: 'draft', levels: LEVELS, answers: ANSWERS });
    // Sent back is not approved: the system still lacks an approved classification.
    expect(await findings(admin, `systemId=${sys.id}&rule=classification_missing`)).toHaveLength(1);
  });

  it('refuses approving one’s own classification where the pack forbids it', async () => {
    // Åke is systemägare, so he may also classify; then he may not approve it himself.
    const own = await classifyAndSubmit(agare);
    const res = await api(agare).approve(own.id, own.rowVersion);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).fields?.status).toMatch(/själv/);
    const listed = expectBody(await api(agare).list(sys.id), 200, systemClassificationsSchema);
    expect(listed.items[0]).toMatchObject({ status: 'submitted', can: { approve: false } });
  });

  it("hides another förvaltning's system (404) and changes nothing", async () => {
    const submitted = await classifyAndSubmit();
    const before = await counts();
    const o = api(outsider);
    for (const res of [
      await o.list(sys.id),
      await o.create(sys.id, { levels: LEVELS }),
      await o.patch(submitted.id, { rowVersion: submitted.rowVersion, levels: LEVELS }),
      await o.submit(submitted.id, submitted.rowVersion),
      await o.approve(submitted.id, submitted.rowVersion),
      await o.reject(submitted.id, submitted.rowVersion, 'Nej'),
      await o.support(submitted.id),
      await o.requirements(sys.id),
      await o.requirement(sys.id, 'k3_flerfaktorsinloggning', { rowVersion: 0, status: 'met' }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(await counts()).toEqual(before);
    // The overview counts only what the caller sees.
    const overview = expectBody(await outsider.get('/api/classifications/overview'), 200, overviewSchema);
    expect(overview.total).toBe(1);
    expect(overview.forvaltningar.map((f) => f.unit?.name)).toEqual(['Utbildningsförvaltningen']);
  });

  it('a draft changed by two at once: the second is a 409 and its change is not written', async () => {
    const draft = expectBody(await api(forvaltare).create(sys.id), 201, classificationSchema);
    const [a, b] = await Promise.all([
      api(forvaltare).patch(draft.id, { rowVersion: draft.rowVersion, levels: { confidentiality: 2 } }),
      api(agare).patch(draft.id, { rowVersion: draft.rowVersion, levels: { confidentiality: 4 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 2 : 4;
    const now = expectBody(await api(forvaltare).list(sys.id), 200, systemClassificationsSchema);
    expect(now.items[0]!.levels.confidentiality).toBe(winner);
    expect(now.items[0]!.rowVersion).toBe(draft.rowVersion + 1);
    // A submitted classification no longer changes.
    const current = now.items[0]!;
    const sent = expectBody(
      await api(forvaltare).patch(current.id, { rowVersion: current.rowVersion, levels: LEVELS }),
      200,
      classificationSchema,
    );
    expectBody(await api(forvaltare).submit(sent.id, sent.rowVersion), 200, classificationSchema);
    const late = await api(forvaltare).patch(sent.id, { rowVersion: sent.rowVersion + 1, levels: { confidentiality: 1 } });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('refused');
  });

  it('the requirements follow the approved levels; one not met is a finding on the system, named to the systemförvaltare', async () => {
    const none = expectBody(await api(forvaltare).requirements(sys.id), 200, systemRequirementsSchema);
    expect(none).toMatchObject({ classification: null, items: [], canEdit: false });
    const missing = await findings(admin, `systemId=${sys.id}&rule=classification_missing`);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.actor?.name).toBe('Frida Förvaltare');

    const submitted = await classifyAndSubmit();
    expectBody(await api(agare).approve(submitted.id, submitted.rowVersion), 200, classificationSchema);
    expect(await findings(admin, `systemId=${sys.id}&rule=classification_missing`)).toHaveLength(0);

    const reqs = expectBody(await api(forvaltare).requirements(sys.id), 200, systemRequirementsSchema);
    const keys = reqs.items.map((r) => r.key);
    // Konfidentialitet 3 brings multi-factor sign-in; nothing of level 4 applies.
    expect(reqs.items.every((r) => r.minLevel <= LEVELS[r.aspect])).toBe(true);
    expect(reqs.items.some((r) => r.aspect === 'confidentiality' && r.minLevel === 3 && r.iso27002.includes('8.5'))).toBe(true);
    expect(reqs.counts.unassessed).toBe(keys.length);
    const mfa = reqs.items.find((r) => r.aspect === 'confidentiality' && r.minLevel === 3 && r.iso27002.includes('8.5'))!;

    // partly met needs a how; a stale version is a 409.
    const noHow = await api(forvaltare).requirement(sys.id, mfa.key, { rowVersion: 0, status: 'partly_met' });
    expect(noHow.statusCode).toBe(400);
    expect(Object.keys(errorOf(noHow).fields ?? {})).toEqual(['how']);
    const notMet = expectBody(await api(forvaltare).requirement(sys.id, mfa.key, { rowVersion: 0, status: 'not_met' }), 200, requirementSchema);
    expect(notMet).toMatchObject({ status: 'not_met', rowVersion: 1 });
    expect((await api(agare).requirement(sys.id, mfa.key, { rowVersion: 0, status: 'met' })).statusCode).toBe(409);
    const level4 = (await api(forvaltare).requirements(sys.id)).json() as { items: Array<{ key: string }> };
    expect(level4.items.some((i) => i.key.startsWith('k4'))).toBe(false);
    const k4 = await api(forvaltare).requirement(sys.id, 'k4_privilegierad_atkomst', { rowVersion: 0, status: 'met' });
    expect(k4.statusCode).toBe(409);
    expect((await api(forvaltare).requirement(sys.id, 'no_such_requirement', { rowVersion: 0, status: 'met' })).statusCode).toBe(404);

    const unmet = await findings(admin, `systemId=${sys.id}&rule=requirement_not_met`);
    expect(unmet).toHaveLength(1);
    expect(unmet[0]!.text).toContain(mfa.title.sv);
    expect(unmet[0]!.actor?.name).toBe('Frida Förvaltare');
    expect((await findings(admin, 'rule=requirement_not_met')).map((f) => f.systemId)).toEqual([sys.id]);

    expectBody(await api(forvaltare).requirement(sys.id, mfa.key, { rowVersion: 1, status: 'met', how: 'BankID via kommunens IdP' }), 200, requirementSchema);
    expect(await findings(admin, `systemId=${sys.id}&rule=requirement_not_met`)).toHaveLength(0);
  });

  it('the review falls due a year after approval, and at once when the hosting changes', async () => {
    const submitted = await classifyAndSubmit();
    expectBody(await api(agare).approve(submitted.id, submitted.rowVersion), 200, classificationSchema);
    expect(await findings(admin, `systemId=${sys.id}&rule=classification_review_due`)).toHaveLength(0);

    const fresh = (await admin.get(`/api/systems/${sys.id}`)).json() as { version: number };
    expect((await admin.request('PATCH', `/api/systems/${sys.id}`, { version: fresh.version, hosting: 'saas' })).statusCode).toBe(200);
    const due = await findings(admin, `systemId=${sys.id}&rule=classification_review_due`);
    expect(due).toHaveLength(1);
    expect(due[0]!.text).toContain('driftform');
    const listed = expectBody(await api(forvaltare).list(sys.id), 200, systemClassificationsSchema);
    expect(listed.items[0]!.reviewDueAt).toBe('2026-04-15');
    // The overview counts it, and its drill-down lists it (the same rule, counted by the database).
    const o = expectBody(await admin.get('/api/classifications/overview'), 200, overviewSchema);
    expect(o.reviewDue).toBe(1);
    const dueList = expectBody(await admin.get('/api/classifications/systems?state=review_due'), 200, overviewSystemsPage);
    expect(dueList.items.map((x) => [x.name, x.reviewDue])).toEqual([['Procapita', true]]);
  });

  it('a review date passed is due in the overview too', async () => {
    const submitted = await classifyAndSubmit();
    expectBody(await api(agare).approve(submitted.id, submitted.rowVersion), 200, classificationSchema);
    expect(expectBody(await admin.get('/api/classifications/overview'), 200, overviewSchema).reviewDue).toBe(0);
    h.clock.advance(366 * 86_400_000);
    expect((await admin.login('admin@kommun.test')).statusCode).toBe(200); // a year later the session has ended
    expect(expectBody(await admin.get('/api/classifications/overview'), 200, overviewSchema).reviewDue).toBe(1);
    expect(await findings(admin, `systemId=${sys.id}&rule=classification_review_due`)).toHaveLength(1);
  });

  it('the overview counts per förvaltning and drills down to the systems; the XLSX has the same rows', async () => {
    const submitted = await classifyAndSubmit();
    expectBody(await api(agare).approve(submitted.id, submitted.rowVersion), 200, classificationSchema);
    const o = expectBody(await admin.get('/api/classifications/overview'), 200, overviewSchema);
    expect(o).toMatchObject({ total: 2, approved: 1, missing: 1, inProgress: 0, reviewDue: 0 });
    expect(o.forvaltningar.map((f) => [f.unit?.name, f.total, f.approved, f.missing])).toEqual([
      ['Socialförvaltningen', 1, 1, 0],
      ['Utbildningsförvaltningen', 1, 0, 1],
    ]);
    const conf = o.distribution.find((d) => d.aspect === 'confidentiality')!;
    expect(conf.levels.find((l) => l.number === 3)?.count).toBe(1);

    const level3 = expectBody(await admin.get('/api/classifications/systems?aspect=confidentiality&level=3'), 200, overviewSystemsPage);
    expect(level3.items.map((s) => [s.name, s.forvaltning?.name, s.state])).toEqual([['Procapita', 'Socialförvaltningen', 'approved']]);
    const missing = expectBody(await admin.get('/api/classifications/systems?state=missing'), 200, overviewSystemsPage);
    expect(missing.items.map((s) => s.name)).toEqual(['Skolportalen']);
    const soc = expectBody(await admin.get('/api/classifications/overview?unitId=soc'), 200, overviewSchema);
    expect(soc.total).toBe(1);
    const paged = expectBody(await admin.get('/api/classifications/systems?limit=1'), 200, overviewSystemsPage);
    expect(paged.total).toBe(2);
    const rest = expectBody(await admin.get(`/api/classifications/systems?limit=1&cursor=${paged.nextCursor}`), 200, overviewSystemsPage);
    expect([...paged.items, ...rest.items].map((s) => s.name)).toEqual(['Procapita', 'Skolportalen']);
    expect([rest.total, rest.nextCursor]).toEqual([null, null]);
    expect((await admin.get('/api/classifications/systems?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await admin.get('/api/classifications/systems?state=everything')).statusCode).toBe(400);

    const xlsx = await admin.get('/api/classifications/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the support role is asked for help and sees every classification in progress', async () => {
    await insertPerson(h.handle.db, { id: 'p-strat', name: 'Stina Strateg' });
    await assignRole(h.handle.db, { roleKey: 'digitaliseringsstrateg', personId: 'p-strat', unitId: 'kommun' });
    const strateg = await addUser(h, admin, 'stina@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'stina@kommun.test', 'user', 'klf');
    await linkUserToPerson(h.handle.db, 'stina@kommun.test', 'p-strat');

    const draft = expectBody(await api(forvaltare).create(sys.id), 201, classificationSchema);
    const asked = expectBody(await api(forvaltare).support(draft.id), 200, classificationSchema);
    expect(asked.supportRequestedAt).not.toBeNull();
    expect(asked.can.requestSupport).toBe(false);

    // The overview counts a draft as in progress, not as missing.
    const during = expectBody(await admin.get('/api/classifications/overview'), 200, overviewSchema);
    expect(during).toMatchObject({ total: 2, approved: 0, inProgress: 1, missing: 1 });
    const inProgress = expectBody(await strateg.get('/api/classifications/systems?state=in_progress'), 200, overviewSystemsPage);
    expect(inProgress.items.map((s) => [s.name, s.inProgress])).toEqual([['Procapita', 'draft']]);
    const seen = expectBody(await api(strateg).list(sys.id), 200, systemClassificationsSchema);
    expect(seen.items[0]!.can).toEqual({ edit: false, submit: false, approve: false, reject: false, requestSupport: false });
    expect((await api(strateg).patch(draft.id, { rowVersion: asked.rowVersion, levels: LEVELS })).statusCode).toBe(403);
  });
});
