import { randomBytes } from 'node:crypto';
import type { AppRole } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import { countUsers, createAccount, preparePassword } from '../modules/accounts/index.ts';
import { createOrgUnit } from '../modules/org/index.ts';
import { createRoleAssignment } from '../modules/roles/index.ts';
import { createPerson, updatePerson } from '../modules/people/index.ts';
import type { Grant } from '../platform/access/permissions.ts';
import { inTransaction } from '../platform/audit/audit.ts';
import { servicesOf, systemCtx } from '../platform/context.ts';
import type { DbHandle } from '../platform/db/index.ts';
import { DEMO_KOMMUN, DEMO_UNITS, demoEmail, demoNames, demoTitle } from './demo-data.ts';
import { adoptDemoPolicy } from './demo-agreements.ts';
import { createDemoSystems } from './demo-systems.ts';

const EVERYTHING: Grant[] = [{ role: 'administrator', orgUnitId: null, includeSubunits: true }];

interface DemoPerson {
  id: string;
  name: string;
  email: string;
  version: number;
  unitKey: string;
  index: number;
}

/**
 * `ansvar demo`: a fictional kommun shaped like the seed policy, written through the same use cases as
 * the API (so the audit trail shows it). Only on an empty database. Deliberate gaps: Kultur- och
 * fritidsförvaltningen has no chef, Miljöförvaltningen has no nämnd above it, and the only
 * digitaliseringsstrateg has left.
 */
export async function demo(h: DbHandle, config: Config): Promise<number> {
  const services = servicesOf(h, config);
  const existing = await h.db.selectFrom('org_units').select('id').limit(1).execute();
  if ((await countUsers(h.db)) > 0 || existing.length > 0) {
    process.stderr.write('ansvar demo needs an empty database: use a fresh DATA_DIR (or DATABASE_URL).\n');
    return 73;
  }
  const ctx = systemCtx(services);
  // The policy as this kommun adopted it: its own name, not the seed kommun's.
  await adoptDemoPolicy(ctx, EVERYTHING, DEMO_KOMMUN);

  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const parentId = u.parent ? unitIds.get(u.parent)! : null;
    const unit = await createOrgUnit(ctx, EVERYTHING, { name: u.name, kind: u.kind, parentId, code: u.code ?? null, function: u.function ?? null });
    unitIds.set(u.key, unit.id);
  }

  const staffCount = DEMO_UNITS.reduce((n, u) => n + (u.staff ?? 0), 0);
  const names = demoNames(staffCount);
  const people: DemoPerson[] = [];
  const chefOf = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    for (let i = 0; i < (u.staff ?? 0); i++) {
      const name = names[people.length]!;
      const isChef = i === 0 && !u.noChef;
      const managerId = isChef ? nearestChef(u.parent, chefOf) : (chefOf.get(u.key) ?? nearestChef(u.parent, chefOf));
      const person = await createPerson(ctx, EVERYTHING, {
        name,
        email: demoEmail(name),
        title: demoTitle(u, i),
        homeUnitId: unitIds.get(u.key)!,
        managerId: managerId ?? null,
        externalId: `E${String(1001 + people.length)}`,
      });
      people.push({ id: person.id, name, email: demoEmail(name), version: person.version, unitKey: u.key, index: i });
      if (isChef) chefOf.set(u.key, person.id);
    }
  }

  const kommunId = unitIds.get('kommun')!;
  const assign = (roleKey: string, unitKey: string, personId: string) =>
    createRoleAssignment(ctx, EVERYTHING, { roleKey, subjectKind: 'unit', subjectId: unitKey === 'kommun' ? kommunId : unitIds.get(unitKey)!, personId });
  for (const [unitKey, personId] of chefOf) await assign('chef', unitKey, personId);
  const itStaff = people.filter((p) => p.unitKey === 'it');
  const itChef = itStaff[0]!;
  await assign('it_chef', 'kommun', itChef.id);
  await assign('driftansvarig', 'kommun', itStaff[1]!.id);
  const strateg = people.find((p) => p.unitKey === 'digi' && p.index === 1)!;
  await assign('digitaliseringsstrateg', 'kommun', strateg.id);
  // Gap: the only digitaliseringsstrateg has left the kommun.
  await updatePerson(ctx, EVERYTHING, strateg.id, { version: strateg.version, status: 'left' });

  const register = await createDemoSystems(ctx, EVERYTHING, unitIds, people, chefOf);

  const granskare = people.find((p) => p.unitKey === 'kansli' && p.index === 1)!;
  const handlaggare = people.find((p) => p.unitKey === 'aldre' && p.index === 1)!;
  const accounts: Array<{ person: DemoPerson; role: AppRole; label: string }> = [
    { person: itChef, role: 'administrator', label: 'administratör (IT-chef)' },
    { person: granskare, role: 'reviewer', label: 'granskare' },
    { person: handlaggare, role: 'user', label: 'användare' },
  ];
  const lines: string[] = [];
  for (const a of accounts) {
    const password = `${randomBytes(9).toString('base64url')}-${randomBytes(6).toString('base64url')}`;
    const passwordHash = await preparePassword(password);
    await inTransaction(ctx, (trx) => createAccount(trx, ctx, { email: a.person.email, name: a.person.name, passwordHash, role: a.role }));
    lines.push(`  ${a.label.padEnd(26)} ${a.person.email.padEnd(34)} ${password}`);
  }

  process.stdout.write(
    [
      `Demo kommun "${DEMO_KOMMUN}" created: ${DEMO_UNITS.length} org units, ${people.length} people, ${register.systems} systems,`,
      `${chefOf.size + 3 + register.assignments} role assignments.`,
      'Deliberate gaps (shown as findings): Kultur- och fritidsförvaltningen has no chef, Miljöförvaltningen has no',
      'nämnd above it, the only digitaliseringsstrateg has left, a SaaS system with sensitive personal data has no',
      'agreement, one system has no systemförvaltare, one sends data to a third country without a stated basis, and',
      `one depends on an avvecklat system. Of the ${register.agreements} agreements, one is in its notice period, one has ended and one`,
      'has no personuppgiftsbiträdesavtal; the suppliers run the systems their agreements cover.',
      '',
      'Demo accounts (passwords are generated now and shown only once):',
      ...lines,
      '',
      'Start the server with the same DATA_DIR: npm start',
      '',
    ].join('\n'),
  );
  return 0;
}

function nearestChef(unitKey: string | null, chefOf: Map<string, string>): string | undefined {
  let key = unitKey;
  while (key) {
    const chef = chefOf.get(key);
    if (chef) return chef;
    key = DEMO_UNITS.find((u) => u.key === key)?.parent ?? null;
  }
  return undefined;
}
