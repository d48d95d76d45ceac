import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// A user changes their own password; an administrator makes a reset link another user opens.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const LENA = { email: 'lena.losen@kommun.test', name: 'Lena Lösen', password: 'Lenas-Första-Lösen-1', next: 'Lenas-Andra-Lösen-22' };
const ROLF = { email: 'rolf.reset@kommun.test', name: 'Rolf Reset', password: 'Rolfs-Glömda-Lösen-3', next: 'Rolfs-Nya-Lösen-44' };

/** With E2E_SCREENSHOTS=<dir>, each new page is saved there in both languages (for a person to look at; not committed). */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Invites a user through the API as the administrator and accepts the invitation with their password. */
async function createUser(page: Page, user: { email: string; name: string; password: string }): Promise<void> {
  const csrf = async () => ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const login = await page.request.post('/api/auth/login', { headers: { 'x-csrf-token': await csrf() }, data: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.ok(), await login.text()).toBe(true);
  const invite = await page.request.post('/api/invites', { headers: { 'x-csrf-token': await csrf() }, data: { email: user.email, name: user.name, role: 'user' } });
  expect(invite.status(), await invite.text()).toBe(201);
  const token = new URL(((await invite.json()) as { url: string }).url).searchParams.get('token');
  const accepted = await page.request.post('/api/invites/accept', { headers: { 'x-csrf-token': await csrf() }, data: { token, name: user.name, password: user.password } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': await csrf() } });
}

async function switchLanguage(page: Page, to: 'English' | 'Svenska'): Promise<void> {
  await page.getByRole('button', { name: to }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'English' ? 'en' : 'sv');
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('a user changes their password on their account page, reached from the user menu with the keyboard', async ({ page, browser }) => {
  await createUser(page, LENA);
  await signIn(page, LENA.email, LENA.password);
  // A second session elsewhere, which the change ends.
  const otherContext = await browser.newContext({ locale: 'sv-SE' });
  const other = await otherContext.newPage();
  await signIn(other, LENA.email, LENA.password);

  // The user menu, with the keyboard: open it, move to "Mitt konto", choose it.
  const trigger = page.getByRole('button', { name: `${LENA.name}, användarmeny` });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const account = page.getByRole('button', { name: 'Mitt konto' });
  await expect(account).toBeVisible();
  for (let i = 0; i < 5 && !(await account.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(account).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(account).toBeHidden();
  await expect(page.getByText(LENA.email)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'account-sv');

  // A wrong current password: the error is on that field, listed in the summary, and announced.
  await page.getByLabel('Nuvarande lösenord').fill('inte-mitt-lösenord');
  await page.getByLabel('Nytt lösenord').fill(LENA.next);
  await page.getByLabel('Upprepa det nya lösenordet').fill(LENA.next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  const current = page.getByLabel('Nuvarande lösenord');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/Det nuvarande lösenordet stämmer inte\./);
  await expect(page.getByRole('link', { name: 'Det nuvarande lösenordet stämmer inte.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'account-error-sv');

  await current.fill(LENA.password);
  await page.getByLabel('Nytt lösenord').fill(LENA.next);
  await page.getByLabel('Upprepa det nya lösenordet').fill(LENA.next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lösenordet är bytt. 1 annan inloggning avslutades.' })).toBeVisible();
  await expect(current).toHaveValue('');
  await expect(current).not.toHaveAttribute('aria-invalid', 'true');

  // This session stays; the other one has ended; the new password signs in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await other.reload();
  await expect(other).toHaveURL(/\/login/);
  await signIn(other, LENA.email, LENA.next);
  await otherContext.close();

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toBeVisible();
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/Enter your current password\./);
  await expectNoAxeViolations(page);
  await screenshot(page, 'account-en');
  await switchLanguage(page, 'Svenska');
});

test('an administrator makes a reset link; the user opens it and sets a new password', async ({ page, browser }) => {
  await createUser(page, ROLF);
  await signIn(page);
  await navigateTo(page, 'Administration', 'Användare');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await page.getByRole('button', { name: `Återställ lösenord för ${ROLF.name}` }).click();
  const result = page.getByRole('region', { name: `Länk för nytt lösenord till ${ROLF.name}` });
  await expect(result).toBeFocused();
  const field = result.getByLabel('Länk för nytt lösenord');
  await expect(field).toHaveValue(/\/reset-password\?token=/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'users-reset-link-sv');
  const url = new URL(await field.inputValue());
  const path = `${url.pathname}${url.search}`;

  const rolfContext = await browser.newContext({ locale: 'sv-SE' });
  const rolf = await rolfContext.newPage();
  await rolf.goto(path);
  await expect(rolf.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
  await expect(rolf.getByLabel('E-postadress')).toHaveValue(ROLF.email);
  await expectNoAxeViolations(rolf);
  await screenshot(rolf, 'reset-sv');

  // A common password is refused on the field by the server.
  await rolf.getByLabel('Nytt lösenord').fill('Sommaren2026!');
  await rolf.getByLabel('Upprepa det nya lösenordet').fill('Sommaren2026!');
  await rolf.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
  await expect(rolf.getByLabel('Nytt lösenord')).toHaveAccessibleDescription(/Lösenordet är för vanligt/);
  await expectNoAxeViolations(rolf);

  await switchLanguage(rolf, 'English');
  await expect(rolf.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoAxeViolations(rolf);
  await screenshot(rolf, 'reset-en');
  await switchLanguage(rolf, 'Svenska');

  await rolf.getByLabel('Nytt lösenord').fill(ROLF.next);
  await rolf.getByLabel('Upprepa det nya lösenordet').fill(ROLF.next);
  await rolf.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
  await expect(rolf).toHaveURL(/\/login/);
  await expect(rolf.getByText('Ditt lösenord är bytt. Logga in med det nya lösenordet.')).toBeVisible();
  await expect(rolf.getByLabel('E-postadress')).toHaveValue(ROLF.email);
  await signIn(rolf, ROLF.email, ROLF.next);

  // The link works once.
  await rolf.goto(path);
  await expect(rolf.getByText('Länken är ogiltig, redan använd eller har gått ut.', { exact: false })).toBeVisible();
  await rolfContext.close();

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByRole('button', { name: `Reset password for ${ROLF.name}` }).click();
  await expect(page.getByRole('region', { name: `Password reset link for ${ROLF.name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'users-reset-link-en');
  await switchLanguage(page, 'Svenska');
});
