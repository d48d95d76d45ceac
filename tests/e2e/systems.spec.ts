import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// One system taken from registration to operation, step by step: later tests use what earlier ones made.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const KOMMUN = 'Systemby kommun';
const KS = 'Kommunstyrelsen i Systemby';
const FV = 'Systembyförvaltningen';
const FV_PATH = [KOMMUN, KS, FV].join(' / ');
const SYSTEM = 'Bygglovsärenden Systemby';
const OTHER = 'Kartportalen Systemby';
const PEOPLE = {
  owner: { name: 'Siv Ägarsson', email: 'siv@systemby.test', title: 'Förvaltningschef' },
  manager: { name: 'Fia Förvaltarsson', email: 'fia@systemby.test', title: 'Systemförvaltare' },
  ops: { name: 'Dan Driftsson', email: 'dan@systemby.test', title: 'Drifttekniker' },
};

/** JSON calls as the signed-in user of the page (its cookies), with the CSRF header for writes. */
async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const call = async <T>(method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> => {
    const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': token } });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    post: <T>(path: string, data: unknown) => call<T>('POST', path, data),
    patch: <T>(path: string, data: unknown) => call<T>('PATCH', path, data),
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
  };
}

async function openFromNav(page: Page, group: string, name: string, heading: string | RegExp): Promise<void> {
  await navigateTo(page, group, name);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function openSystem(page: Page, name = SYSTEM): Promise<void> {
  await openFromNav(page, 'Register', 'System', 'Systemförteckning');
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A tab by its label, with or without the count it shows ("Avvikelser (3)"). */
const tabNamed = (page: Page, name: string): Locator => page.getByRole('tab', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) });

async function openTab(page: Page, name: string): Promise<Locator> {
  await tabNamed(page, name).click();
  await expect(tabNamed(page, name)).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel');
}

async function assignRole(page: Page, role: string, search: string, person: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Ge någon en roll för systemet' });
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: role });
  await form.getByLabel('Sök person').fill(search);
  await expect(form.getByText('1 träff.')).toBeVisible();
  await form.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByText(`${person} har nu rollen ${role}.`)).toBeVisible();
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: a förvaltning and three people, made through the API', async ({ page }) => {
  await signIn(page);
  const api = await apiAs(page);
  const kommun = await api.post<{ id: string }>('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const ks = await api.post<{ id: string }>('/api/org-units', { name: KS, kind: 'kommunstyrelse', parentId: kommun.id });
  const fv = await api.post<{ id: string }>('/api/org-units', { name: FV, kind: 'forvaltning', parentId: ks.id });
  for (const person of Object.values(PEOPLE)) await api.post('/api/people', { ...person, homeUnitId: fv.id });
  await api.post('/api/systems', { name: OTHER, kind: 'e_service', owningUnitId: fv.id, hosting: 'saas' });
});

