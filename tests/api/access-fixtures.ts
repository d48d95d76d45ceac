import type { Db } from '../../server/platform/db/index.ts';
import { fold, sortKey } from '../../server/platform/text.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, insertPerson, insertSystemsKommun, linkUserToPerson, type SystemJson } from '../fixtures/systems.ts';
import { type Agent, addUser, type Harness, setupAdmin, TEST_NOW } from './harness.ts';

/**
 * The access model's test world (docs/ACCESS.md), on the systems kommun (tests/fixtures/systems.ts):
 * - Procapita (owned by Hemtjänsten, Socialförvaltningen) and Skolportalen (owned by Åbyskolan, Utbildningsförvaltningen);
 * - people: Frida Förvaltare (systemförvaltare on Procapita), Bea Behörig (behörighetsadministratör on Procapita),
 *   Rut Läsare (no role), Olle Utanför (systemförvaltare on Skolportalen), and three staff with e-mail and employee id;
 * - users: the installation-wide administrator; frida, bea and rut with a user grant on Socialförvaltningen;
 *   olle with a user grant on Utbildningsförvaltningen; gun, a granskare on Socialförvaltningen.
 * Access roles, accounts and grants go straight into the database with the insert helpers below (the API under
 * test makes them too).
 */
export interface AccessWorld {
  admin: Agent;
  forvaltare: Agent;
  behorig: Agent;
  reader: Agent;
  outsider: Agent;
  granskare: Agent;
  sys: SystemJson;
  other: SystemJson;
  people: { anna: string; bo: string; cecilia: string; frida: string; olle: string };
}

export async function buildAccessWorld(h: Harness): Promise<AccessWorld> {
  const admin = await setupAdmin(h);
  const db = h.handle.db;
  await insertSystemsKommun(db);
  const sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
  const other = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'skola', hosting: 'saas' });
  await insertPerson(db, { id: 'p-frida', name: 'Frida Förvaltare', homeUnitId: 'soc' });
  await insertPerson(db, { id: 'p-bea', name: 'Bea Behörig', homeUnitId: 'soc' });
  await insertPerson(db, { id: 'p-rut', name: 'Rut Läsare', homeUnitId: 'soc' });
  await insertPerson(db, { id: 'p-olle', name: 'Olle Utanför', homeUnitId: 'utb' });
  await insertPerson(db, { id: 'p-gun', name: 'Gun Granskare', homeUnitId: 'soc' });
  await staff(db, 'p-anna', 'Anna Andersson', 'anna.andersson@kommun.test', 'E1001', 'hem');
  await staff(db, 'p-bo', 'Bo Berg', 'bo.berg@kommun.test', 'E1002', 'hem');
  await staff(db, 'p-cecilia', 'Cecilia Ek', 'cecilia.ek@kommun.test', 'E1003', 'skola');
  await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: sys.id });
  await assignRole(db, { roleKey: 'behorighetsadministrator', personId: 'p-bea', systemId: sys.id });
  await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-olle', systemId: other.id });
  const user = async (email: string, unit: string, person: string, role: 'user' | 'reviewer' = 'user') => {
    const agent = await addUser(h, admin, email, role);
    await grantOnUnit(db, email, role, unit);
    await linkUserToPerson(db, email, person);
    return agent;
  };
  return {
    admin,
    forvaltare: await user('frida@kommun.test', 'soc', 'p-frida'),
    behorig: await user('bea@kommun.test', 'soc', 'p-bea'),
    reader: await user('rut@kommun.test', 'soc', 'p-rut'),
    outsider: await user('olle@kommun.test', 'utb', 'p-olle'),
    granskare: await user('gun@kommun.test', 'soc', 'p-gun', 'reviewer'),
    sys,
    other,
    people: { anna: 'p-anna', bo: 'p-bo', cecilia: 'p-cecilia', frida: 'p-frida', olle: 'p-olle' },
  };
}

async function staff(db: Db, id: string, name: string, email: string, externalId: string, unit: string): Promise<void> {
  await insertPerson(db, { id, name, homeUnitId: unit });
  await db.updateTable('people').set({ email, external_id: externalId }).where('id', '=', id).execute();
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(6, '0')}`;

export async function insertAccessRole(db: Db, r: { systemId: string; name: string; privileged?: boolean; status?: 'active' | 'retired' }): Promise<string> {
  const id = nextId('ar');
  await db
    .insertInto('access_roles')
    .values({
      id,
      system_id: r.systemId,
      name: r.name,
      name_key: fold(r.name),
      name_sort: sortKey(r.name),
      description: null,
      privileged: r.privileged ? 1 : 0,
      status: r.status ?? 'active',
      created_at: TEST_NOW,
      updated_at: TEST_NOW,
      version: 1,
    })
    .execute();
  return id;
}

export async function insertAccount(
  db: Db,
  a: { systemId: string; username: string; personId?: string | null; type?: 'personal' | 'service' | 'shared' | 'administrator'; status?: 'active' | 'disabled' | 'removed'; email?: string | null },
): Promise<string> {
  const id = nextId('aa');
  await db
    .insertInto('access_accounts')
    .values({
      id,
      system_id: a.systemId,
      username: a.username,
      username_key: fold(a.username),
      display_name: null,
      email: a.email ?? null,
      type: a.type ?? 'personal',
      status: a.status ?? 'active',
      person_id: a.personId ?? null,
      last_login_at: null,
      created_at: TEST_NOW,
      updated_at: TEST_NOW,
      version: 1,
    })
    .execute();
  return id;
}

/** A grant (current unless endedAt is given), origin migration unless told. */
export async function insertGrant(
  db: Db,
  g: { systemId: string; accountId: string; accessRoleId: string; personId?: string | null; origin?: 'order' | 'import' | 'migration'; startedAt?: string; endedAt?: string | null },
): Promise<string> {
  const id = nextId('ag');
  await db
    .insertInto('access_grants')
    .values({
      id,
      system_id: g.systemId,
      account_id: g.accountId,
      access_role_id: g.accessRoleId,
      person_id: g.personId ?? null,
      origin: g.origin ?? 'migration',
      order_id: null,
      valid_from: '2025-01-01',
      valid_to: null,
      started_at: g.startedAt ?? TEST_NOW,
      ended_at: g.endedAt ?? null,
      end_reason: g.endedAt ? 'order' : null,
      end_order_id: null,
      ended_by: null,
      created_at: g.startedAt ?? TEST_NOW,
      version: 1,
    })
    .execute();
  return id;
}

/** Rows of the access tables and audit events, to show that a refused request wrote nothing. */
export async function accessCounts(db: Db): Promise<Record<string, number>> {
  const n = async (t: 'access_roles' | 'access_accounts' | 'access_grants' | 'access_imports' | 'audit_events') => (await db.selectFrom(t).selectAll().execute()).length;
  return { roles: await n('access_roles'), accounts: await n('access_accounts'), grants: await n('access_grants'), imports: await n('access_imports'), audit: await n('audit_events') };
}
