import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, navigateTo, setupLinkPath, signIn } from './helpers.ts';

// One fresh installation, used in order: setup happens once.
test.describe.configure({ mode: 'serial' });

test('setup: bad input is explained, then the first administrator is created', async ({ page }) => {
  await page.goto(setupLinkPath());
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa den första administratören' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page).toHaveTitle(/– Ansvar$/);

  // The kommun is created with the administrator (other spec files add kommuner of their own beside it).
  await page.getByLabel('Kommunens namn').fill('Grundby kommun');
  await page.getByLabel('Namn', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('E-postadress').fill(ADMIN.email);
  await page.getByLabel('Lösenord', { exact: true }).fill('kort');
  await page.getByLabel('Upprepa lösenordet').fill('annat');
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByText('Lösenordet måste ha minst 12 tecken.').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A common password passes the browser's checks but the server refuses it, on the field.
  await page.getByLabel('Lösenord', { exact: true }).fill('Sommaren2026!');
  await page.getByLabel('Upprepa lösenordet').fill('Sommaren2026!');
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByText('Lösenordet är för vanligt', { exact: false }).first()).toBeVisible();

  await page.getByLabel('Lösenord', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Upprepa lösenordet').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Administratören är skapad.', { exact: false })).toBeVisible();
});

test('sign-in: a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-postadress').fill(ADMIN.email);
  await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord-123');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Fel e-postadress eller lösenord.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
});

test('sign-in with the keyboard alone, then the start page', async ({ page }) => {
  await page.goto('/login');
  // Tab from the top of the page to the e-mail field, type, tab on, submit with Enter.
  const email = page.getByLabel('E-postadress');
  for (let i = 0; i < 15 && !(await email.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(email).toBeFocused();
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Lösenord', { exact: true })).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await expectNoAxeViolations(page);

  // On a fresh page load the skip link is the first stop and moves focus to the main content.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${ADMIN.name}` })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('language switch to English persists across reloads, and back', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  await navigateTo(page, 'Administration', 'Audit trail');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('audit trail lists what happened and can be filtered', async ({ page }) => {
  await signIn(page);
  await navigateTo(page, 'Administration', 'Händelselogg');
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByText('Inloggning').first()).toBeVisible();
  await expect(table.getByText('Installationslänk').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Typ av objekt').selectOption({ label: 'Installationslänk' });
  await page.getByRole('button', { name: 'Visa händelser' }).click();
  await expect(table.getByText('Inloggning')).toHaveCount(0);
  await expect(table.getByText('Installationslänk').first()).toBeVisible();
});

test('users: invite a granskare, who accepts and signs in; the administrator ends their sessions', async ({ page, browser }) => {
  await signIn(page);
  await navigateTo(page, 'Administration', 'Användare');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
  await expect(page.getByText('Fyll i e-postadress.').first()).toBeVisible();
  await page.getByLabel('Namn', { exact: true }).fill('Rita Revisor');
  await page.getByLabel('E-postadress', { exact: true }).fill('rita@kommun.test');
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Granskare' });
  await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
  const link = page.getByLabel('Inbjudningslänk');
  await expect(link).toHaveValue(/\/invite\?token=/);
  await expectNoAxeViolations(page);
  const url = new URL(await link.inputValue());

  const guestContext = await browser.newContext({ locale: 'sv-SE' });
  const guest = await guestContext.newPage();
  await guest.goto(`${url.pathname}${url.search}`);
  await expect(guest.getByRole('heading', { level: 1, name: 'Skapa ditt konto' })).toBeVisible();
  await expectNoAxeViolations(guest);
  await guest.getByLabel('Lösenord', { exact: true }).fill('Granska-Noga-Varje-År');
  await guest.getByLabel('Upprepa lösenordet').fill('Granska-Noga-Varje-År');
  await guest.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(guest).toHaveURL(/\/login/);
  await signIn(guest, 'rita@kommun.test', 'Granska-Noga-Varje-År');
  // A granskare reads the audit trail and the users list, but does not manage users.
  const nav = guest.getByRole('navigation', { name: 'Huvudmeny' });
  await nav.getByRole('button', { name: 'Administration' }).click();
  await expect(nav.getByRole('link', { name: 'Händelselogg' })).toBeVisible();
  await nav.getByRole('link', { name: 'Användare' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expect(guest.getByRole('cell', { name: 'rita@kommun.test' })).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Skapa inbjudan' })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: /Avsluta inloggningar/ })).toHaveCount(0);
  await expectNoAxeViolations(guest);

  await page.reload();
  await page.getByRole('button', { name: 'Avsluta inloggningar för Rita Revisor' }).click();
  await expect(page.getByText('Alla inloggningar för Rita Revisor är avslutade.')).toBeVisible();
  await guest.reload();
  await expect(guest).toHaveURL(/\/login/);
  await guestContext.close();
});

test('not-found page, then sign out', async ({ page }) => {
  await signIn(page);
  await page.goto('/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Gå till startsidan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Välkommen/ })).toBeVisible();

  await page.getByRole('button', { name: `${ADMIN.name}, användarmeny` }).click();
  await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).or(page.getByRole('button', { name: 'Logga ut', exact: true })).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Du är utloggad.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
