import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findingsPage } from '../../server/modules/findings/schemas.ts';
import { announce } from '../../server/platform/changes.ts';
import { assignRole, createSystem, expectBody, insertPerson, insertSystemsKommun, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Page = z.infer<typeof findingsPage>;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The access findings (docs/ACCESS.md, "Findings") as the findings list shows them. The rows are written straight
 * into the access tables (the access modules' own tests cover how they get there); the refresh reads them.
 * Procapita (Hemtjänsten) has a privileged role "Admin" and a role "Handläggare"; Frida is its systemförvaltare,
 * who the findings name.
 */
describe.each(dialects())('access findings (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let sys: SystemJson;
  const at = '2026-04-15T10:00:00.000Z';

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    for (const [id, name] of [['p-frida', 'Frida Förvaltare'], ['p-anna', 'Anna Ek'], ['p-bo', 'Bo Berg']] as const) await insertPerson(db, { id, name });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: sys.id });
    const role = (id: string, name: string, privileged: number) => ({
      id, system_id: sys.id, name, name_key: name.toLowerCase(), name_sort: name.toLowerCase(), description: null, privileged,
      status: 'active' as const, created_at: at, updated_at: at, version: 1,
    });
    await db.insertInto('access_roles').values([role('r-admin', 'Admin', 1), role('r-hand', 'Handläggare', 0)]).execute();
    const account = (id: string, username: string, personId: string | null) => ({
      id, system_id: sys.id, username, username_key: username, display_name: null, email: null, type: 'personal' as const, status: 'active' as const,
      person_id: personId, last_login_at: null, created_at: at, updated_at: at, version: 1,
    });
    await db.insertInto('access_accounts').values([account('a-anna', 'anna', 'p-anna'), account('a-bo', 'bo', 'p-bo'), account('a-x', 'x123', null)]).execute();
    const grant = (id: string, accountId: string, roleId: string, personId: string | null, orderId: string | null) => ({
      id, system_id: sys.id, account_id: accountId, access_role_id: roleId, person_id: personId, origin: orderId ? ('order' as const) : ('import' as const),
      order_id: orderId, valid_from: '2026-04-01', valid_to: null, started_at: at, ended_at: null, end_reason: null, end_order_id: null, ended_by: null,
      created_at: at, version: 1,
    });
    await db
      .insertInto('access_grants')
      .values([grant('g1', 'a-anna', 'r-hand', 'p-anna', 'o-old'), grant('g2', 'a-bo', 'r-admin', 'p-bo', null), grant('g3', 'a-x', 'r-hand', null, null)])
      .execute();
    announce(db, [{ entityType: 'system', entityId: sys.id, action: 'access' }]);
  });
  afterEach(async () => h.close());

  const advanceDays = async (days: number) => {
    h.clock.advance(days * DAY);
    await admin.login('admin@kommun.test'); // moving the clock ends the session
  };
  const findings = async (): Promise<Page['items']> => expectBody(await admin.get(`/api/findings?systemId=${sys.id}&limit=100`), 200, findingsPage).items;
  const accessKeys = async () =>
    (await findings())
      .map((f) => f.rule)
      .filter((k) => ['access_review_overdue', 'grant_of_left_person', 'account_unmatched', 'privileged_grant_without_order', 'order_waiting_execution', 'removal_not_executed'].includes(k))
      .sort();

  it('finds unmatched accounts and privileged grants without order, naming the systemförvaltare', async () => {
    const list = await findings();
    const unmatched = list.find((f) => f.rule === 'account_unmatched');
    expect(unmatched).toMatchObject({ severity: 'medium', text: '1 personligt konto i systemet Procapita hör inte till någon känd person.' });
    expect(unmatched?.actor?.name).toBe('Frida Förvaltare');
    expect(list.find((f) => f.rule === 'privileged_grant_without_order')?.text).toBe('1 privilegierad behörighet i systemet Procapita har ingen beställning.');
    expect(await accessKeys()).toEqual(['account_unmatched', 'privileged_grant_without_order']);
  });

  it('finds a person who left with grants still there, and resolves it when the grant ends', async () => {
    const db = h.handle.db;
    await db.updateTable('people').set({ status: 'left', left_at: at }).where('id', '=', 'p-anna').execute();
    announce(db, [{ entityType: 'person', entityId: 'p-anna', action: 'update' }]);
    const left = (await findings()).find((f) => f.rule === 'grant_of_left_person');
    expect(left?.text).toBe('Anna Ek har slutat men har fortfarande 1 behörighet i systemet Procapita.');
    expect(left?.severity).toBe('high');
    await db.updateTable('access_grants').set({ ended_at: at, end_reason: 'offboarding' }).where('id', '=', 'g1').execute();
    announce(db, [{ entityType: 'system', entityId: sys.id, action: 'access' }]);
    expect(await accessKeys()).not.toContain('grant_of_left_person');
  });

  it('finds the review overdue six months after the oldest grant when one is privileged, until a closed review decided every grant', async () => {
    expect(await accessKeys()).not.toContain('access_review_overdue');
    await advanceDays(200);
    expect(await accessKeys()).toContain('access_review_overdue');
    const db = h.handle.db;
    const closedAt = h.clock.now().toISOString();
    await db
      .insertInto('access_reviews')
      .values({ id: 'rv1', name: 'Vår 2026', scope: 'systems', scope_unit_id: null, due_on: '2026-10-01', state: 'closed', created_by: null, created_at: closedAt,
        closed_by: null, closed_at: closedAt, items_total: 3, reminded_on: null, escalated_on: null, version: 2 })
      .execute();
    await db.insertInto('access_review_systems').values({ review_id: 'rv1', system_id: sys.id }).execute();
    const item = (grantId: string, decision: 'keep' | null) => ({
      review_id: 'rv1', grant_id: grantId, system_id: sys.id, account_id: 'a', access_role_id: 'r', person_id: null, privileged: 0, decision,
      comment: null, decided_by_person_id: null, decided_at: null, removal_order_id: null, version: 1,
    });
    await db.insertInto('access_review_items').values([item('g1', 'keep'), item('g2', 'keep'), item('g3', null)]).execute();
    announce(db, [{ entityType: 'system', entityId: sys.id, action: 'access' }]);
    // One grant was never decided: the system does not count as reviewed.
    expect(await accessKeys()).toContain('access_review_overdue');
    await db.updateTable('access_review_items').set({ decision: 'keep' }).where('grant_id', '=', 'g3').execute();
    announce(db, [{ entityType: 'system', entityId: sys.id, action: 'access' }]);
    expect(await accessKeys()).not.toContain('access_review_overdue');
  });

  it('finds an order waiting for execution past the pack’s days, and a removal sooner', async () => {
    const db = h.handle.db;
    const order = (id: string, kind: 'grant' | 'removal', personId: string) => ({
      id, kind, origin: kind === 'grant' ? ('ordered' as const) : ('offboarding' as const), state: 'awaiting_execution' as const, system_id: sys.id,
      access_role_id: 'r-hand', person_id: personId, account_id: null, grant_id: kind === 'removal' ? 'g1' : null, review_id: null, reason: null,
      valid_from: '2026-04-15', valid_to: null, approval_required: 0, ordered_by_person_id: null, ordered_by_user_id: null, ordered_at: at,
      decided_by_person_id: null, decided_at: null, decision_comment: null, executed_by_person_id: null, executed_by_user_id: null, executed_at: null,
      ticket_ref: null, confirmed_by_person_id: null, confirmed_at: null, cancelled_by_user_id: null, cancelled_at: null, updated_at: at, version: 1,
    });
    await db.insertInto('access_orders').values([order('o1', 'grant', 'p-bo'), order('o2', 'removal', 'p-anna')]).execute();
    announce(db, [{ entityType: 'system', entityId: sys.id, action: 'access' }]);
    expect(await accessKeys()).toEqual(['account_unmatched', 'privileged_grant_without_order']);
    await advanceDays(3);
    const soon = await findings();
    expect(soon.find((f) => f.rule === 'removal_not_executed')?.text).toBe('Borttagningen av Handläggare i systemet Procapita för Anna Ek har väntat på att verkställas sedan 2026-04-15.');
    expect(soon.map((f) => f.rule)).not.toContain('order_waiting_execution');
    await advanceDays(3);
    expect(await accessKeys()).toEqual(['account_unmatched', 'order_waiting_execution', 'privileged_grant_without_order', 'removal_not_executed']);
  });
});
