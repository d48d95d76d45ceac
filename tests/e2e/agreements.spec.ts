import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// One supplier built step by step; screenshots of each page in Swedish and English.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const SHOTS = '/tmp/shots-agreements';
const SUPPLIER = 'Norrsken Drift AB';
const AGREEMENT = 'Drift av ärendesystemet';
const SYSTEM = 'Ärendesystemet Norrsken';

/** A system to link agreements to, made through the API with the page's session (the org and systems pages have their own tests). */
async function ensureSystem(page: Page): Promise<string> {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const headers = { 'x-csrf-token': token };
  const units = (await (await page.request.get('/api/org-units?limit=1')).json()) as { items: Array<{ id: string }> };
  let unitId = units.items[0]?.id;
  if (!unitId) {
    const unit = await page.request.post('/api/org-units', { headers, data: { name: 'Norrviks kommun', kind: 'kommun', parentId: null } });
    expect(unit.status()).toBe(201);
    unitId = ((await unit.json()) as { id: string }).id;
  }
  const system = await page.request.post('/api/systems', { headers, data: { name: SYSTEM, kind: 'business', owningUnitId: unitId } });
  expect(system.status()).toBe(201);
  return ((await system.json()) as { id: string }).id;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('a supplier is registered (a wrong organisation number is explained), a contact and an agreement are added', async ({ page }) => {
  await signIn(page);
  await navigateTo(page, 'Register', 'Leverantörer och avtal');
  await expect(page.getByRole('heading', { level: 1, name: 'Leverantörer' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A typo in the check digit: the server says what is wrong, on the field.
  const create = page.getByRole('region', { name: 'Lägg till leverantör' });
  await create.getByLabel('Namn', { exact: true }).fill(SUPPLIER);
  await create.getByLabel('Organisationsnummer').fill('556016-0681');
  await create.getByRole('button', { name: 'Lägg till leverantören' }).click();
  const checksum = 'Organisationsnumret är inte giltigt: kontrollsiffran (den sista siffran) stämmer inte.';
  await expect(create.getByText(checksum).first()).toBeVisible();
  await expect(create.getByRole('link', { name: checksum })).toBeVisible(); // the error summary links to the field
  await expectNoAxeViolations(page);
  await shot(page, 'sv-1-suppliers-error');

  await create.getByLabel('Organisationsnummer').fill('5560160680');
  await create.getByRole('button', { name: 'Lägg till leverantören' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUPPLIER })).toBeVisible();
  await expect(page.getByText(`Leverantören ${SUPPLIER} är tillagd.`)).toBeVisible();
  await expect(page.getByText('556016-0680', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // A contact person.
  const contact = page.getByRole('region', { name: 'Lägg till kontaktperson' });
  await contact.getByLabel('Namn', { exact: true }).fill('Kim Kundansvarig');
  await contact.getByLabel('Roll hos leverantören').fill('Kundansvarig');
  await contact.getByLabel('E-postadress').fill('kim@norrsken.example');
  await contact.getByRole('button', { name: 'Lägg till kontaktpersonen' }).click();
  await expect(page.getByText('Kim Kundansvarig är tillagd som kontaktperson.')).toBeVisible();
  await expect(page.getByRole('table', { name: `Kontaktpersoner hos ${SUPPLIER}` }).getByRole('row', { name: /Kim Kundansvarig/ })).toContainText('kim@norrsken.example');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-2-supplier');

  // An agreement with the supplier: end before start is caught, then it is recorded.
  await page.getByRole('link', { name: 'Registrera ett nytt avtal med leverantören' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera avtal' })).toBeVisible();
  await expect(page.getByLabel('Välj bland träffarna').first()).toHaveValue(/.+/); // the supplier is chosen
  await page.getByLabel('Typ av avtal').selectOption({ label: 'Leverantörsavtal' });
  await page.getByLabel('Avtalets namn').fill(AGREEMENT);
  await page.getByLabel('Diarienummer').fill('KS 2025/77');
  await page.getByLabel('Startdatum').fill('2025-01-01');
  await page.getByLabel('Slutdatum').fill('2024-12-31');
  await page.getByLabel('Uppsägningstid (månader)').fill('6');
  await page.getByLabel('Loggning', { exact: true }).selectOption({ label: 'Ja' });
  await page.getByLabel('Säkerhetskopiering', { exact: true }).selectOption({ label: 'Nej' });
  await page.getByRole('button', { name: 'Registrera avtalet' }).click();
  await expect(page.getByText('Slutdatum kan inte vara före startdatum.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Slutdatum').fill('2099-12-31');
  await shot(page, 'sv-3-agreement-form');
  await page.getByRole('button', { name: 'Registrera avtalet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: AGREEMENT })).toBeVisible();
  await expect(page.getByText(`Avtalet ${AGREEMENT} är registrerat.`)).toBeVisible();
  await expect(page.getByText('Status: Gäller')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'sv-4-agreement');

  // The system page's agreements tab: link the agreement to a system.
  const systemId = await ensureSystem(page);
  await page.goto(`/systems/${systemId}?tab=agreements`);
  await expect(page.getByRole('heading', { level: 1, name: SYSTEM })).toBeVisible();
  await expect(page.getByText('Inga avtal är kopplade till systemet.')).toBeVisible();
  const link = page.getByRole('region', { name: 'Koppla ett befintligt avtal' });
  await link.getByLabel('Sök avtal').fill('ärendesyst');
  await expect(link.getByText('1 träff.')).toBeVisible();
  await link.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  await link.getByRole('button', { name: 'Koppla avtalet' }).click();
  await expect(page.getByText(`${AGREEMENT} är kopplat till systemet.`)).toBeVisible();
  const row = page.getByRole('table', { name: 'Avtal som gäller systemet' }).getByRole('row', { name: new RegExp(AGREEMENT) });
  await expect(row).toContainText('Gäller');
  await expect(row).toContainText('Loggning: Ja');
  await expect(row).toContainText('Säkerhetskopiering: Nej');
  await expect(row).toContainText('Personuppgiftsbiträdesavtal: Okänt');
  await expectNoAxeViolations(page);
  await shot(page, 'sv-5-system-tab');

  // The same pages in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Agreements' })).toBeVisible();
  const rowEn = page.getByRole('table', { name: 'Agreements that cover the system' }).getByRole('row', { name: new RegExp(AGREEMENT) });
  await expect(rowEn).toContainText('Active');
  await expect(rowEn).toContainText('Logging: Yes');
  await expectNoAxeViolations(page);
  await shot(page, 'en-5-system-tab');
  await navigateTo(page, 'Register', 'Suppliers and agreements');
  await expect(page.getByRole('heading', { level: 1, name: 'Suppliers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-1-suppliers');
  await page.getByRole('link', { name: SUPPLIER }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUPPLIER })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-2-supplier');
  await page.getByRole('table', { name: `Agreements with ${SUPPLIER}` }).getByRole('link', { name: AGREEMENT }).click();
  await expect(page.getByText('Status: Active')).toBeVisible();
  await page.getByText('Change the agreement').click();
  await expectNoAxeViolations(page);
  await shot(page, 'en-4-agreement');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByText('Status: Gäller')).toBeVisible();
});
