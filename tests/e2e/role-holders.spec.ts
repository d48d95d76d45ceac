import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, signIn } from './helpers.ts';

// Role holders that are not people: the IT unit and a supplier hold driftansvarig on a system.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SHOTS = '/tmp/shots-role-holders';
const KOMMUN = 'Rollby kommun';
const IT_UNIT = 'IT-enheten Rollby';
const IT_PATH = `${KOMMUN} / ${IT_UNIT}`;
const FV = 'Rollbyförvaltningen';
const PERSON = { name: 'Dan Drifthållare', email: 'dan@rollby.test', title: 'Drifttekniker' };
const SUPPLIER = 'Molnbolaget Rollby AB';
const CONTACT = 'Kim Kontaktsson';
const HANDED = 'Lönesystemet Rollby';
const GIVEN = 'Ärendesystemet Rollby';
const DRIFT = 'Driftansvarig – IT-driftsledare';

const ids: { handed: string; given: string; unit: string; supplier: string } = { handed: '', given: '', unit: '', supplier: '' };

/** JSON writes as the signed-in user of the page (its cookies), with the CSRF header. */
async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  return async <T>(path: string, data: unknown): Promise<T> => {
    const response = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
    expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/** Presses Tab until the element has focus (the keyboard's way to it), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** In a focused <select>, presses ArrowDown until the chosen option's text is `label`. */
async function arrowTo(page: Page, select: Locator, label: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await chosen(select)) === label) return;
    await page.keyboard.press('ArrowDown');
  }
  expect(await chosen(select)).toBe(label);
}

/** The text of a <select>'s chosen option. */
const chosen = async (select: Locator): Promise<string> => ((await select.locator('option:checked').textContent()) ?? '').trim();

async function openRoles(page: Page, systemId: string, name: string): Promise<Locator> {
  await page.goto(`/systems/${systemId}?tab=roles`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 20_000 });
  const table = page.getByRole('table', { name: `Roller för ${name}` });
  await expect(table).toBeVisible({ timeout: 20_000 });
  return table;
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: a kommun with its IT unit, a person, a supplier with a contact, two systems', async ({ page }) => {
  await signIn(page);
  const post = await apiAs(page);
  const kommun = await post<{ id: string }>('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  ids.unit = (await post<{ id: string }>('/api/org-units', { name: IT_UNIT, kind: 'enhet', parentId: kommun.id, function: 'it_unit' })).id;
  const fv = await post<{ id: string }>('/api/org-units', { name: FV, kind: 'forvaltning', parentId: kommun.id });
  const person = await post<{ id: string }>('/api/people', { ...PERSON, homeUnitId: fv.id });
  ids.supplier = (await post<{ id: string }>('/api/suppliers', { name: SUPPLIER })).id;
  await post(`/api/suppliers/${ids.supplier}/contacts`, { name: CONTACT, role: 'Kundansvarig' });
  ids.handed = (
    await post<{ id: string }>('/api/systems', { name: HANDED, kind: 'business', owningUnitId: fv.id, hosting: 'internal_it' })
  ).id;
  ids.given = (
    await post<{ id: string }>('/api/systems', { name: GIVEN, kind: 'business', owningUnitId: fv.id, hosting: 'supplier_hosted' })
  ).id;
  await post('/api/role-assignments', { roleKey: 'driftansvarig', subjectKind: 'system', subjectId: ids.handed, personId: person.id });
});