test('an administrator registers a system; missing fields are explained first', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Register', 'System', 'Systemförteckning');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Registrera system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera system' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing filled in: the summary takes focus and names each field; the fields say it too.
  await page.getByRole('button', { name: 'Registrera systemet' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Namn: Fyll i systemets namn.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Ägande förvaltning: Välj ägande förvaltning.' })).toBeVisible();
  await expect(page.getByText('Välj vilken typ av system det är.').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);

  // A link whose address is not one: the server refuses it on that very field.
  await page.getByLabel('Namn', { exact: true }).fill(SYSTEM);
  await page.getByLabel('Andra namn', { exact: true }).fill('Bygglov\nE-bygglov');
  await page.getByLabel('Typ av system', { exact: true }).selectOption({ label: 'Verksamhetssystem' });
  await page.getByLabel('Ägande förvaltning', { exact: true }).selectOption({ label: FV_PATH });
  await page.getByLabel('Kritikalitet', { exact: true }).selectOption({ label: 'Hög' });
  await page.getByLabel('Driftform', { exact: true }).selectOption({ label: 'Hos leverantören' });
  await page.getByRole('button', { name: 'Lägg till länk' }).click();
  await expect(page.getByLabel('Länk 1: text')).toBeFocused();
  await page.getByLabel('Länk 1: text').fill('Manual');
  await page.getByLabel('Länk 1: adress').fill('intranätet/bygglov');
  await page.getByRole('button', { name: 'Registrera systemet' }).click();
  await expect(summary.getByRole('link', { name: /^Länk 1: adress: / })).toBeVisible();
  await expect(page.getByLabel('Länk 1: adress')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Länk 1: adress').fill('https://intranat.systemby.test/bygglov');
  await page.getByRole('button', { name: 'Registrera systemet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SYSTEM })).toBeVisible();
  await expect(page.getByText(new RegExp(`${SYSTEM} är registrerat som SYS-\\d{4}\\.`))).toBeVisible();
  await expect(page.getByText('Nuvarande läge: Planerad.')).toBeVisible();
});

test('the list: search ignores case (å/ä/ö too), filters live in the URL, columns sort and can be chosen', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Register', 'System', 'Systemförteckning');
  const status = page.locator('.list-status[aria-live="polite"]');
  const filters = page.getByRole('form', { name: 'Sök och filtrera system' });

  await filters.getByLabel('Sök', { exact: true }).fill('BYGGLOVSÄRENDEN');
  await filters.getByRole('button', { name: 'Visa system' }).click();
  await expect(status).toContainText('1 system visas. Sökning: ”BYGGLOVSÄRENDEN”.');
  await expect(page).toHaveURL(/q=BYGGLOVS%C3%84RENDEN/);
  await expect(page.getByRole('table').getByRole('link', { name: SYSTEM })).toBeVisible();

  await filters.getByLabel('Sök', { exact: true }).fill('');
  await filters.getByLabel('Förvaltning eller enhet', { exact: true }).selectOption({ label: FV_PATH });
  await filters.getByLabel('Driftform', { exact: true }).selectOption({ label: 'Molntjänst (SaaS)' });
  await filters.getByRole('button', { name: 'Visa system' }).click();
  await expect(page).toHaveURL(/hosting=saas/);
  await expect(status).toContainText('1 system visas.');
  await expect(page.getByRole('table').getByRole('link', { name: OTHER })).toBeVisible();
  // Back returns to the search before, with its result.
  await page.goBack();
  await expect(page).toHaveURL(/q=BYGGLOVS%C3%84RENDEN/);
  await expect(page.getByRole('table').getByRole('link', { name: SYSTEM })).toBeVisible();

  await filters.getByRole('button', { name: 'Rensa filter' }).click();
  await filters.getByLabel('Förvaltning eller enhet', { exact: true }).selectOption({ label: FV_PATH });
  await filters.getByRole('button', { name: 'Visa system' }).click();
  await expect(status).toContainText('2 system visas. Sorterat efter namn, stigande.');

  // Sorting: the header button says the order with aria-sort; the keyboard alone changes it.
  const nameHeader = page.getByRole('columnheader', { name: 'Namn' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(nameHeader.getByRole('button')).toBeFocused();
  await expect(status).toContainText('Sorterat efter namn, fallande.');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(OTHER);
  await page.getByRole('columnheader', { name: 'Registernummer' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Registernummer' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  // The rows in the new order have arrived before the columns are chosen.
  await expect(status).toContainText('Sorterat efter registernummer, stigande.');
  await expect(page.getByRole('table')).not.toHaveAttribute('aria-busy', 'true');

  // Columns: the choice is remembered after a reload.
  await page.getByText('Välj kolumner').click();
  const columns = page.getByRole('group', { name: 'Kolumner som visas' });
  await expect(columns.getByRole('checkbox', { name: 'Senast ändrad' })).toBeVisible();
  await columns.getByRole('checkbox', { name: 'Senast ändrad' }).check();
  await columns.getByRole('checkbox', { name: 'Driftform' }).uncheck();
  await expect(page.getByRole('columnheader', { name: 'Senast ändrad' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Senast ändrad' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Driftform' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('going into operation is refused until the roles are there; then it works', async ({ page }) => {
  await signIn(page);
  await openSystem(page);
  await page.getByRole('button', { name: 'Ta i drift' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Livscykeln ändrades inte.' });
  await expect(refused).toBeFocused();
  await expect(refused).toContainText(
    'Systemet kan inte tas i drift förrän någon har rollen: Systemägare, Systemförvaltare, Driftansvarig',
  );

  const panel = await openTab(page, 'Roller');
  await expect(panel.getByRole('table', { name: `Roller för ${SYSTEM}` }).getByRole('row', { name: /Systemägare/ })).toContainText('Ingen');
  await expectNoAxeViolations(page);
  await assignRole(page, 'Systemägare', 'ägarsson', PEOPLE.owner.name);
  await assignRole(page, 'Systemförvaltare', 'förvaltarsson', PEOPLE.manager.name);
  await assignRole(page, 'Driftansvarig – IT-driftsledare', 'driftsson', PEOPLE.ops.name);
  const roles = panel.getByRole('table', { name: `Roller för ${SYSTEM}` });
  await expect(roles.getByRole('row', { name: /Systemägare/ })).toContainText(PEOPLE.owner.name);
  await expect(roles.getByRole('row', { name: /Driftansvarig/ })).toContainText(PEOPLE.ops.name);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Ta i drift' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Livscykeln är ändrad. Nytt läge: I drift.' })).toBeVisible();
  await expect(page.getByText('Nuvarande läge: I drift.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Påbörja avveckling' })).toBeVisible();
});

test('editing: a bad field is explained, then fixed; a change made meanwhile is shown, not overwritten', async ({ page }) => {
  await signIn(page);
  await openSystem(page);
  const systemId = page.url().split('/systems/')[1]?.split('?')[0] ?? '';

  await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ändra uppgifter om systemet' })).toBeVisible();
  await page.getByLabel('Länk 1: adress').fill('ftp://gammal.systemby.test');
  await page.getByLabel('Antal användare', { exact: true }).fill('40');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.locator('ds-error-summary')).toBeFocused();
  await expect(page.locator('ds-error-summary').getByRole('link', { name: /^Länk 1: adress: / })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Länk 1: adress').fill('https://intranat.systemby.test/bygglov/manual');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^40$/ })).toBeVisible();

  // Someone else saves a description while this user changes the number of users.
  await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
  await page.getByLabel('Antal användare', { exact: true }).fill('55');
  const api = await apiAs(page);
  const current = await api.get<{ version: number }>(`/api/systems/${systemId}`);
  await api.patch(`/api/systems/${systemId}`, { version: current.version, description: 'Ärenden om bygglov, från ansökan till beslut.' });
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat systemet medan du redigerade' });
  await expect(notice).toBeFocused();
  await expect(notice.getByRole('listitem')).toHaveText(['Beskrivning: Ärenden om bygglov, från ansökan till beslut.']);
  await expect(page.getByLabel('Antal användare', { exact: true })).toHaveValue('55');
  await expect(page.getByLabel('Beskrivning', { exact: true })).toHaveValue('Ärenden om bygglov, från ansökan till beslut.');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^55$/ })).toBeVisible();
  await expect(page.getByText('Ärenden om bygglov, från ansökan till beslut.')).toBeVisible();
});

test('the record is confirmed; the keyboard moves between tabs; responsibilities per area', async ({ page }) => {
  await signIn(page);
  await openSystem(page);
  await expect(page.getByText('Uppgifterna har aldrig bekräftats.')).toBeVisible();
  await page.getByRole('button', { name: 'Bekräfta oförändrad' }).click();
  await expect(page.getByText('Uppgifterna är bekräftade som oförändrade.')).toBeVisible();
  await expect(page.getByText(`Senast bekräftad av ${ADMIN.name},`)).toBeVisible();
  await expect(page.getByText(/Ska bekräftas igen senast/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard only: from the selected tab, the arrow key moves to the next one and shows it.
  await tabNamed(page, 'Översikt').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabNamed(page, 'Roller')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tabNamed(page, 'Roller')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Roller för systemet' })).toBeVisible();
  await expectNoAxeViolations(page);

  const responsibilities = await openTab(page, 'Ansvar');
  const register = responsibilities.getByRole('article', { name: 'Systemförteckning' });
  await expect(register.getByRole('link', { name: FV })).toBeVisible();
  // The policy by its title, never a rule id or a pack id.
  await expect(responsibilities).toContainText('Enligt IT-säkerhetspolicy');
  await expect(responsibilities).not.toContainText('Regel:');
  await expect(responsibilities).not.toContainText('systemforteckning.');
  await expect(responsibilities.getByRole('article', { name: 'Drift- och förvaltning' })).toContainText(PEOPLE.ops.name);
  await expectNoAxeViolations(page);
});

test('dependencies both ways, agreements, findings and history: each tab passes axe', async ({ page }) => {
  await signIn(page);
  await openSystem(page);
  await expectNoAxeViolations(page); // Översikt

  await openTab(page, 'Avtal');
  await expectNoAxeViolations(page);

  const dependencies = await openTab(page, 'Beroenden');
  await dependencies.getByLabel('Sök system').fill('kartportalen');
  await expect(dependencies.getByText('1 träff.')).toBeVisible();
  await dependencies.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  await dependencies.getByLabel('Beskrivning av beroendet').fill('Fastighetskartan');
  await dependencies.getByRole('button', { name: 'Lägg till beroendet' }).click();
  await expect(page.getByText(`Beroendet av ${OTHER} är tillagt.`)).toBeVisible();
  await expect(dependencies.getByRole('region', { name: `${SYSTEM} är beroende av` }).getByRole('link', { name: OTHER })).toBeVisible();
  await expectNoAxeViolations(page);

  const findings = await openTab(page, 'Avvikelser');
  await expect(findings.getByRole('heading', { level: 2, name: 'Avvikelser' })).toBeVisible();
  await expect(findings.getByText(/Systemägare/)).toHaveCount(0); // the roles are held now
  await expectNoAxeViolations(page);

  const history = await openTab(page, 'Historik');
  await expect(history.getByRole('row', { name: /Livscykel ändrad/ })).toContainText('Från Planerad till I drift.');
  await expect(history.getByRole('row', { name: /Bekräftat oförändrat/ })).toBeVisible();
  // Role events in words: which role, who, from which day.
  const ownerRow = history.getByRole('row').filter({ hasText: `Systemägare: ${PEOPLE.owner.name} från och med` });
  await expect(ownerRow).toContainText('Roll tilldelad');
  await expect(ownerRow).toContainText(/från och med \d{1,2} [a-zåäö]+\.? \d{4}/);
  await expectNoAxeViolations(page);
  // In English the server's words (role names) follow at once, not only the page's own.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(history.getByRole('row').filter({ hasText: `System owner: ${PEOPLE.owner.name} from` })).toContainText('Role assigned');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(ownerRow).toBeVisible();

  // The other side of the dependency shows it too.
  await openSystem(page, OTHER);
  const back = await openTab(page, 'Beroenden');
  await expect(back.getByRole('region', { name: `System som är beroende av ${OTHER}` }).getByRole('link', { name: SYSTEM })).toBeVisible();
});
