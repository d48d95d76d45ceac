import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// Access to systems (issue 15): Carl (chef of the unit) orders a privileged access role for Eva in the browser, Åsa
// (systemägare) approves, Ivar (behörighetsadministratör and systemförvaltare) executes it with a ticket and a user
// name; the grant shows on the system's access tab and on Eva's page. Eva is marked left: a removal order appears for
// Ivar, who executes it. Ivar imports a small user list through the import page. Every page passes axe, in Swedish and
// in English.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SHOTS = '/tmp/shots-access';
const FORVALTNING = 'Beställby socialförvaltning';
const UNIT = 'Beställby hemtjänst';
const SYSTEM = 'Beställby omsorgsjournal';
const PASSWORD = 'Stark-Fjällbjörk-42';
const CARL = { email: 'carl.chef@bestallby.test', name: 'Carl Beställare', password: PASSWORD };
const ASA = { email: 'asa.agare@bestallby.test', name: 'Åsa Godkännare', password: PASSWORD };
const IVAR = { email: 'ivar.verkstallare@bestallby.test', name: 'Ivar Verkställare', password: PASSWORD };
const EVA = { email: 'eva.ekstrom@bestallby.test', name: 'Eva Ekström' };
const HANDLAGGARE = 'Handläggare';
const ADMINISTRATOR = 'Systemadministratör';
const TICKET = 'INC-4711';
const EVA_USERNAME = 'eva.ek';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const csrf = async (page: Page) => ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;

