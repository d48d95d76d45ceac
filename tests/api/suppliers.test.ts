import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sessionChangesHeard } from '../../server/platform/auth/session-invalidation.ts';

interface SupplierJson {
  id: string;
  name: string;
  orgNumber: string | null;
  website: string | null;
  note: string | null;
  version: number;
  contacts: Array<{ id: string; name: string; email: string | null; phone: string | null; role: string | null }>;
  agreements: Array<{ id: string; title: string }>;
  can: { edit: boolean };
}

describe.each(dialects())('suppliers (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  const create = async (body: Record<string, unknown>, as: Agent = admin): Promise<SupplierJson> => {
    const res = await as.post('/api/suppliers', body);
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const patch = (id: string, body: Record<string, unknown>, as: Agent = admin) => as.request('PATCH', `/api/suppliers/${id}`, body);
  const count = async (table: 'suppliers' | 'supplier_contacts' | 'audit_events') => (await h.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
  const events = (id: string) =>
    h.handle.db.selectFrom('audit_events').select(['action', 'before_json', 'after_json']).where('entity_type', '=', 'supplier').where('entity_id', '=', id).orderBy('seq').execute();
  const names = (res: { json: () => { items: Array<{ name: string }> } }) => res.json().items.map((s) => s.name);

  it('registers, reads and changes a supplier and its contacts, each change audited', async () => {
    const res = await admin.post('/api/suppliers', { name: ' Tieto Sverige AB ', orgNumber: '5560160680', website: 'https://tieto.example', note: 'Ramavtal via Adda' });
    expect(res.statusCode).toBe(201);
    const s: SupplierJson = res.json();
    expect(s).toMatchObject({ name: 'Tieto Sverige AB', orgNumber: '556016-0680', website: 'https://tieto.example', note: 'Ramavtal via Adda', version: 1, contacts: [], agreements: [], can: { edit: true } });

    const withContact = (await admin.post(`/api/suppliers/${s.id}/contacts`, { name: 'Kim Kundansvarig', email: ' Kim@Tieto.EXAMPLE ', phone: '08-123 45', role: 'Kundansvarig' })).json() as SupplierJson;
    expect(withContact.contacts).toEqual([expect.objectContaining({ name: 'Kim Kundansvarig', email: 'kim@tieto.example', phone: '08-123 45', role: 'Kundansvarig' })]);
    const contactId = withContact.contacts[0]!.id;
    const changedContact = await admin.request('PATCH', `/api/suppliers/${s.id}/contacts/${contactId}`, { phone: null, role: 'Support' });
    expect(changedContact.statusCode).toBe(200);
    expect(changedContact.json().contacts[0]).toMatchObject({ phone: null, role: 'Support', email: 'kim@tieto.example' });
    expect(changedContact.json().version).toBe(1); // contacts do not move the supplier's version

    const changed = await patch(s.id, { version: 1, name: 'Tietoevry Sverige AB', orgNumber: '556016-0680', website: '' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Tietoevry Sverige AB', orgNumber: '556016-0680', website: null, version: 2 });
    expect((await patch(s.id, { version: 2, note: 'Ramavtal via Adda' })).json().version).toBe(2); // nothing changed, nothing written

    const removed = await admin.delete(`/api/suppliers/${s.id}/contacts/${contactId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().contacts).toEqual([]);
    expect((await admin.delete(`/api/suppliers/${s.id}/contacts/${contactId}`)).statusCode).toBe(404);

    const trail = await events(s.id);
    expect(trail.map((e) => e.action)).toEqual(['create', 'add_contact', 'update_contact', 'update', 'remove_contact']);
    expect(JSON.parse(trail[0]!.after_json!)).toEqual({ name: 'Tieto Sverige AB', orgNumber: '556016-0680', website: 'https://tieto.example', note: 'Ramavtal via Adda' });
    expect(JSON.parse(trail[2]!.before_json!)).toEqual({ contactId, phone: '08-123 45', role: 'Kundansvarig' });
    expect(JSON.parse(trail[3]!.after_json!)).toEqual({ name: 'Tietoevry Sverige AB', website: null });
    expect(JSON.parse(trail[4]!.before_json!)).toMatchObject({ contactId, name: 'Kim Kundansvarig' });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const existing = await create({ name: 'Visma Enterprise AB', orgNumber: '556016-0680' });
    const [suppliers, contacts, audit] = [await count('suppliers'), await count('supplier_contacts'), await count('audit_events')];

    const format = await admin.post('/api/suppliers', { name: 'X', orgNumber: '55601-6068' });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.fields).toEqual({ orgNumber: 'Ange organisationsnumret som tio siffror: NNNNNN-NNNN.' });
    const checksum = await admin.post('/api/suppliers', { name: 'X', orgNumber: '556016-0681' }, { headers: { 'accept-language': 'en' } });
    expect(checksum.json().error.fields).toEqual({ orgNumber: 'The organisation number is not valid: the check digit (the last digit) does not match.' });
    const taken = await admin.post('/api/suppliers', { name: 'Kopia AB', orgNumber: '5560160680' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual({ orgNumber: 'Leverantören Visma Enterprise AB har redan det organisationsnumret.' });
    const several = await admin.post('/api/suppliers', { name: '  ', website: 'ftp://files.example', colour: 'red' });
    expect(Object.keys(several.json().error.fields).sort()).toEqual(['colour', 'name', 'website']);
    expect(several.json().error.fields.website).toBe('Ange en webbadress som börjar med http:// eller https://.');
    const badContact = await admin.post(`/api/suppliers/${existing.id}/contacts`, { name: '', email: 'nope' });
    expect(Object.keys(badContact.json().error.fields).sort()).toEqual(['email', 'name']);
    expect((await admin.post('/api/suppliers/ghost/contacts', { name: 'X' })).statusCode).toBe(404);

    const other = await create({ name: 'Annan AB' });
    const [suppliers2, audit2] = [await count('suppliers'), await count('audit_events')];
    const patchTaken = await patch(other.id, { version: 1, orgNumber: '556016-0680' });
    expect(patchTaken.json().error.fields).toHaveProperty('orgNumber');
    expect((await patch(other.id, { name: 'No version' })).json().error.fields).toHaveProperty('version');
    expect((await patch('ghost', { version: 1, name: 'X' })).statusCode).toBe(404);
    expect(await count('suppliers')).toBe(suppliers2);
    expect(await count('audit_events')).toBe(audit2);
    expect(Number(suppliers2)).toBe(Number(suppliers) + 1);
    expect(Number(audit2)).toBe(Number(audit) + 1);
    expect(await count('supplier_contacts')).toBe(contacts);
    expect((await admin.get(`/api/suppliers/${other.id}`)).json()).toMatchObject({ orgNumber: null, version: 1 });
  });

  it('a stale version is a 409; of two edits from the same version exactly one wins', async () => {
    const s = await create({ name: 'Atea Sverige AB' });
    const other = await addUser(h, admin, 'other.admin@kommun.test', 'administrator');
    const both = await Promise.all([patch(s.id, { version: 1, note: 'Från admin' }), patch(s.id, { version: 1, note: 'Från other' }, other)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('conflict');
    expect((await admin.get(`/api/suppliers/${s.id}`)).json()).toMatchObject({ note: both.find((r) => r.statusCode === 200)!.json().note, version: 2 });
    expect((await events(s.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('pages by name with keyset cursors and searches ignoring case, å/ä/ö and organisation numbers included', async () => {
    for (const [name, orgNumber] of [['Öresunds Data AB', null], ['Bravida AB', null], ['Ånge IT AB', '212000-0142'], ['atea AB', null], ['Cgi Sverige AB', null]] as const) {
      await create({ name, orgNumber });
    }
    const p1 = (await admin.get('/api/suppliers?limit=2')).json();
    expect(p1.items.map((s: SupplierJson) => s.name)).toEqual(['atea AB', 'Bravida AB']);
    const p2 = (await admin.get(`/api/suppliers?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((s: SupplierJson) => s.name)).toEqual(['Cgi Sverige AB', 'Ånge IT AB']);
    const p3 = (await admin.get(`/api/suppliers?limit=2&cursor=${p2.nextCursor}`)).json();
    expect(p3).toMatchObject({ items: [{ name: 'Öresunds Data AB' }], nextCursor: null });
    expect((await admin.get('/api/suppliers?cursor=garbage')).statusCode).toBe(400);
    expect((await admin.get('/api/suppliers?limit=501')).statusCode).toBe(400);

    expect(names(await admin.get(`/api/suppliers?q=${encodeURIComponent('ÅNGE')}`))).toEqual(['Ånge IT AB']);
    expect(names(await admin.get(`/api/suppliers?q=${encodeURIComponent('öresund')}`))).toEqual(['Öresunds Data AB']);
    expect(names(await admin.get('/api/suppliers?q=ATEA'))).toEqual(['atea AB']);
    expect(names(await admin.get('/api/suppliers?q=212000'))).toEqual(['Ånge IT AB']);
    expect(names(await admin.get('/api/suppliers?q=%25'))).toEqual([]);
  });

  it('is registry data for everyone with systems:read; only systems:write changes it', async () => {
    const s = await create({ name: 'Sogeti Sverige AB' });
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    await grantOnUnit(h.handle.db, 'granskare@kommun.test', 'reviewer', 'skola');
    expect(names(await reviewer.get('/api/suppliers'))).toEqual(['Sogeti Sverige AB']);
    expect((await reviewer.get(`/api/suppliers/${s.id}`)).json()).toMatchObject({ name: 'Sogeti Sverige AB', can: { edit: false } });
    expect((await reviewer.post('/api/suppliers', { name: 'X' })).statusCode).toBe(403);
    expect((await patch(s.id, { version: 1, name: 'X' }, reviewer)).statusCode).toBe(403);
    expect((await reviewer.post(`/api/suppliers/${s.id}/contacts`, { name: 'X' })).statusCode).toBe(403);

    const socUser = await addUser(h, admin, 'anvandare@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'anvandare@kommun.test', 'user', 'hem');
    expect((await socUser.get(`/api/suppliers/${s.id}`)).json().can).toEqual({ edit: true });
    expect((await socUser.post(`/api/suppliers/${s.id}/contacts`, { name: 'Sam Support' })).statusCode).toBe(201);
    expect((await patch(s.id, { version: 1, website: 'http://sogeti.example' }, socUser)).statusCode).toBe(200);

    await h.handle.db.deleteFrom('permission_grants').where('id', '=', 'g-granskare@kommun.test').execute();
    await sessionChangesHeard(h.handle.db); // written beside the app: it hears of it a moment later
    expect((await reviewer.get('/api/suppliers')).statusCode).toBe(403);
    expect((await reviewer.get(`/api/suppliers/${s.id}`)).statusCode).toBe(403);
  });
});
