import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// An access review (behörighetskontroll, issue 15): the administrator starts a campaign in the browser over a system
// whose user list was imported; Carl (chef of the unit) decides one grant on his own; Ivar (systemförvaltare) decides
// the rest in bulk, with the keyboard, one of them a removal, and meets a conflict said in words; the administrator
// closes the campaign, the removal becomes an order, the evidence downloads, and the removal is executed and confirmed.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SHOTS = '/tmp/shots-access-reviews';
const FORVALTNING = 'Kontrollby socialförvaltning';
const UNIT = 'Kontrollby hemtjänst';
const SYSTEM = 'Kontrollby omsorgsjournal';
const REVIEW = 'Behörighetskontroll hösten 2026';
const PASSWORD = 'Stark-Fjällbjörk-42';
const CARL = { email: 'carl.chef@kontrollby.test', name: 'Carl Chef', password: PASSWORD };
const IVAR = { email: 'ivar.forvaltare@kontrollby.test', name: 'Ivar Förvaltare', password: PASSWORD };
const ANNA = { email: 'anna.anstalld@kontrollby.test', name: 'Anna Anställd', username: 'anna.a' };
const BERTIL = { email: 'bertil.berg@kontrollby.test', name: 'Bertil Berg', username: 'bertil.b' };
const CECILIA = { email: 'cecilia.cedergren@kontrollby.test', name: 'Cecilia Cedergren', username: 'cecilia.c' };
const DAVID = { email: 'david.dahl@kontrollby.test', name: 'David Dahl', username: 'david.d' };
const HANDLAGGARE = 'Handläggare';
const ADMINISTRATOR = 'Systemadministratör';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** An ISO day `days` after today. */
const dayFromNow = (days: number): string => {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

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

/**
 * The world, through the API as the administrator: a förvaltning with a unit (hemtjänsten) whose chef is Carl, four
 * employees in it, a system owned by the förvaltning with Ivar as systemförvaltare, two access roles (one
 * privileged), and the system's user list imported (full) so that each employee holds one grant. Carl and Ivar get
 * accounts under their work e-mail (which links them to their person).
 */
async function ensureWorld(page: Page): Promise<string> {
  const login = await page.request.post('/api/auth/login', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  expect(login.ok()).toBe(true);
  const found = await get<{ items: Array<{ id: string; name: string }> }>(page, `/api/systems?q=${encodeURIComponent(SYSTEM)}`);
  const existing = found.items.find((s) => s.name === SYSTEM);
  if (existing) return existing.id;

  const kommun = await post(page, '/api/org-units', { name: 'Kontrollby kommun', kind: 'kommun', parentId: null });
  const namnd = await post(page, '/api/org-units', { name: 'Kontrollby socialnämnd', kind: 'namnd', parentId: kommun.id });
  const forvaltning = await post(page, '/api/org-units', { name: FORVALTNING, kind: 'forvaltning', parentId: namnd.id });
  const unit = await post(page, '/api/org-units', { name: UNIT, kind: 'enhet', parentId: forvaltning.id });
  const person = (p: { name: string; email: string }, homeUnitId: string) =>
    post(page, '/api/people', { name: p.name, email: p.email, homeUnitId });
  const carl = await person(CARL, unit.id);
  const ivar = await person(IVAR, forvaltning.id);
  for (const p of [ANNA, BERTIL, CECILIA, DAVID]) await person(p, unit.id);
  await post(page, '/api/role-assignments', { roleKey: 'chef', subjectKind: 'unit', subjectId: unit.id, personId: carl.id });

  const system = await post(page, '/api/systems', {
    name: SYSTEM,
    kind: 'business',
    owningUnitId: forvaltning.id,
    lifecycle: 'implementing',
    hosting: 'internal_it',
    personalData: 'sensitive',
  });
  await post(page, '/api/role-assignments', {
    roleKey: 'systemforvaltare',
    subjectKind: 'system',
    subjectId: system.id,
    personId: ivar.id,
  });
  await post(page, `/api/systems/${system.id}/access-roles`, {
    name: HANDLAGGARE,
    description: 'Läser och skriver journaler',
    privileged: false,
  });
  await post(page, `/api/systems/${system.id}/access-roles`, {
    name: ADMINISTRATOR,
    description: 'Administrerar systemet',
    privileged: true,
  });

  // The system's own user list: one role each, matched to the people by e-mail.
  const csv = [
    'Användarnamn,E-post,Roll',
    `${ANNA.username},${ANNA.email},${HANDLAGGARE}`,
    `${BERTIL.username},${BERTIL.email},${HANDLAGGARE}`,
    `${CECILIA.username},${CECILIA.email},${ADMINISTRATOR}`,
    `${DAVID.username},${DAVID.email},${HANDLAGGARE}`,
  ].join('\n');
  const dryRun = await page.request.post(`/api/systems/${system.id}/access/import`, {
    headers: { 'x-csrf-token': await csrf(page) },
    multipart: { mode: 'full', file: { name: 'anvandare.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') } },
  });
  expect(dryRun.status(), await dryRun.text()).toBe(200);
  const preview = (await dryRun.json()) as { id: string; counts: Record<string, number> };
  await post(page, `/api/access/imports/${preview.id}/apply`, {}, 200);
  const grants = await get<{ total: number }>(page, `/api/systems/${system.id}/grants`);
  expect(grants.total).toBe(4);

  for (const user of [CARL, IVAR]) {
    const invite = await post<{ url: string }>(page, '/api/invites', { email: user.email, name: user.name, role: 'user' });
    const token = new URL(invite.url).searchParams.get('token');
    await post(page, '/api/invites/accept', { token, name: user.name, password: user.password });
  }
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': await csrf(page) } });
  return system.id;
}

let reviewPath = '';

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('the administrator starts a campaign over the chosen system; the form says what is missing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ensureWorld(page);
  await signIn(page);
  await navigateTo(page, 'Styrning', 'Behörighetskontroller');
  await expect(page.getByRole('heading', { level: 1, name: 'Behörighetskontroller' })).toBeVisible();
  await expect(page.getByText('Ingen behörighetskontroll pågår.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-1-list-empty');

  await page.getByRole('link', { name: 'Ny behörighetskontroll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny behörighetskontroll' })).toBeVisible();
  await page.getByRole('button', { name: 'Starta behörighetskontrollen' }).click();
  await expect(page.getByText('Skriv ett namn.').first()).toBeVisible();
  await expect(page.getByText('Välj sista dag för beslut.').first()).toBeVisible();
  await expect(page.getByText('Lägg till minst ett system.').first()).toBeVisible();
  const problems = page.getByRole('heading', { name: 'Rätta följande för att gå vidare:' });
  await expect(problems).toBeVisible();
  // The summary links to each field.
  await page.getByRole('link', { name: 'Lägg till minst ett system.' }).click();
  await expect(page.getByLabel('Välj bland träffarna')).toBeFocused();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-2-new-errors');

  await page.getByLabel('Namn', { exact: true }).fill(REVIEW);
  await page.getByLabel('Sista dag för beslut').fill(dayFromNow(30));
  await page.getByLabel('Sök system').fill('omsorgsjournal');
  await expect(page.getByText('1 träff.')).toBeVisible();
  await page.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Lägg till systemet' }).click();
  await expect(page.getByText('1 system valt.')).toBeVisible();
  await expect(page.getByRole('button', { name: `Ta bort ${SYSTEM} ur kontrollen` })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-3-new-filled');
  await page.getByRole('button', { name: 'Starta behörighetskontrollen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: REVIEW })).toBeVisible();
  reviewPath = new URL(page.url()).pathname;
  await expect(page.getByText('Behörighetskontrollen har startat med 4 behörigheter att granska.')).toBeVisible();
  const facts = page.getByRole('region', { name: 'Sammanfattning' });
  await expect(facts).toContainText('1 valt system');
  await expect(facts).toContainText('0 av 4 beslutade (0 %)');
  const reviewers = page.getByRole('table', { name: new RegExp(`Granskare i ${REVIEW}`) });
  await expect(reviewers.getByRole('row', { name: new RegExp(CARL.name) })).toContainText('0 av 4 beslutade');
  await expect(reviewers.getByRole('row', { name: new RegExp(IVAR.name) })).toContainText('4 kvar');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-4-review');

  // The list shows it with its progress, in words and as a bar.
  await page.getByRole('link', { name: 'Alla behörighetskontroller' }).click();
  const row = page.getByRole('table', { name: /Behörighetskontroller/ }).getByRole('row', { name: new RegExp(REVIEW) });
  await expect(row).toContainText('0 av 4 beslutade (0 %)');
  await expect(row).toContainText('Pågår');
  await expect(row.getByRole('progressbar')).toHaveAttribute('value', '0');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-5-list');
});

test('Carl, the chef, opens his inbox and decides one grant on its own row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, CARL.email, CARL.password);
  await navigateTo(page, 'Styrning', 'Behörighetskontroller');
  await page.getByRole('link', { name: REVIEW }).click();
  await expect(page.getByRole('heading', { level: 1, name: REVIEW })).toBeVisible();
  // Carl reads the register of his unit, so he sees all of the campaign and its evidence (docs/ACCESS.md, "See a
  // review"); closing it is for whoever started it.
  await expect(page.getByRole('button', { name: 'Stäng behörighetskontrollen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Ladda ned som Excel' })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-6-review-as-reviewer');

  await page.getByRole('link', { name: 'Granska (4 kvar)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Granska: ${REVIEW}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '4 behörigheter.' })).toBeVisible();
  const bySystem = page.getByRole('table', { name: 'Dina behörigheter att granska, per system' });
  await expect(bySystem.getByRole('row')).toHaveCount(6); // the header, the system's heading row, four grants
  await expect(bySystem.getByRole('row', { name: new RegExp(CECILIA.name) })).toContainText(/Privilegierad/);
  // Before anyone tries: the comment rule is said beside the comment field.
  await expect(page.getByText('En kommentar krävs för att ändra en behörighet och för att behålla en privilegierad.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-7-inbox');

  await page.getByRole('radio', { name: 'Per person' }).check();
  await expect(page).toHaveURL(/group=person/);
  const byPerson = page.getByRole('table', { name: 'Dina behörigheter att granska, per person' });
  await expect(byPerson.getByRole('row')).toHaveCount(9); // the header, four people, each with one grant
  await byPerson.getByRole('button', { name: `Besluta om ${ANNA.name}: ${HANDLAGGARE} i ${SYSTEM}` }).click();
  const dialog = page.getByRole('dialog', { name: `Besluta om ${ANNA.name}` });
  await expect(dialog).toContainText(`Behörigheten ${HANDLAGGARE} i ${SYSTEM} (kontot ${ANNA.username}).`);
  await dialog.getByRole('radio', { name: 'Behåll' }).check();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-8-inbox-one-row');
  await dialog.getByRole('button', { name: 'Spara beslutet' }).click();
  await expect(page.getByText('Beslutet är sparat: 1 behörighet behålls.')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '3 behörigheter.' })).toBeVisible();

  // In English; with "only those not decided" off, Anna's grant shows who kept it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Review: ${REVIEW}` })).toBeVisible();
  await page.getByLabel('Only those not decided').uncheck();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const all = page.getByRole('table', { name: 'Your grants to review, by person' });
  await expect(all.getByRole('row', { name: new RegExp(`${ANNA.name}: ${HANDLAGGARE}`) })).toContainText(
    new RegExp(`Kept.*by ${CARL.name}`),
  );
  await expectNoAxeViolations(page);
  await shot(page, 'en-7-inbox');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Granska: ${REVIEW}` })).toBeVisible();
});

test('Ivar, the systemförvaltare, decides the rest in bulk with the keyboard; a conflict is said in words', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, IVAR.email, IVAR.password);
  await page.goto(`${reviewPath}/inbox`);
  await expect(page.getByRole('heading', { level: 1, name: `Granska: ${REVIEW}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 behörigheter.' })).toBeVisible();
  const bulk = page.getByRole('region', { name: 'Besluta om de valda' });

  // Bertil's grant is to be removed: chosen and decided with the keyboard alone.
  await page.getByRole('checkbox', { name: `Välj ${BERTIL.name}: ${HANDLAGGARE} i ${SYSTEM}` }).focus();
  await page.keyboard.press('Space');
  await expect(bulk.getByText('1 vald', { exact: true })).toBeVisible();
  await bulk.getByRole('radio', { name: 'Ta bort' }).focus();
  await page.keyboard.press('Space');
  await expect(bulk.getByRole('radio', { name: 'Ta bort' })).toBeChecked();
  await bulk.getByRole('button', { name: 'Besluta för 1 vald' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Beslutet är sparat: 1 behörighet tas bort när kontrollen stängs.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 behörigheter.' })).toBeVisible();

  // The two left, chosen at once from the table's header; the privileged one asks for a comment before anyone tries.
  await page.getByRole('checkbox', { name: 'Välj alla 2 visade behörigheter' }).focus();
  await page.keyboard.press('Space');
  await expect(bulk.getByText('2 valda', { exact: true })).toBeVisible();
  await expect(bulk.getByText(/En av de valda är privilegierad: för att behålla den krävs en kommentar/)).toBeVisible();
  await bulk.getByRole('radio', { name: 'Behåll' }).check();
  await expect(bulk.getByLabel('Kommentar (krävs)')).toBeVisible();
  await bulk.getByRole('button', { name: 'Besluta för 2 valda' }).click();
  await expect(bulk.getByText('Skriv varför den privilegierade behörigheten ska behållas.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-9-inbox-bulk-comment');

  // Meanwhile David's grant is decided elsewhere (here: through the API): the page's decision is stale.
  const reviewId = reviewPath.split('/').pop()!;
  const mine = await get<{ items: Array<{ grantId: string; version: number; person: { name: string } | null }> }>(
    page,
    `/api/access-reviews/${reviewId}/items?reviewer=me&decided=false`,
  );
  const david = mine.items.find((i) => i.person?.name === DAVID.name)!;
  await post(
    page,
    `/api/access-reviews/${reviewId}/decisions`,
    { decisions: [{ grantId: david.grantId, decision: 'keep', version: david.version }] },
    200,
  );
  await bulk.getByLabel('Kommentar (krävs)').fill('Cecilia är systemets administratör i hemtjänsten.');
  await bulk.getByRole('button', { name: 'Besluta för 2 valda' }).click();
  await expect(page.getByText('Någon annan hann besluta om detta; sidan har laddats om. Se över de valda och försök igen.')).toBeVisible();
  // The rows were read again: David's is decided and gone; Cecilia's is still chosen, the comment kept.
  await expect(page.getByRole('status').filter({ hasText: '1 behörighet.' })).toBeVisible();
  await bulk.getByRole('button', { name: 'Besluta för 1 vald' }).click();
  await expect(page.getByText('Beslutet är sparat: 1 behörighet behålls.')).toBeVisible();
  await expect(page.getByText('Du har beslutat om alla dina behörigheter i kontrollen. Bra jobbat!')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-10-inbox-done');
});

let orderPath = '';

test('the administrator closes the campaign: the removal becomes an order; the evidence downloads', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await page.goto(reviewPath);
  await expect(page.getByRole('heading', { level: 1, name: REVIEW })).toBeVisible();
  const facts = page.getByRole('region', { name: 'Sammanfattning' });
  await expect(facts).toContainText('4 av 4 beslutade (100 %)');
  await expect(facts.getByRole('definition').filter({ hasText: /^1$/ })).toHaveCount(1); // one to be removed
  const reviewers = page.getByRole('table', { name: new RegExp(`Granskare i ${REVIEW}`) });
  await expect(reviewers.getByRole('row', { name: new RegExp(IVAR.name) })).toContainText('Klar');

  // The evidence as a workbook.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ned som Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^behorighetskontroll-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByRole('link', { name: 'Ladda ned som PDF' })).toHaveAttribute('href', /evidence\.pdf$/);

  await page.getByRole('button', { name: 'Stäng behörighetskontrollen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stänga behörighetskontrollen?' });
  await expect(dialog).toContainText('1 behörighet som ska tas bort blir en beställning av borttagning.');
  await expect(dialog).toContainText('Alla behörigheter är beslutade.');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-11-close-question');
  await dialog.getByRole('button', { name: 'Stäng behörighetskontrollen' }).click();
  await expect(page.getByText('Behörighetskontrollen är stängd. 1 behörighet ska tas bort och har blivit en beställning.')).toBeVisible();
  await expect(facts).toContainText('Stängd');
  await expect(page.getByRole('button', { name: 'Stäng behörighetskontrollen' })).toHaveCount(0);

  const removals = page.getByRole('table', { name: `Borttagningar efter ${REVIEW}` });
  const removal = removals.getByRole('row', { name: new RegExp(BERTIL.name) });
  await expect(removal).toContainText(HANDLAGGARE);
  await expect(removal).toContainText(IVAR.name);
  const link = removal.getByRole('link', { name: 'Visa beställningen' });
  await expect(link).toHaveAttribute('href', /^\/access-orders\/[\w-]+$/);
  orderPath = (await link.getAttribute('href'))!;
  await expectNoAxeViolations(page);
  await shot(page, 'sv-12-review-closed');

  await page.getByRole('link', { name: 'Alla behörighetskontroller' }).click();
  await page.getByRole('radio', { name: 'Stängda' }).check();
  await expect(page.getByRole('table', { name: /Behörighetskontroller/ }).getByRole('row', { name: new RegExp(REVIEW) })).toContainText(
    'Stängd',
  );

  // The pages in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access reviews' })).toBeVisible();
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(page.getByRole('table', { name: /Access reviews/ }).getByRole('row', { name: new RegExp(REVIEW) })).toContainText(
    '4 of 4 decided (100 %)',
  );
  await expectNoAxeViolations(page);
  await shot(page, 'en-1-list');
  await page.getByRole('link', { name: 'New access review' }).click();
  await page.getByRole('button', { name: 'Start the access review' }).click();
  await expect(page.getByText('Add at least one system.').first()).toBeVisible();
  await page.getByRole('radio', { name: 'A unit and the units below it' }).check();
  await page.getByRole('button', { name: 'Start the access review' }).click();
  await expect(page.getByText('Choose a unit.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-2-new-errors');
  await page.goto(reviewPath);
  await expect(page.getByRole('heading', { level: 2, name: 'Removals' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-4-review-closed');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Borttagningar' })).toBeVisible();
});

test('Ivar executes the removal from the order page and confirms it; the grant has ended', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, IVAR.email, IVAR.password);
  await page.goto(orderPath);
  const actions = page.getByRole('region', { name: 'Hantera beställningen' });
  await expect(actions.getByRole('heading', { name: 'Verkställ' })).toBeVisible();
  await actions.getByLabel('Ärendenummer').fill('INC-4711');
  await actions.getByRole('button', { name: 'Markera som verkställd' }).click();
  await expect(page.getByText('Borttagningen är verkställd.')).toBeVisible();
  await actions.getByRole('button', { name: 'Bekräfta borttagningen' }).click();
  await expect(page.getByText('Borttagningen är bekräftad.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-13-order-confirmed');

  // The grant has ended, by the order: the system has three current grants left.
  const systems = await get<{ items: Array<{ id: string; name: string }> }>(page, `/api/systems?q=${encodeURIComponent(SYSTEM)}`);
  const systemId = systems.items.find((s) => s.name === SYSTEM)!.id;
  const grants = await get<{ total: number; items: Array<{ person: { name: string } | null }> }>(page, `/api/systems/${systemId}/grants`);
  expect(grants.total).toBe(3);
  expect(grants.items.map((g) => g.person?.name)).not.toContain(BERTIL.name);
});