async function post<T = { id: string }>(page: Page, url: string, data: unknown, status = 201): Promise<T> {
  const res = await page.request.post(url, { headers: { 'x-csrf-token': await csrf(page) }, data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

async function get<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

const adminLogin = (page: Page) => post(page, '/api/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
const logout = async (page: Page) => page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': await csrf(page) } });

/**
 * The world, through the API as the administrator: a förvaltning with a unit (hemtjänsten) whose chef is Carl, Eva
 * working there, a system owned by the förvaltning with Åsa as systemägare and Ivar as behörighetsadministratör and
 * systemförvaltare, and two access roles (one privileged). Carl, Åsa and Ivar get accounts under their work e-mail,
 * which links them to their person.
 */
async function ensureWorld(page: Page): Promise<{ systemId: string; evaId: string }> {
  await adminLogin(page);
  const found = await get<{ items: Array<{ id: string; name: string }> }>(page, `/api/systems?q=${encodeURIComponent(SYSTEM)}`);
  const existing = found.items.find((s) => s.name === SYSTEM);
  if (existing) {
    const people = await get<{ items: Array<{ id: string; name: string }> }>(page, `/api/people?q=${encodeURIComponent(EVA.name)}`);
    return { systemId: existing.id, evaId: people.items.find((p) => p.name === EVA.name)!.id };
  }

  const kommun = await post(page, '/api/org-units', { name: 'Beställby kommun', kind: 'kommun', parentId: null });
  const namnd = await post(page, '/api/org-units', { name: 'Beställby socialnämnd', kind: 'namnd', parentId: kommun.id });
  const forvaltning = await post(page, '/api/org-units', { name: FORVALTNING, kind: 'forvaltning', parentId: namnd.id });
  const unit = await post(page, '/api/org-units', { name: UNIT, kind: 'enhet', parentId: forvaltning.id });
  const person = (p: { name: string; email: string }, homeUnitId: string) =>
    post(page, '/api/people', { name: p.name, email: p.email, homeUnitId });
  const carl = await person(CARL, unit.id);
  const eva = await person(EVA, unit.id);
  const asa = await person(ASA, forvaltning.id);
  const ivar = await person(IVAR, forvaltning.id);
  await post(page, '/api/role-assignments', { roleKey: 'chef', subjectKind: 'unit', subjectId: unit.id, personId: carl.id });

  const facts = { kind: 'business', lifecycle: 'implementing', hosting: 'internal_it', personalData: 'sensitive' };
  const system = await post(page, '/api/systems', { name: SYSTEM, owningUnitId: forvaltning.id, ...facts });
  const holders = { systemagare: asa, systemforvaltare: ivar, behorighetsadministrator: ivar };
  for (const [roleKey, holder] of Object.entries(holders)) {
    await post(page, '/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: system.id, personId: holder.id });
  }
  const roles = `/api/systems/${system.id}/access-roles`;
  await post(page, roles, { name: HANDLAGGARE, description: 'Läser och skriver journaler', privileged: false });
  await post(page, roles, { name: ADMINISTRATOR, description: 'Administrerar systemet och alla journaler', privileged: true });

  for (const user of [CARL, ASA, IVAR]) {
    const invite = await post<{ url: string }>(page, '/api/invites', { email: user.email, name: user.name, role: 'user' });
    const token = new URL(invite.url).searchParams.get('token');
    await post(page, '/api/invites/accept', { token, name: user.name, password: user.password });
  }
  await logout(page);
  return { systemId: system.id, evaId: eva.id };
}

let world: { systemId: string; evaId: string };
let orderPath = '';

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('Carl orders the privileged access role for Eva; the form says what is missing and that it needs approval', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  world = await ensureWorld(page);
  await signIn(page, CARL.email, CARL.password);
  await navigateTo(page, 'Register', 'Behörighetsbeställningar');
  await expect(page.getByRole('heading', { level: 1, name: 'Behörighetsbeställningar' })).toBeVisible();
  // Nothing waits for Carl, so the "all" tab is chosen; it may hold other specs' orders (Carl reads the whole register).
  await expect(page.getByRole('tab', { name: /^Alla \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Mina beställningar (0)' }).click();
  await expect(page.getByText('Du har inte beställt något.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-1-orders-empty');

  await page.getByRole('link', { name: 'Ny beställning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny beställning' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Varför behövs behörigheten?' }).fill('');
  await page.getByRole('button', { name: 'Skicka beställningen' }).click();
  await expect(page.getByRole('heading', { name: 'Rätta följande för att gå vidare:' })).toBeVisible();
  await expect(page.getByText('Välj en person.').first()).toBeVisible();
  await expect(page.getByText('Välj ett system.').first()).toBeVisible();
  await expect(page.getByText('Skriv varför behörigheten behövs.').first()).toBeVisible();
  await expectNoAxeViolations(page);

  const who = page.getByRole('group', { name: 'Vem ska få behörigheten?' });
  await who.getByLabel('Sök person').fill(EVA.name);
  await expect(who.getByText('1 träff.')).toBeVisible();
  await who.getByLabel('Välj bland träffarna').selectOption({ label: `${EVA.name} (${UNIT}, ${EVA.email})` });
  const system = page.getByRole('group', { name: 'System', exact: true });
  await system.getByLabel('Sök system').fill(SYSTEM);
  await expect(system.getByText('1 träff.')).toBeVisible();
  await system.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  const role = page.getByLabel('Behörighet', { exact: true });
  await expect(role.getByRole('option', { name: `${ADMINISTRATOR} (privilegierad)` })).toBeAttached();
  await role.selectOption({ label: `${ADMINISTRATOR} (privilegierad)` });
  await expect(page.getByText('kräver godkännande av systemägaren')).toBeVisible();
  await page.getByRole('textbox', { name: 'Varför behövs behörigheten?' }).fill('Ny samordnare för journalerna från i dag.');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-2-new-order');
  await page.getByRole('button', { name: 'Skicka beställningen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Ny behörighet: ${ADMINISTRATOR} – ${SYSTEM}` })).toBeVisible();
  await expect(page.getByText('Beställningen är skickad. Den väntar nu på systemägarens godkännande.')).toBeVisible();
  orderPath = new URL(page.url()).pathname;
  const facts = page.getByRole('region', { name: 'Beställningen', exact: true });
  await expect(facts).toContainText('Väntar på godkännande');
  await expect(facts).toContainText(EVA.name);
  await expect(facts).toContainText('Krävs av systemägaren');
  const actions = page.getByRole('region', { name: 'Hantera beställningen', exact: true });
  await expect(actions.getByRole('button', { name: 'Godkänn' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Historik', exact: true })).toContainText(`Beställd av ${CARL.name}`);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-3-order-ordered');
});

test('Åsa sees it under "Att godkänna" and approves it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ASA.email, ASA.password);
  await page.goto('/access-orders');
  await expect(page.getByRole('tab', { name: 'Att godkänna (1)' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('row').filter({ hasText: EVA.name });
  await expect(row).toContainText('Privilegierad');
  await expect(row).toContainText('Väntar på godkännande');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-4-orders-to-approve');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}$`));

  const actions = page.getByRole('region', { name: 'Hantera beställningen', exact: true });
  await expect(actions.getByText('Behörigheten är privilegierad och kräver ditt godkännande')).toBeVisible();
  await expectNoAxeViolations(page);
  await actions.getByRole('button', { name: 'Godkänn' }).click();
  await expect(actions.getByText('Beställningen är godkänd och väntar nu på att verkställas.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Beställningen', exact: true })).toContainText('Väntar på att verkställas');
  await expect(page.getByRole('region', { name: 'Historik', exact: true })).toContainText(`Godkänd av ${ASA.name}`);
  await expectNoAxeViolations(page);
});

test('Ivar executes it with a ticket and a user name; the grant shows on the system and on Eva’s page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, IVAR.email, IVAR.password);
  await page.goto('/access-orders');
  await expect(page.getByRole('tab', { name: 'Att verkställa (1)' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('row').filter({ hasText: EVA.name }).getByRole('link').click();
  const actions = page.getByRole('region', { name: 'Hantera beställningen', exact: true });
  // Without a ticket the form says so at the field.
  await actions.getByRole('button', { name: 'Markera som verkställd' }).click();
  await expect(actions.getByText('Skriv ärendenumret.').first()).toBeVisible();
  await actions.getByLabel('Ärendenummer').fill(TICKET);
  await actions.getByLabel('Användarnamn i systemet').fill(EVA_USERNAME);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-5-order-execute');
  await actions.getByRole('button', { name: 'Markera som verkställd' }).click();
  await expect(actions.getByText('Beställningen är verkställd. Behörigheten gäller nu.')).toBeVisible();
  const facts = page.getByRole('region', { name: 'Beställningen', exact: true });
  await expect(facts).toContainText('Verkställd');
  await expect(facts).toContainText(TICKET);
  const trail = page.getByRole('region', { name: 'Historik', exact: true });
  await expect(trail).toContainText(`Beställd av ${CARL.name}`);
  await expect(trail).toContainText(`Godkänd av ${ASA.name}`);
  await expect(trail).toContainText(`Verkställd av ${IVAR.name}`);
  await expect(trail).toContainText(`Ärende: ${TICKET}`);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-6-order-done');

  // The system's access tab: the summary first, the roles, and Eva's grant from the order.
  await facts.getByRole('link', { name: SYSTEM }).click();
  await expect(page.getByRole('tab', { name: 'Behörigheter' })).toHaveAttribute('aria-selected', 'true');
  const summary = page.getByRole('region', { name: 'Sammanfattning', exact: true });
  await expect(summary).toContainText('2 behörigheter');
  await expect(summary).toContainText('1 privilegierad');
  await expect(summary).toContainText('1 aktuell tilldelning');
  const grants = page.getByRole('region', { name: 'Vem har vilken behörighet', exact: true });
  const grant = grants.getByRole('row').filter({ hasText: EVA_USERNAME });
  await expect(grant).toContainText(EVA.name);
  await expect(grant).toContainText(ADMINISTRATOR);
  await expect(grant).toContainText('Privilegierad');
  await expect(grant.getByRole('link', { name: 'Beställning' })).toBeVisible();
  await expect(grant.getByRole('button', { name: `Beställ borttagning av ${ADMINISTRATOR} för ${EVA.name}` })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Systemets behörigheter', exact: true })
      .getByRole('button', { name: `Ändra behörigheten ${HANDLAGGARE}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-7-system-access');

  // A removal is ordered from the row; it needs a reason, and only a chef of Eva's unit (or an administrator) may order
  // it: the dialog says so in words and nothing is ordered.
  await grant.getByRole('button', { name: `Beställ borttagning av ${ADMINISTRATOR} för ${EVA.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Beställ borttagning' });
  await dialog.getByRole('button', { name: 'Beställ borttagning' }).click();
  await expect(dialog.getByText('Skriv varför behörigheten ska tas bort.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Varför ska behörigheten tas bort?').fill('Behövs inte längre.');
  await dialog.getByRole('button', { name: 'Beställ borttagning' }).click();
  await expect(dialog.getByText(/Bara Chef för personens enhet/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();

  await grant.getByRole('link', { name: EVA.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: EVA.name })).toBeVisible();
  const access = page.getByRole('region', { name: 'Behörigheter', exact: true });
  const row = access.getByRole('row').filter({ hasText: SYSTEM });
  await expect(row).toContainText(ADMINISTRATOR);
  await expect(row).toContainText('Privilegierad');
  await expect(row.getByRole('link', { name: SYSTEM })).toBeVisible();
  await expect(access.getByRole('link', { name: `Beställ behörighet för ${EVA.name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-8-person-access');
});

test('a person marked left gets removal tasks: Ivar executes Eva’s removal', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Eva leaves (through the API, as the HR import would).
  await adminLogin(page);
  const eva = await get<{ version: number }>(page, `/api/people/${world.evaId}`);
  const res = await page.request.patch(`/api/people/${world.evaId}`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { version: eva.version, status: 'left' },
  });
  expect(res.status(), await res.text()).toBe(200);
  await logout(page);

  await signIn(page, IVAR.email, IVAR.password);
  const row = page.getByRole('row').filter({ hasText: 'Personen har slutat' });
  await expect(async () => {
    await page.goto('/access-orders?view=executor');
    await expect(row).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText(`Borttagning: ${ADMINISTRATOR}`);
  await expect(row).toContainText(EVA.name);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-9-removal-to-execute');

  await row.getByRole('link').click();
  const facts = page.getByRole('region', { name: 'Beställningen', exact: true });
  await expect(facts).toContainText('Personen har slutat');
  await expect(facts).toContainText(`konto ${EVA_USERNAME}`);
  const actions = page.getByRole('region', { name: 'Hantera beställningen', exact: true });
  await expect(actions.getByLabel('Användarnamn i systemet')).toHaveCount(0);
  await actions.getByLabel('Ärendenummer').fill('INC-4712');
  await expectNoAxeViolations(page);
  await actions.getByRole('button', { name: 'Markera som verkställd' }).click();
  await expect(actions.getByText('Borttagningen är verkställd.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historik', exact: true })).toContainText('Beställd av Ansvar: Personen har slutat');
  await expect(facts).toContainText('Verkställd, inte bekräftad');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-10-removal-done');
  // Ivar has seen the account's access gone in the system, and confirms it.
  await actions.getByRole('button', { name: 'Bekräfta borttagningen' }).click();
  await expect(actions.getByText('Borttagningen är bekräftad.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historik', exact: true })).toContainText(`Borttagningen bekräftad av ${IVAR.name}`);
  await expect(actions.getByText('Beställningen är avslutad.')).toBeVisible();

  // Eva's page: nothing current, the ended grant behind the toggle with why it ended.
  await page.goto(`/people/${world.evaId}`);
  const access = page.getByRole('region', { name: 'Behörigheter', exact: true });
  await expect(access.getByText(`${EVA.name} har inga behörigheter i de system du kan se.`)).toBeVisible();
  await access.getByRole('checkbox', { name: 'Visa 1 avslutad behörighet' }).check();
  await expect(access.getByRole('row').filter({ hasText: SYSTEM })).toContainText('Personen har slutat');
  await expectNoAxeViolations(page);
});

test('Ivar imports a small user list through the import page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, IVAR.email, IVAR.password);
  await page.goto(`/systems/${world.systemId}?tab=access`);
  await page.getByRole('link', { name: 'Importera användarlista' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Importera användarlista – ${SYSTEM}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Without a file the form says so.
  await page.getByRole('button', { name: 'Läs filen och visa vad som ändras' }).click();
  await expect(page.getByText('Välj en fil.').first()).toBeVisible();

  const csv = [
    'Användarnamn;Namn;E-post;Behörighet',
    `asa.a;${ASA.name};${ASA.email};${HANDLAGGARE}`,
    'extern01;Konsult Extern;;Läsare',
  ].join('\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'anvandare.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByRole('radio', { name: 'Bara tillägg och ändringar' })).toBeChecked();
  await page.getByRole('button', { name: 'Läs filen och visa vad som ändras' }).click();
  const preview = page.getByRole('region', { name: 'Det här skulle ändras', exact: true });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('heading', { name: '1 ny behörighet' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: '1 konto att koppla till en person' })).toBeVisible();
  const rows = page.getByRole('region', { name: 'Rader i filen', exact: true });
  await expect(rows.getByRole('row').filter({ hasText: 'asa.a' })).toContainText(ASA.name);
  await expect(rows.getByRole('row').filter({ hasText: 'extern01' })).toContainText('Utan person');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-11-import-preview');

  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByRole('heading', { name: 'Användarlistan är importerad' })).toBeVisible();
  await page.getByRole('link', { name: 'Till systemets behörigheter' }).click();
  const summary = page.getByRole('region', { name: 'Sammanfattning', exact: true });
  await expect(summary).toContainText('3 behörigheter');
  await expect(summary).toContainText('1 konto utan person');
  await expect(summary).toContainText('2 aktuella tilldelningar');
  const accounts = page.getByRole('region', { name: 'Konton i systemet', exact: true });
  await accounts.getByRole('checkbox', { name: /Bara konton utan person/ }).check();
  await expect(accounts.getByRole('row').filter({ hasText: 'extern01' })).toContainText('Utan person');
  await expect(accounts.getByText('1 av 1 konto visas.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the pages in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  try {
    await page.goto('/access-orders?view=all');
    await expect(page.getByRole('heading', { level: 1, name: 'Access orders' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'The person has left' })).toContainText('Removal');
    await expectNoAxeViolations(page);
    await shot(page, 'en-1-orders');

    await page.goto(orderPath);
    await expect(page.getByRole('heading', { level: 1, name: `New access: ${ADMINISTRATOR} – ${SYSTEM}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'History', exact: true })).toContainText(`Carried out by ${IVAR.name}`);
    await expectNoAxeViolations(page);
    await shot(page, 'en-2-order');

    await page.goto(`/access-orders/new?systemId=${world.systemId}`);
    await expect(page.getByText(`System: ${SYSTEM}`)).toBeVisible();
    await page.getByLabel('Access role', { exact: true }).selectOption({ label: `${ADMINISTRATOR} (privileged)` });
    await expect(page.getByText("needs the system owner's approval")).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'en-3-new-order');

    await page.goto(`/systems/${world.systemId}?tab=access`);
    await expect(page.getByRole('region', { name: 'Summary', exact: true })).toContainText('1 account without a person');
    const grants = page.getByRole('region', { name: 'Who has which access role', exact: true });
    await grants.getByRole('checkbox', { name: 'Show ended (history)' }).check();
    await expect(grants.getByRole('row').filter({ hasText: EVA_USERNAME })).toContainText('The person has left');
    await expectNoAxeViolations(page);
    await shot(page, 'en-4-system-access');

    await grants.getByRole('row').filter({ hasText: EVA_USERNAME }).getByRole('link', { name: EVA.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: EVA.name })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Show 1 ended grant' }).check();
    await expectNoAxeViolations(page);
    await shot(page, 'en-5-person-access');

    await page.goto(`/systems/${world.systemId}/access/import`);
    await page.getByRole('radio', { name: 'The whole user list' }).check();
    const csv = ['Username,Email,Role', `asa.a,${ASA.email},${HANDLAGGARE}`].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Read the file and show what changes' }).click();
    await expect(page.getByRole('region', { name: 'This would change', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'en-6-import-preview');
  } finally {
    await page.getByRole('button', { name: 'Svenska' }).click();
  }
});
