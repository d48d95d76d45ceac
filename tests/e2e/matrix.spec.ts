import { expect, test, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, signIn } from './helpers.ts';

// The responsibility matrix for a kommun the size of the demo's (25 systems in five förvaltningar), at
// 1280×800 and 1920×1080: it fits the screen's width, its page is under three screens high, a cell's
// details open and close by keyboard, "only gaps" keeps the systems with gaps, and axe passes.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const FORVALTNINGAR = ['Matrisförvaltningen', 'Omsorgsförvaltningen', 'Skolförvaltningen', 'Byggförvaltningen', 'Fritidsförvaltningen'];
const SYSTEMS_PER_FORVALTNING = 5;

const KOMMUN = 'Matrisby kommun';

/**
 * A kommun of its own beside the other spec files' (units, people and 25 systems through the API; every third
 * system has no systemägare or systemförvaltare, a gap); the page is then filtered to it. Returns its id.
 */
async function buildKommun(page: Page): Promise<string> {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const headers = { 'x-csrf-token': token };
  const post = async (path: string, data: object) => {
    const res = await page.request.post(path, { headers, data });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const units = (await (await page.request.get('/api/org-units?limit=500')).json()) as {
    items: Array<{ id: string; name: string; kind: string; parentId: string | null }>;
  };
  const built = units.items.find((u) => u.kind === 'kommun' && u.name === KOMMUN);
  if (built) return built.id; // built by the other viewport's test
  const kommun = await post('/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const ks = await post('/api/org-units', { name: 'Matrisby kommunstyrelse', kind: 'kommunstyrelse', parentId: kommun });
  const klf = await post('/api/org-units', { name: 'Matrisby ledningskontor', kind: 'forvaltning', parentId: ks });
  await post('/api/org-units', { name: 'Matrisby IT', kind: 'enhet', parentId: klf, function: 'it_unit' });
  await post('/api/org-units', { name: 'Matrisby kansli', kind: 'enhet', parentId: klf, function: 'kansli' });
  const ops = await post('/api/people', { name: 'Dagny Drift', homeUnitId: klf });
  await post('/api/role-assignments', { roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: kommun, personId: ops });
  let n = 0;
  for (const [f, name] of FORVALTNINGAR.entries()) {
    const namnd = await post('/api/org-units', { name: name.replace('förvaltningen', 'nämnden'), kind: 'namnd', parentId: kommun });
    const forvaltning = await post('/api/org-units', { name, kind: 'forvaltning', parentId: namnd });
    const owner = await post('/api/people', { name: `Ägare ${f + 1} Systemsson`, homeUnitId: forvaltning });
    for (let i = 0; i < SYSTEMS_PER_FORVALTNING; i++) {
      n++;
      const hosting = ['internal_it', 'saas', 'supplier_hosted', 'internal_supplier'][n % 4];
      const system = await post('/api/systems', { name: `${name.slice(0, 4)}system ${String(n).padStart(2, '0')}`, kind: 'business', owningUnitId: forvaltning, hosting });
      if (n % 3 === 0) continue;
      for (const roleKey of ['systemagare', 'systemforvaltare']) await post('/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: system, personId: owner });
    }
  }
  return kommun;
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`the matrix fits ${viewport.width}×${viewport.height}, opens a cell's details by keyboard, filters gaps, and passes axe`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page);
    const kommun = await buildKommun(page);
    // Only this kommun's systems (other spec files' kommuner share the installation).
    await page.goto(`/responsibilities?unitId=${kommun}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ansvarsmatris' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Ansvar per system och område' });
    await expect(table.locator('tbody tr[data-system-id]')).toHaveCount(25);
    await expect(page.getByRole('status').filter({ hasText: 'system visas' })).toHaveText('25 av 25 system visas.');
    // Grouped by förvaltning: a header row per group.
    await expect(table.getByRole('rowheader', { name: /Skolförvaltningen/ })).toBeVisible();

    // It fits: no sideways scrolling of the page or of the table's box; the page is under three screens high.
    const size = await page.locator('.matrix-scroll').evaluate((box) => {
      const root = box.ownerDocument.documentElement;
      return {
        pageWidth: root.scrollWidth,
        pageHeight: root.scrollHeight,
        boxScroll: box.scrollWidth - box.clientWidth,
        columns: box.querySelectorAll('thead th').length,
      };
    });
    expect(size.columns).toBe(12); // the system and the 11 areas with a rule per system
    expect(size.pageWidth).toBeLessThanOrEqual(viewport.width);
    expect(size.boxScroll).toBeLessThanOrEqual(1);
    expect(size.pageHeight).toBeLessThan(3 * viewport.height);
    await expectNoAxeViolations(page);

    // Keyboard only: one cell is in the tab order, the arrows move, Enter opens the details, Escape closes them.
    const firstCell = table.locator('button[data-cell="0:0"]');
    await firstCell.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const cell = table.locator('button[data-cell="1:1"]');
    await expect(cell).toBeFocused();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog');
    await expect(details.getByRole('heading', { level: 2, name: /Systemförteckning/ })).toBeVisible();
    await expect(details).toContainText('Ansvarig');
    await expect(details).not.toContainText('systemforteckning.'); // no rule ids
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await expect(cell).toBeFocused();

    // Only gaps: every row left has a vacant or missing cell, and the systems with all roles held are gone.
    await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Avveckling av datamedia och datakommunikation' });
    await page.getByLabel('Bara system med brister (vakant eller saknas)').check();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page).toHaveURL(/gaps=true/);
    await expect(page.getByRole('status').filter({ hasText: 'med brister' })).toHaveText('8 system med brister visas.');
    await expect(table.locator('tbody tr[data-system-id]')).toHaveCount(8);
    for (const row of await table.locator('tbody tr[data-system-id]').all()) await expect(row.getByText('Vakant')).toBeVisible();
    await expectNoAxeViolations(page);

    if (viewport.width === 1280) {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Responsibility matrix' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'with gaps' })).toHaveText('8 systems with gaps shown.');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Svenska' }).click();
    }
  });
}
