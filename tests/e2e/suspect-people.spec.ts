import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// The repair page: a "person" an earlier import made of an org unit is converted, its role moving to the unit.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const KOMMUN = 'Rensby kommun';
const UNIT = 'Driftenheten Rensby';
const SUSPECT = 'driftenheten rensby';
const REAL = 'Rut Rensbysson';
const SYSTEM = 'Rensbysystemet';
const ids = { unit: '', system: '' };
const SHOTS = '/tmp/shots-suspect-people';

async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  return async <T>(path: string, data: unknown): Promise<T> => {
    const response = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
    expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/** Presses Tab until the element has focus, failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: a unit, a real person and a "person" named like the unit holding driftansvarig', async ({ page }) => {
  await signIn(page);
  const post = await apiAs(page);
  const kommun = await post<{ id: string }>('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  ids.unit = (await post<{ id: string }>('/api/org-units', { name: UNIT, kind: 'enhet', parentId: kommun.id })).id;
  const suspect = await post<{ id: string }>('/api/people', { name: SUSPECT, homeUnitId: ids.unit });
  await post('/api/people', { name: REAL, homeUnitId: ids.unit });
  ids.system = (await post<{ id: string }>('/api/systems', { name: SYSTEM, kind: 'business', owningUnitId: ids.unit })).id;
  await post('/api/role-assignments', { roleKey: 'driftansvarig', subjectKind: 'system', subjectId: ids.system, personId: suspect.id });
});

test('the repair page lists the suspect and converts it with the keyboard; the role moves to the unit', async ({ page }) => {
  await signIn(page);
  // Reached from the people list (not the main menu: the header stays one row).
  await navigateTo(page, 'Organisation', 'Personer');
  await page.getByRole('main').getByRole('link', { name: 'Rensa felaktiga personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rensa felaktiga personer' })).toBeVisible();
  const table = page.getByRole('table', { name: /Personer som kan vara organisationer/ });
  const row = table.getByRole('row', { name: new RegExp(SUSPECT) });
  await expect(row).toContainText(`Samma namn som enheten ${UNIT}.`);
  await expect(row).toContainText(`${SYSTEM}: Driftansvarig`);
  await expect(row).toContainText(`${UNIT} (enhet)`);
  await expect(table).not.toContainText(REAL);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/sv-1-list.png`, fullPage: true });

  const convert = row.getByRole('button', { name: `Omvandla ${SUSPECT}` });
  await tabTo(page, convert);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Omvandla ”driftenheten/ });
  await expect(dialog).toBeVisible();
  // The suggestion is chosen: the unit, and the role goes there.
  await expect(dialog.getByRole('radio', { name: 'Organisationsenhet' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Enhet' })).toHaveValue(ids.unit);
  await expect(dialog).toContainText(`→ ${UNIT} (enhet)`);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/sv-2-dialog.png`, fullPage: true });
  const confirm = dialog.getByRole('button', { name: 'Omvandla', exact: true });
  await tabTo(page, confirm);
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`”${SUSPECT}” omvandlades: 1 roll flyttades till ${UNIT} (enhet)`);
  await expect(table.getByRole('row', { name: new RegExp(SUSPECT) })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/sv-3-converted.png`, fullPage: true });

  // The system's driftansvarig is now the unit; the "person" is left, not deleted.
  const holdings = await (await page.request.get(`/api/role-assignments?subjectKind=system&subjectId=${ids.system}&current=true`)).json();
  expect(holdings.items.map((a: { roleKey: string; holder: { kind: string; id: string } }) => `${a.roleKey}:${a.holder.kind}:${a.holder.id}`)).toEqual([
    `driftansvarig:unit:${ids.unit}`,
  ]);
  const people = await (await page.request.get(`/api/people?q=${encodeURIComponent('driftenheten')}`)).json();
  expect(people.items.map((p: { name: string; status: string }) => `${p.name}:${p.status}`)).toEqual([`${SUSPECT}:left`]);
});

test('in English: the page and the empty list', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/suspect-people');
  await expect(page.getByRole('heading', { level: 1, name: 'Rensa felaktiga personer' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Repair people that are organisations' })).toBeVisible();
  await expect(page.getByText(SUSPECT)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rensa felaktiga personer' })).toBeVisible();
});
