import { expect, test, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// Findings and the responsibility matrix, read by an administrator after registering a system with gaps.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SYSTEM = 'Molnjournalen Ö';

/** A kommun with a nämnd and förvaltning, and a SaaS system with sensitive personal data and no agreement. */
async function registerSystemWithGaps(page: Page): Promise<void> {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const headers = { 'x-csrf-token': token };
  const post = async (path: string, data: object) => {
    const res = await page.request.post(path, { headers, data });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const roots = (await (await page.request.get('/api/org-units?limit=500')).json()) as { items: Array<{ id: string; kind: string; parentId: string | null }> };
  const kommun = roots.items.find((u) => u.kind === 'kommun' && u.parentId === null)?.id ?? (await post('/api/org-units', { name: 'Findings kommun', kind: 'kommun', parentId: null }));
  const namnd = await post('/api/org-units', { name: 'Vårdnämnden', kind: 'namnd', parentId: kommun });
  const forvaltning = await post('/api/org-units', { name: 'Vårdförvaltningen', kind: 'forvaltning', parentId: namnd });
  await post('/api/systems', { name: SYSTEM, kind: 'business', owningUnitId: forvaltning, hosting: 'saas', personalData: 'sensitive', lifecycle: 'implementing' });
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('the findings page lists the gaps with who should act, filters them, and passes axe', async ({ page }) => {
  await signIn(page);
  await registerSystemWithGaps(page);
  await navigateTo(page, 'Styrning', 'Avvikelser');
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelser' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Avvikelser' });
  await expect(table.getByText(`Systemet ${SYSTEM} behandlar känsliga personuppgifter hos en extern part`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard only: choose the kind "Avtal saknas" and show.
  await page.getByLabel('Typ').focus();
  await page.getByLabel('Typ').selectOption({ label: 'Avtal saknas' });
  await page.getByRole('button', { name: 'Visa' }).press('Enter');
  await expect(page).toHaveURL(/rule=agreement_missing/);
  await expect(table.getByText(`Systemet ${SYSTEM} drivs utanför IT-enheten`)).toBeVisible();
  await expect(table.getByText('behandlar känsliga personuppgifter')).toHaveCount(0);
  // Severity is a word, not only a colour.
  await expect(table.getByText('Medel', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The register filters on open findings: the system with gaps is among those with, not those without.
  await page.goto('/systems');
  const filters = page.getByRole('form', { name: 'Sök och filtrera system' });
  await filters.getByLabel('Sök', { exact: true }).fill(SYSTEM);
  await filters.getByLabel('Avvikelser', { exact: true }).selectOption({ label: 'Med öppna avvikelser' });
  await filters.getByRole('button', { name: 'Visa system' }).click();
  await expect(page).toHaveURL(/withFindings=true/);
  await expect(page.getByRole('table').getByRole('link', { name: SYSTEM })).toBeVisible();
  await filters.getByLabel('Avvikelser', { exact: true }).selectOption({ label: 'Utan öppna avvikelser' });
  await filters.getByRole('button', { name: 'Visa system' }).click();
  await expect(page).toHaveURL(/withFindings=false/);
  await expect(page.getByText('Inga system matchar filtret.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the responsibility matrix shows who is responsible per area for the system, and passes axe', async ({ page }) => {
  await signIn(page);
  await page.goto('/responsibilities');
  await expect(page.getByRole('heading', { level: 1, name: 'Ansvarsmatris' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(SYSTEM) }) });
  // Outside the network: the owning nämnd carries overall responsibility (the first area's cell; its details name it).
  await row.locator('button.matrix__button').first().click();
  const details = page.getByRole('dialog');
  await expect(details.getByRole('heading', { level: 2 })).toContainText('Övergripande ansvar');
  await expect(details).toContainText('Vårdnämnden');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(row.locator('button.matrix__button').first()).toBeFocused();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Responsibility matrix' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansvarsmatris' })).toBeVisible();
});
