import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, signIn } from './helpers.ts';

// The system page answers "who?" first: a system in drift whose systemförvaltare has gone shows "Vakant"
// in the overview's summary, beside its holders (a person, a supplier, a unit), its open findings and
// the coming dates; each tab says how many.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SHOTS = '/tmp/shots-system-overview';
const KOMMUN = 'Översiktsby kommun';
const IT_UNIT = 'IT-enheten Översiktsby';
const FV = 'Översiktsförvaltningen';
const OWNER = { name: 'Olga Översiktsdotter', email: 'olga@oversiktsby.test', title: 'Förvaltningschef' };
const MANAGER = { name: 'Frans Översiktsson', email: 'frans@oversiktsby.test', title: 'Systemförvaltare' };
const SUPPLIER = 'Driftbolaget Översiktsby AB';
const SYSTEM = 'Ekonomisystemet Översiktsby';
const OTHER = 'Fakturaportalen Översiktsby';
const SOON = { title: 'Driftavtal ekonomisystemet', endDate: '2030-06-30' };
const LATER = { title: 'Licensavtal ekonomisystemet', endDate: '2032-12-31' };

const ids = { system: '' };

/** JSON writes as the signed-in user of the page (its cookies), with the CSRF header. */
async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  return async <T>(path: string, data: unknown): Promise<T> => {
    const response = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
    expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.screenshot({ path: `${SHOTS}/${name}-full.png`, fullPage: true });
}

/** Presses Tab until the element has focus (the keyboard's way to it), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The value beside a term in a summary's definition list. */
const valueOf = (section: Locator, term: string): Locator =>
  section.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: a system taken into operation, whose systemförvaltare then ends, with agreements and a dependency', async ({ page }) => {
  await signIn(page);
  const post = await apiAs(page);
  const kommun = await post<{ id: string }>('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const itUnit = await post<{ id: string }>('/api/org-units', { name: IT_UNIT, kind: 'enhet', parentId: kommun.id, function: 'it_unit' });
  const fv = await post<{ id: string }>('/api/org-units', { name: FV, kind: 'forvaltning', parentId: kommun.id });
  const owner = await post<{ id: string }>('/api/people', { ...OWNER, homeUnitId: fv.id });
  const manager = await post<{ id: string }>('/api/people', { ...MANAGER, homeUnitId: fv.id });
  const supplier = await post<{ id: string }>('/api/suppliers', { name: SUPPLIER });
  const system = await post<{ id: string }>('/api/systems', { name: SYSTEM, kind: 'business', owningUnitId: fv.id, hosting: 'supplier_hosted' });
  ids.system = system.id;
  const other = await post<{ id: string }>('/api/systems', { name: OTHER, kind: 'e_service', owningUnitId: fv.id });

  const give = (roleKey: string, principal: { kind: string; id: string }) =>
    post<{ id: string }>('/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: system.id, principal });
  await give('systemagare', { kind: 'person', id: owner.id });
  const managing = await give('systemforvaltare', { kind: 'person', id: manager.id });
  await give('driftansvarig', { kind: 'supplier', id: supplier.id });
  await give('behorighetsadministrator', { kind: 'unit', id: itUnit.id });
  const running = await post<{ lifecycle: string }>(`/api/systems/${system.id}/lifecycle`, { version: 1, lifecycle: 'in_operation' });
  expect(running.lifecycle).toBe('in_operation');
  // The systemförvaltare's role ends: the system is in drift with the role vacant.
  await post(`/api/role-assignments/${managing.id}/end`, {});

  for (const a of [LATER, SOON]) {
    await post('/api/agreements', { kind: 'service_agreement', ...a, supplierId: supplier.id, systemIds: [system.id] });
  }
  await post(`/api/systems/${other.id}/dependencies`, { dependsOnId: system.id, description: 'Fakturor' });
});

