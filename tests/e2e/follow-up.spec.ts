import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// Following up a finding (issue 14): the systemförvaltare sees the task in Mitt ansvar, opens the finding, sets a due
// date and proposes to accept the risk; the systemägare is notified (the bell), approves, and the finding is an
// accepted risk. The calendar feed made on the account page downloads; the administrator's e-mail page passes axe.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SHOTS = '/tmp/shots-follow-up';
const KOMMUN = 'Följeby kommun';
const FORVALTNING = 'Följeby omsorgsförvaltning';
const SYSTEM = 'Följeby omsorgsjournal';
const FINDING = `Systemet ${SYSTEM} är i drift men har ingen godkänd informationsklassning.`;
const FRIDA = { email: 'frida.foljning@kommun.test', name: 'Frida Förvaltare', password: 'Stark-Fjällbjörk-42' };
const AKE = { email: 'ake.foljning@kommun.test', name: 'Åke Ägare', password: 'Stark-Fjällbjörk-42' };
const DAGNY = { email: 'dagny.foljning@kommun.test', name: 'Dagny Drift' };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** An ISO day `days` after today (the browser's and the server's day agree in these tests). */
const dayFromNow = (days: number): string => {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * The kommun of this spec, made through the API as the administrator: a förvaltning and a system in operation without
 * a classification (a finding its systemförvaltare Frida is to act on), Åke its systemägare, Dagny driftansvarig;
 * Frida and Åke have accounts under their work e-mail (which links them to their person).
 */
async function ensureWorld(page: Page): Promise<string> {
  const csrf = async () => ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const post = async <T = { id: string }>(url: string, data: unknown, status = 201): Promise<T> => {
    const res = await page.request.post(url, { headers: { 'x-csrf-token': await csrf() }, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
    return (await res.json()) as T;
  };
  const login = await page.request.post('/api/auth/login', {
    headers: { 'x-csrf-token': await csrf() },
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  expect(login.ok()).toBe(true);
  const systems = (await (await page.request.get(`/api/systems?q=${encodeURIComponent(SYSTEM)}`)).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  const existing = systems.items.find((s) => s.name === SYSTEM);
  if (existing) return existing.id;

  const kommun = await post('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const namnd = await post('/api/org-units', { name: 'Följeby omsorgsnämnd', kind: 'namnd', parentId: kommun.id });
  const forvaltning = await post('/api/org-units', { name: FORVALTNING, kind: 'forvaltning', parentId: namnd.id });
  const person = (p: { name: string; email: string }) => post('/api/people', { name: p.name, email: p.email, homeUnitId: forvaltning.id });
  const [frida, ake, dagny] = [await person(FRIDA), await person(AKE), await person(DAGNY)];
  const system = await post('/api/systems', {
    name: SYSTEM,
    kind: 'business',
    owningUnitId: forvaltning.id,
    lifecycle: 'implementing',
    hosting: 'internal_it',
    personalData: 'sensitive',
  });
  for (const [roleKey, holder] of [
    ['systemforvaltare', frida],
    ['systemagare', ake],
    ['driftansvarig', dagny],
  ] as const) {
    await post('/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: system.id, personId: holder.id });
  }
  // In operation without a classification: "informationsklassning saknas", for the systemförvaltare to act on.
  const { version } = (await (await page.request.get(`/api/systems/${system.id}`)).json()) as { version: number };
  await post(`/api/systems/${system.id}/lifecycle`, { version, lifecycle: 'in_operation' }, 200);
  for (const user of [FRIDA, AKE]) {
    const invite = await post<{ url: string }>('/api/invites', { email: user.email, name: user.name, role: 'user' });
    const token = new URL(invite.url).searchParams.get('token');
    await post('/api/invites/accept', { token, name: user.name, password: user.password });
  }
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': await csrf() } });
  return system.id;
}

let findingPath = '';

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('the systemförvaltare sees the task in Mitt ansvar, sets a due date and proposes to accept the risk', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ensureWorld(page);
  await signIn(page, FRIDA.email, FRIDA.password);

  // Mitt ansvar comes first on the start page: the figures, the task list with the finding, her role.
  const mine = page.getByRole('region', { name: 'Mitt ansvar' });
  await expect(mine).toBeVisible();
  await expect(mine.getByRole('link', { name: /förfaller senare/ })).toBeVisible();
  const tasks = mine.getByRole('region', { name: 'Mina uppgifter, försenade först' });
  const task = tasks.getByRole('link', { name: FINDING });
  await expect(task).toBeVisible();
  await expect(tasks.getByRole('row').filter({ hasText: FINDING })).toContainText('Avvikelse att åtgärda');
  await expect(mine.getByRole('region', { name: 'Mina roller' })).toContainText(`Systemförvaltare: ${SYSTEM}`);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-1-mitt-ansvar');

  // The figure "förfaller senare" filters the list by its state.
  await mine.getByRole('link', { name: /förfaller senare/ }).click();
  await expect(page).toHaveURL(/state=later/);
  await expect(tasks.getByRole('link', { name: FINDING })).toBeVisible();

  await task.click();
  await expect(page.getByRole('heading', { level: 1, name: FINDING })).toBeVisible();
  findingPath = new URL(page.url()).pathname;
  const summary = page.getByRole('region', { name: 'Sammanfattning' });
  await expect(summary).toContainText('Frida Förvaltare');
  await expect(summary).toContainText('Ej påbörjad');
  await expect(summary.getByRole('link', { name: SYSTEM })).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard: the actions are reached with Tab from the section's first control.
  const actions = page.getByRole('region', { name: 'Hantera avvikelsen' });
  await actions.getByRole('button', { name: 'Markera som påbörjad' }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { textContent: string } | null } }
          ).document.activeElement?.textContent?.trim() ?? '',
      ),
    );
  }
  expect(reached).toEqual(['Tilldela', 'Ändra förfallodatum', 'Acceptera risken', 'Inte tillämplig', 'Kommentera', expect.any(String)]);

  // A due date, opened and sent with the keyboard.
  const due = dayFromNow(30);
  await actions.getByText('Ändra förfallodatum', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await actions.getByLabel('Nytt förfallodatum').fill(due);
  await actions.getByRole('button', { name: 'Spara förfallodatum' }).press('Enter');
  await expect(actions.getByText(/^Förfallodatumet är /)).toBeVisible();
  await expect(summary).toContainText('(satt av en person)');

  // Someone else changes the due date meanwhile (here: through the API): the next change from the page is a
  // conflict, said in words, and the finding is read again.
  const findingId = findingPath.split('/').pop()!;
  const { version } = (await (await page.request.get(`/api/findings/${findingId}`)).json()) as { version: number };
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const other = await page.request.post(`/api/findings/${findingId}/due-date`, {
    headers: { 'x-csrf-token': token },
    data: { version, dueOn: dayFromNow(40) },
  });
  expect(other.status(), await other.text()).toBe(200);
  await actions.getByText('Ändra förfallodatum', { exact: true }).click();
  await actions.getByLabel('Nytt förfallodatum').fill(dayFromNow(45));
  await actions.getByRole('button', { name: 'Spara förfallodatum' }).click();
  await expect(actions.getByText(/Någon annan har ändrat avvikelsen medan du hade sidan öppen/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historik' }).getByText(/Förfallodatum satt till/)).toHaveCount(2);

  // The risk: without a motivation the form says what is missing; then it goes to the systemägare.
  await actions.getByText('Acceptera risken', { exact: true }).click();
  await expect(actions.getByText(/Den som har rollen Systemägare godkänner/)).toBeVisible();
  await actions.getByRole('button', { name: 'Föreslå att risken accepteras' }).click();
  await expect(actions.getByText('Skriv en motivering.').first()).toBeVisible();
  await actions.getByLabel('Motivering').fill('Systemet ersätts i höst; klassningen görs för det nya systemet.');
  await actions.getByLabel('Accepteras till och med').fill(dayFromNow(120));
  await expectNoAxeViolations(page);
  await actions.getByRole('button', { name: 'Föreslå att risken accepteras' }).click();
  await expect(actions.getByText('Förslaget är skickat till Åke Ägare för godkännande.')).toBeVisible();
  await expect(summary).toContainText('Accepterad risk föreslagen – väntar på godkännande av Åke Ägare');
  const history = page.getByRole('region', { name: 'Historik' });
  await expect(history).toContainText('Avvikelsen uppstod');
  await expect(history).toContainText(/Förfallodatum satt till .* av Frida Förvaltare/);
  await expect(history).toContainText('att godkännas av Åke Ägare');
  await expect(history).toContainText('Systemet ersätts i höst');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-2-finding-proposed');
});

test('her calendar feed, made on the account page, downloads her due dates', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, FRIDA.email, FRIDA.password);
  await page.getByRole('button', { name: /användarmeny/ }).click();
  await page.getByRole('button', { name: 'Mitt konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Kommunens standard \(varje vecka\)$/ })).toBeChecked();
  await page.getByRole('radio', { name: 'Dagligen' }).check();
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByText('Ditt val är sparat.')).toBeVisible();
  await page.getByRole('button', { name: 'Skapa kalenderlänk' }).click();
  const url = await page.getByRole('textbox', { name: 'Kalenderlänk' }).inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  await expect(page.getByText(/Du har en kalenderlänk, skapad/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-3-account');
  const feed = await page.request.get(new URL(url).pathname);
  expect(feed.status()).toBe(200);
  const text = await feed.text();
  expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(text).toContain('BEGIN:VEVENT');
});

test('the systemägare is notified, approves, and the finding is an accepted risk', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, AKE.email, AKE.password);
  const bell = page.getByRole('banner').getByRole('link', { name: /1 oläst/ });
  await expect(bell).toBeVisible();
  const mine = page.getByRole('region', { name: 'Mitt ansvar' });
  await expect(mine.getByRole('link', { name: /1\s+risk att godkänna/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-4-approver-start');

  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'En accepterad risk väntar på ditt godkännande' });
  await expect(row).toContainText('Oläst');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-5-notifications');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${findingPath}$`));
  await expect(page.getByRole('heading', { level: 1, name: FINDING })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Notiser', exact: true })).toBeVisible();

  const actions = page.getByRole('region', { name: 'Hantera avvikelsen' });
  await expect(actions.getByText('Systemet ersätts i höst')).toBeVisible();
  await expectNoAxeViolations(page);
  await actions.getByRole('button', { name: 'Godkänn att risken accepteras' }).click();
  await expect(actions.getByText('Risken är accepterad.')).toBeVisible();
  const summary = page.getByRole('region', { name: 'Sammanfattning' });
  await expect(summary).toContainText('Accepterad risk');
  await expect(summary).toContainText('godkänd av Åke Ägare');
  await expect(page.getByRole('region', { name: 'Historik' })).toContainText(/Risken accepterad till och med .* av Åke Ägare/);
  await expectNoAxeViolations(page);
  await shot(page, 'sv-6-finding-accepted');

  // The list shows it handled, in words, under "Accepterade risker".
  await page.goto('/findings?handling=risk_accepted');
  const table = page.getByRole('table', { name: 'Avvikelser' });
  await expect(table.getByRole('row').filter({ hasText: FINDING })).toContainText('Accepterad risk');
  await expectNoAxeViolations(page);
  // The same selection as a workbook.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ned som Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^avvikelser-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('the administrator’s e-mail page sends no test e-mail without SMTP, says why, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await navigateTo(page, 'Administration', 'E-post');
  await expect(page.getByRole('heading', { level: 1, name: 'E-post' })).toBeVisible();
  await expect(page.getByText('Ingen e-post ännu.')).toBeVisible();
  await page.getByLabel('Till', { exact: true }).fill('it-chef@kommun.test');
  await page.getByRole('button', { name: 'Skicka testmejl' }).click();
  await expect(page.getByText(/E-post är inte inställd/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-7-email');
});
