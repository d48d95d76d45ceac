import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// A systemförvaltare classifies a system with the guide, the systemägare approves it, the requirements appear, one is
// marked not met and the finding shows on the system and in the findings list; the overview drills down.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const SHOTS = '/tmp/shots-classification';
const KOMMUN = 'Klassby kommun';
const FORVALTNING = 'Klassby socialförvaltning';
const SYSTEM = 'Klassby journalsystem';
const FRIDA = { email: 'frida.klassning@kommun.test', name: 'Frida Förvaltare', password: 'Stark-Fjällbjörk-42' };
const AKE = { email: 'ake.klassning@kommun.test', name: 'Åke Ägare', password: 'Stark-Fjällbjörk-42' };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * The kommun of this spec, made through the API as the administrator (idempotent by name): a förvaltning, one system
 * under way, Frida as its systemförvaltare and Åke as its systemägare, each with an account under their work e-mail.
 */
async function ensureWorld(page: Page): Promise<string> {
  const csrf = async () => ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const post = async (url: string, data: unknown) => {
    const res = await page.request.post(url, { headers: { 'x-csrf-token': await csrf() }, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const login = await page.request.post('/api/auth/login', { headers: { 'x-csrf-token': await csrf() }, data: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.ok()).toBe(true);
  const systems = (await (await page.request.get(`/api/systems?q=${encodeURIComponent(SYSTEM)}`)).json()) as { items: Array<{ id: string; name: string }> };
  const existing = systems.items.find((s) => s.name === SYSTEM);
  if (existing) return existing.id;

  const kommun = await post('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const namnd = await post('/api/org-units', { name: 'Klassby socialnämnd', kind: 'namnd', parentId: kommun });
  const forvaltning = await post('/api/org-units', { name: FORVALTNING, kind: 'forvaltning', parentId: namnd });
  const frida = await post('/api/people', { name: FRIDA.name, email: FRIDA.email, homeUnitId: forvaltning });
  const ake = await post('/api/people', { name: AKE.name, email: AKE.email, homeUnitId: forvaltning });
  const system = await post('/api/systems', {
    name: SYSTEM, kind: 'business', owningUnitId: forvaltning, lifecycle: 'implementing', hosting: 'internal_it', personalData: 'sensitive',
  });
  await post('/api/role-assignments', { roleKey: 'systemforvaltare', subjectKind: 'system', subjectId: system, personId: frida });
  await post('/api/role-assignments', { roleKey: 'systemagare', subjectKind: 'system', subjectId: system, personId: ake });
  for (const user of [FRIDA, AKE]) {
    const invite = await page.request.post('/api/invites', { headers: { 'x-csrf-token': await csrf() }, data: { email: user.email, name: user.name, role: 'user' } });
    expect(invite.status(), await invite.text()).toBe(201);
    const token = new URL(((await invite.json()) as { url: string }).url).searchParams.get('token');
    const accepted = await page.request.post('/api/invites/accept', { headers: { 'x-csrf-token': await csrf() }, data: { token, name: user.name, password: user.password } });
    expect(accepted.status(), await accepted.text()).toBe(201);
  }
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': await csrf() } });
  return system;
}

let systemId = '';

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('the systemförvaltare classifies the system with the guide and submits it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  systemId = await ensureWorld(page);
  await signIn(page, FRIDA.email, FRIDA.password);
  await page.goto(`/systems/${systemId}?tab=classification`);
  await expect(page.getByRole('heading', { level: 2, name: 'Informationsklassning' })).toBeVisible();
  await expect(page.getByText(`${SYSTEM} har ingen godkänd informationsklassning ännu.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Påbörja klassning' }).click();

  // Step 1: the kind of information, from the register (sensitive personal data) — answered with the keyboard.
  await expect(page.getByRole('heading', { level: 1, name: `Klassa ${SYSTEM}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 1 av 6: Informationens art' })).toBeVisible();
  const sensitive = page.getByRole('group', { name: /känsliga personuppgifter/ });
  await expect(sensitive.getByRole('radio', { name: 'Ja' })).toBeChecked();
  const osl = page.getByRole('group', { name: /sekretess enligt offentlighets/ });
  await osl.getByRole('radio', { name: 'Ja' }).focus();
  await page.keyboard.press('Space');
  await expect(osl.getByRole('radio', { name: 'Ja' })).toBeChecked();
  await expect(page.getByText('Allt är sparat.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-1-guide-flags');

  // Konfidentialitet: the answers give 2, the floor of sensitive personal data raises it to 3.
  await page.getByRole('button', { name: 'Nästa steg' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 2 av 6: Konfidentialitet' })).toBeVisible();
  const questions = page.locator('.guide-question');
  for (let i = 0; i < 3; i++) await questions.nth(i).getByRole('radio').nth(2).check();
  await expect(page.getByRole('heading', { level: 3, name: /^Förslag: 3 – / })).toBeVisible();
  await expect(page.locator('.guide-suggestion').getByText(/[Kk]änsliga personuppgifter/)).toBeVisible();
  const chosen = page.getByRole('group', { name: 'Vald nivå för Konfidentialitet' });
  await chosen.getByRole('radio', { name: /^3 – .*\(förslag\)$/ }).check();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-2-guide-confidentiality');

  // Riktighet 2 as suggested; tillgänglighet one above the suggestion, with a justification; spårbarhet 2.
  for (const [aspect, answer, level] of [
    ['Riktighet', 2, 2],
    ['Tillgänglighet', 2, 3],
    ['Spårbarhet', 2, 2],
  ] as const) {
    await page.getByRole('button', { name: 'Nästa steg' }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`: ${aspect}$`) })).toBeVisible();
    await page.locator('.guide-question').first().getByRole('radio').nth(answer).check();
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Förslag: ${answer} – `) })).toBeVisible();
    await page.getByRole('group', { name: `Vald nivå för ${aspect}` }).getByRole('radio').nth(level).check();
    if (level !== answer) {
      await page.getByLabel('Motivering').fill('Larmkedjan i hemtjänsten hänger på systemet dygnet runt.');
      await page.getByLabel('Motivering').blur();
    }
    await expect(page.getByText('Allt är sparat.')).toBeVisible();
  }

  await page.getByRole('button', { name: 'Nästa steg' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 6 av 6: Sammanfattning' })).toBeVisible();
  await page.getByLabel(/Referens/).fill('KLASSA-2026-017');
  await page.getByLabel(/Referens/).blur();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-3-guide-summary');
  await page.getByRole('button', { name: 'Lämna in för godkännande' }).click();

  await expect(page.getByText('Klassningen är inlämnad för godkännande.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Pågående klassning \(version 1\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Godkänn klassningen' })).toHaveCount(0); // not her own
  await expectNoAxeViolations(page);
});

test('the systemägare approves it, the requirements appear, and one marked not met is a finding on the system and in the list', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, AKE.email, AKE.password);
  await page.goto(`/systems/${systemId}?tab=classification`);
  await expect(page.getByText(/Väntar på godkännande/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-4-approve');
  await page.getByRole('button', { name: 'Godkänn klassningen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Gällande klassning (version 1)' })).toBeVisible();
  await expect(page.getByText(/Godkänd .* av Åke Ägare/)).toBeVisible();

  const requirements = page.getByRole('region', { name: 'Säkerhetskrav och hur de uppfylls' });
  await expect(requirements).toBeVisible();
  const mfaRow = requirements.getByRole('row').filter({ hasText: '8.5' }).filter({ hasText: 'Konfidentialitet nivå 3' }).first();
  await expect(mfaRow).toBeVisible();
  await mfaRow.getByRole('button', { name: /^Ändra/ }).click();
  await mfaRow.getByLabel('Status').selectOption({ label: 'Ej uppfyllt' });
  await mfaRow.getByRole('button', { name: 'Spara' }).click();
  await expect(mfaRow.locator('.requirement-status')).toContainText('Ej uppfyllt');
  await expect(mfaRow.getByRole('button', { name: /^Ändra/ })).toBeFocused();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-5-requirements');

  // Only the problems: the filter shows the one not met.
  await page.getByRole('radio', { name: /Bara ej uppfyllda \(1\)/ }).check();
  await expect(requirements.getByRole('row')).toHaveCount(2);

  // The system's overview says it in short, with the next review.
  await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
  const dates = page.getByRole('region', { name: 'Kommande datum' });
  await expect(dates.getByRole('link', { name: 'K3 R2 T3 S2' })).toBeVisible();
  await expect(dates.getByText(/Ses över senast/)).toBeVisible();

  await page.getByRole('tab', { name: /^Avvikelser/ }).click();
  await expect(page.getByText(/uppfyller inte kravet/)).toBeVisible();
  await navigateTo(page, 'Styrning', 'Avvikelser');
  await expect(page.getByText(new RegExp(`Systemet ${SYSTEM} uppfyller inte kravet`))).toBeVisible();
});

test('the overview counts per förvaltning and drills down to the system; in English too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await navigateTo(page, 'Styrning', 'Informationsklassning');
  await expect(page.getByRole('heading', { level: 1, name: 'Informationsklassning' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-6-overview');
  const units = page.getByRole('table', { name: 'Informationsklassning per förvaltning' });
  const row = units.getByRole('row').filter({ hasText: FORVALTNING });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: /Godkända/ }).click();
  const list = page.getByRole('table', { name: 'System och deras informationsklassning' });
  await expect(list.getByRole('link', { name: SYSTEM })).toBeVisible();
  await expect(page.getByText('Urval:', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-7-overview-drill');
  await list.getByRole('link', { name: SYSTEM }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Gällande klassning (version 1)' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 3, name: 'Classification in force (version 1)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-8-system-classification');
  await page.goto('/classifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Information classification' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-9-overview');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});