test('the overview says who is responsible, the vacant role, the open findings and the coming dates', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  const findings = (await (await page.request.get(`/api/findings?systemId=${ids.system}&limit=500`)).json()) as {
    items: Array<{ severity: string }>;
    total: number;
  };
  const bySeverity = (s: string) => findings.items.filter((f) => f.severity === s).length;
  expect(bySeverity('high'), 'the vacant systemförvaltare is a finding of high severity').toBeGreaterThan(0);

  await page.goto(`/systems/${ids.system}`);
  await expect(page.getByRole('heading', { level: 1, name: SYSTEM })).toBeVisible({ timeout: 20_000 });

  const who = page.getByRole('region', { name: 'Vem ansvarar' });
  await expect(valueOf(who, 'Systemförvaltare')).toHaveText('Vakant');
  await expect(valueOf(who, 'Systemägare').getByRole('link', { name: OWNER.name })).toHaveAttribute('href', /\/people\//);
  await expect(valueOf(who, 'Driftansvarig – IT-driftsledare')).toHaveText(`${SUPPLIER} (leverantör)`);
  await expect(valueOf(who, 'Driftansvarig – IT-driftsledare').getByRole('link')).toHaveAttribute('href', /\/suppliers\//);
  await expect(valueOf(who, 'Behörighetsadministratör')).toHaveText(`${IT_UNIT} (enhet)`);
  await expect(valueOf(who, 'Informationsägare')).toHaveText('Ingen');
  // Required roles first, in the pack's order.
  await expect(who.locator('dt')).toHaveText([
    'Driftansvarig – IT-driftsledare', 'Systemägare', 'Systemförvaltare', 'Informationsägare', 'Teknisk förvaltare', 'Behörighetsadministratör',
  ]);

  const open = page.getByRole('region', { name: 'Öppna avvikelser' });
  await expect(valueOf(open, 'Hög')).toHaveText(String(bySeverity('high')));
  await expect(valueOf(open, 'Medel')).toHaveText(String(bySeverity('medium')));
  await expect(valueOf(open, 'Låg')).toHaveText(String(bySeverity('low')));

  const dates = page.getByRole('region', { name: 'Kommande datum' });
  await expect(valueOf(dates, 'Nästa bekräftelse')).toContainText(/\d{4}/);
  await expect(valueOf(dates, 'Närmaste avtalsslut')).toContainText(/30 juni 2030/);
  await expect(valueOf(dates, 'Närmaste avtalsslut').getByRole('link', { name: SOON.title })).toBeVisible();
  await expect(valueOf(dates, 'Närmaste avtalsslut')).toContainText(SUPPLIER);

  // Each tab says how many.
  const tabs = page.getByRole('tablist');
  await expect(tabs.getByRole('tab', { name: 'Roller (3)', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Avtal (2)', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Beroenden (1)', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: `Avvikelser (${findings.total})`, exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Översikt', exact: true })).toBeVisible();

  await expectNoAxeViolations(page);
  await shot(page, 'sv-overview');

  // The keyboard reaches the holders' links and the findings link, which opens the findings tab.
  await tabTo(page, valueOf(who, 'Systemägare').getByRole('link', { name: OWNER.name }));
  await tabTo(page, valueOf(who, 'Driftansvarig – IT-driftsledare').getByRole('link', { name: SUPPLIER }));
  const toFindings = open.getByRole('link', { name: `Visa alla ${findings.total} avvikelser` });
  await tabTo(page, toFindings);
  await page.keyboard.press('Enter');
  await expect(tabs.getByRole('tab', { name: /^Avvikelser/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Avvikelser' })).toBeVisible();
});

test('the same overview in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await page.goto(`/systems/${ids.system}`);
  await expect(page.getByRole('heading', { level: 1, name: SYSTEM })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'English' }).click();
  const who = page.getByRole('region', { name: 'Who is responsible' });
  await expect(valueOf(who, 'System administrator')).toHaveText('Vacant');
  await expect(valueOf(who, 'Operations lead – IT operations manager')).toHaveText(`${SUPPLIER} (supplier)`);
  await expect(valueOf(who, 'Access administrator')).toHaveText(`${IT_UNIT} (unit)`);
  await expect(page.getByRole('region', { name: 'Open findings' })).toBeVisible();
  await expect(valueOf(page.getByRole('region', { name: 'Coming dates' }), 'Nearest agreement end')).toContainText(/30 Jun\w* 2030/);
  await expect(page.getByRole('tab', { name: 'Roles (3)', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Agreements (2)', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'en-overview');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('region', { name: 'Vem ansvarar' })).toBeVisible();
});