test('with the keyboard alone, driftansvarig is handed over from a person to the IT unit', async ({ page }) => {
  await signIn(page);
  const table = await openRoles(page, ids.handed, HANDED);
  await expect(table.getByRole('row', { name: /Driftansvarig/ })).toContainText(PERSON.name);

  await tabTo(page, page.getByRole('button', { name: `Lämna över ${DRIFT} från ${PERSON.name}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Lämna över ${DRIFT} från ${PERSON.name}` });
  await expect(dialog).toBeVisible();
  const kinds = dialog.getByRole('group', { name: 'Den som tar över' });
  await expect(kinds).toContainText('Enligt policyn kan rollen innehas av en person, en organisationsenhet eller en leverantör.');
  // The person picker first; the arrow keys move to Organisationsenhet, and the unit list takes its place.
  await tabTo(page, kinds.getByRole('radio', { name: 'Person' }), 20);
  await expect(dialog.getByLabel('Sök person')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(kinds.getByRole('radio', { name: 'Organisationsenhet' })).toBeChecked();
  await expect(dialog.getByLabel('Sök person')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Sent without a unit: the summary names the field, and the field says it too.
  await tabTo(page, dialog.getByRole('button', { name: 'Lämna över rollen' }), 10);
  await page.keyboard.press('Enter');
  const summary = dialog.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Välj en organisationsenhet.' })).toBeVisible();
  const unitSelect = dialog.getByRole('combobox', { name: 'Organisationsenhet' });
  await expect(unitSelect).toHaveAttribute('aria-invalid', 'true');

  await tabTo(page, unitSelect, 10);
  await arrowTo(page, unitSelect, IT_PATH);
  await tabTo(page, dialog.getByRole('button', { name: 'Lämna över rollen' }), 10);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Rollen ${DRIFT} är överlämnad från ${PERSON.name} till ${IT_UNIT} (enhet).`)).toBeVisible();
  const row = table.getByRole('row', { name: /Driftansvarig/ });
  await expect(row).toContainText(`${IT_UNIT} (enhet)`);
  await expect(row).not.toContainText(PERSON.name);
  await expect(row.getByRole('link', { name: IT_UNIT })).toHaveAttribute('href', `/organisation/${ids.unit}`);
  await expectNoAxeViolations(page);
});

test('driftansvarig is given to the IT unit and to a supplier with its contact; a role only for people asks for a person', async ({
  page,
}) => {
  await signIn(page);
  const table = await openRoles(page, ids.given, GIVEN);
  const form = page.getByRole('region', { name: 'Ge någon en roll för systemet' });

  // Systemägare may be held only by a person: no choice of kind, the people picker as before.
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Systemägare' });
  await expect(form.getByRole('radio')).toHaveCount(0);
  await expect(form.getByLabel('Sök person')).toBeVisible();

  await form.getByLabel('Roll', { exact: true }).selectOption({ label: DRIFT });
  const kinds = form.getByRole('group', { name: 'Vem ska ha rollen?' });
  await expect(kinds.getByRole('radio', { name: 'Person' })).toBeChecked();
  await kinds.getByRole('radio', { name: 'Organisationsenhet' }).check();
  await form.getByRole('combobox', { name: 'Organisationsenhet' }).selectOption({ label: IT_PATH });
  await form.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByText(`${IT_UNIT} (enhet) har nu rollen ${DRIFT}.`)).toBeVisible();
  await expect(table.getByRole('row', { name: /Driftansvarig/ })).toContainText(`${IT_UNIT} (enhet)`);

  // The same unit once more: the server's refusal is shown at the unit field and in the summary.
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: DRIFT });
  await kinds.getByRole('radio', { name: 'Organisationsenhet' }).check();
  await form.getByRole('combobox', { name: 'Organisationsenhet' }).selectOption({ label: IT_PATH });
  await form.getByRole('button', { name: 'Ge rollen' }).click();
  const summary = form.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const refusal = summary.getByRole('link', { name: /har redan rollen/ });
  await expect(refusal).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Organisationsenhet' })).toHaveAttribute('aria-invalid', 'true');
  await refusal.click();
  await expect(form.getByRole('combobox', { name: 'Organisationsenhet' })).toBeFocused();

  // A supplier: not chosen yet is explained; then the supplier and one of its contacts.
  await kinds.getByRole('radio', { name: 'Leverantör' }).check();
  await form.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(summary.getByRole('link', { name: 'Välj en leverantör.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByLabel('Sök leverantör').fill('molnbolaget');
  await expect(form.getByText('1 träff.')).toBeVisible();
  await form.getByLabel('Välj bland träffarna').selectOption({ label: SUPPLIER });
  const contact = form.getByLabel('Kontaktperson hos leverantören (valfritt)');
  await expect(contact.locator('option', { hasText: CONTACT })).toHaveCount(1);
  await contact.selectOption({ label: `${CONTACT} (Kundansvarig)` });
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByText(`${SUPPLIER} (leverantör, kontaktperson ${CONTACT}) har nu rollen ${DRIFT}.`)).toBeVisible();

  const supplierRow = table.getByRole('row', { name: new RegExp(SUPPLIER) });
  await expect(supplierRow).toContainText(`${SUPPLIER} (leverantör)`);
  await expect(supplierRow).toContainText(`Kontaktperson: ${CONTACT}`);
  await expect(supplierRow.getByRole('link', { name: SUPPLIER })).toHaveAttribute('href', `/suppliers/${ids.supplier}`);
  await expect(table.getByRole('row', { name: new RegExp(IT_UNIT) })).toContainText('Driftansvarig');
  await expectNoAxeViolations(page);
});

test('the roles tab at 1280 px in Swedish and English', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await openRoles(page, ids.given, GIVEN);
  const form = page.getByRole('region', { name: 'Ge någon en roll för systemet' });
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: DRIFT });
  await form.getByRole('radio', { name: 'Leverantör' }).check();
  await page.screenshot({ path: `${SHOTS}/sv-roles.png`, fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  const table = page.getByRole('table', { name: `Roles for ${GIVEN}` });
  await expect(table.getByRole('row', { name: new RegExp(SUPPLIER) })).toContainText(`${SUPPLIER} (supplier)`);
  await expect(table.getByRole('row', { name: new RegExp(IT_UNIT) })).toContainText(`${IT_UNIT} (unit)`);
  await expectNoAxeViolations(page);
  const formEn = page.getByRole('region', { name: 'Give someone a role for the system' });
  await formEn.getByLabel('Role', { exact: true }).selectOption({ label: 'Operations lead – IT operations manager' });
  await formEn.getByRole('radio', { name: 'Org unit' }).check();
  await page.screenshot({ path: `${SHOTS}/en-roles.png`, fullPage: true });
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('table', { name: `Roller för ${GIVEN}` })).toBeVisible();
});
