import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureAdministrator, expectNoAxeViolations, signIn } from './helpers.ts';

// The layout for data (issue 12): a grouped main menu on one row, data pages that use the screen's width, tables
// with sticky headers and tags that keep their shape on zebra rows.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SHOTS = '/tmp/shots-layout';
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const UNITS = [
  'Samhällsbyggnadsförvaltningen i Layoutvik',
  'Barn- och utbildningsförvaltningen i Layoutvik',
  'Socialförvaltningen, individ- och familjeomsorg',
  'Kultur- och fritidsförvaltningen i Layoutvik',
];
const OWNERS = ['Ann-Charlotte Lindqvist-Holmberg', 'Karl-Johan Åkesson Wikström', 'Maria Josefsson'];
const SYSTEM_NAMES = [
  'Ärendehanteringssystem för bygglov och anmälningsärenden',
  'Verksamhetssystem för hemtjänst och särskilt boende',
  'Elevadministration och schemaläggning för grundskolan',
  'Dokument- och ärendehanteringssystem för kommunstyrelsen',
  'E-tjänsteplattform för medborgarärenden',
  'Geografiskt informationssystem med kartportal',
  'Lönesystem med personaladministration och självservice',
  'Ekonomisystem för budget, uppföljning och leverantörsreskontra',
  'Bokningssystem för idrottshallar och samlingslokaler',
  'Journalsystem för elevhälsans medicinska insats',
];
const LIFECYCLE_STEPS: Array<Array<'in_operation' | 'retiring' | 'retired'>> = [
  [],
  [],
  ['in_operation'],
  ['in_operation', 'retiring'],
  ['in_operation', 'retiring', 'retired'],
];
const HOSTINGS = ['internal_it', 'internal_supplier', 'supplier_hosted', 'saas', 'cloud_tenant', 'public_body'];
const CRITICALITIES = [null, 'low', 'medium', 'high'];

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
}

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Huvudmeny|Main menu)$/ });

/** The header's parts lie on one row: their boxes overlap vertically and the header is one row high. */
async function expectHeaderOnOneRow(page: Page, userName: RegExp): Promise<void> {
  const header = page.getByRole('banner');
  const parts: Locator[] = [
    header.getByRole('link', { name: 'Ansvar', exact: true }),
    nav(page),
    header.getByRole('button', { name: /^(English|Svenska)$/ }),
    header.getByRole('link', { name: /^(Notiser|Notifications)/ }),
    header.getByRole('button', { name: userName }),
  ];
  const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox())!));
  const top = Math.max(...boxes.map((b) => b.y));
  const bottom = Math.min(...boxes.map((b) => b.y + b.height));
  expect(bottom - top, `header parts share a row: ${JSON.stringify(boxes)}`).toBeGreaterThan(10);
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.height, 'the header is one row high').toBeLessThan(80);
  // Nothing in the menu wrapped onto a second line.
  const navBox = (await nav(page).boundingBox())!;
  expect(navBox.height).toBeLessThan(60);
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: 40 systems with long names, owners and every lifecycle', async ({ page }) => {
  await signIn(page);
  const post = await apiAs(page);
  const kommun = await post<{ id: string }>('/api/org-units', { name: 'Layoutviks kommun', kind: 'kommun', parentId: null });
  const ks = await post<{ id: string }>('/api/org-units', { name: 'Kommunstyrelsen i Layoutvik', kind: 'namnd', parentId: kommun.id });
  const units: string[] = [];
  for (const name of UNITS) units.push((await post<{ id: string }>('/api/org-units', { name, kind: 'forvaltning', parentId: ks.id })).id);
  const owners: string[] = [];
  for (const [i, name] of OWNERS.entries()) {
    owners.push(
      (await post<{ id: string }>('/api/people', { name, email: `agare${i}@layoutvik.test`, homeUnitId: units[i % units.length] })).id,
    );
  }
  for (let i = 0; i < 40; i++) {
    const system = await post<{ id: string }>('/api/systems', {
      name: `${SYSTEM_NAMES[i % SYSTEM_NAMES.length]} ${i + 1}`,
      kind: 'business',
      owningUnitId: units[i % units.length],
      hosting: HOSTINGS[i % HOSTINGS.length],
      criticality: CRITICALITIES[i % CRITICALITIES.length],
      aliases: i % 3 === 0 ? [`Förkortning ${i + 1}`] : [],
      lifecycle: (i + Math.floor(i / 10)) % 5 === 1 ? 'implementing' : 'planned',
    });
    const steps = LIFECYCLE_STEPS[(i + Math.floor(i / 10)) % LIFECYCLE_STEPS.length]!;
    // A system is taken into operation only with its required roles held.
    const roles = steps.length ? ['systemagare', 'systemforvaltare', 'driftansvarig'] : i % 4 === 3 ? [] : ['systemagare'];
    for (const [r, roleKey] of roles.entries()) {
      await post('/api/role-assignments', {
        roleKey,
        subjectKind: 'system',
        subjectId: system.id,
        personId: owners[(i + r) % owners.length],
      });
    }
    let version = ((await (await page.request.get(`/api/systems/${system.id}`)).json()) as { version: number }).version;
    for (const to of steps) {
      if (to === 'in_operation' && (i + Math.floor(i / 10)) % 5 !== 1) {
        version = (await post<{ version: number }>(`/api/systems/${system.id}/lifecycle`, { version, lifecycle: 'implementing' })).version;
      }
      version = (await post<{ version: number }>(`/api/systems/${system.id}/lifecycle`, { version, lifecycle: to })).version;
    }
  }
});

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height} the header is one row in Swedish and English`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page);
    await expectHeaderOnOneRow(page, /användarmeny/);
    await page.goto('/systems');
    await expect(page.getByRole('heading', { level: 1, name: 'Systemförteckning' })).toBeVisible();
    await expectHeaderOnOneRow(page, /användarmeny/);
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    try {
      await expect(page.getByRole('heading', { level: 1, name: 'System register' })).toBeVisible();
      await expectHeaderOnOneRow(page, /user menu/);
      await nav(page).getByRole('button', { name: 'Governance' }).click();
      await expect(nav(page).getByRole('link', { name: 'Responsibilities' })).toBeVisible();
      if (viewport.width === 1280) await shot(page, 'header-en-1280');
      await expectNoAxeViolations(page);
    } finally {
      await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Systemförteckning' })).toBeVisible();
    }
  });
}

test('a menu group opens and closes by keyboard, and the current page is marked', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await signIn(page);
  const menu = nav(page);
  await expect(menu.getByRole('link', { name: 'Översikt' })).toHaveAttribute('aria-current', 'page');
  const register = menu.getByRole('button', { name: 'Register', exact: true });
  await expect(register).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: 'System', exact: true })).toBeHidden();

  // Enter opens the group; Tab moves to its first link; Escape closes it and gives focus back to the button.
  await register.focus();
  await page.keyboard.press('Enter');
  await expect(register).toHaveAttribute('aria-expanded', 'true');
  const systems = menu.getByRole('link', { name: 'System', exact: true });
  await expect(systems).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Leverantörer och avtal' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(systems).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(register).toHaveAttribute('aria-expanded', 'false');
  await expect(register).toBeFocused();
  await expect(systems).toBeHidden();

  // Space opens it too; the link is followed with Enter, and the menu is closed on the new page.
  await page.keyboard.press(' ');
  await expect(register).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Systemförteckning' })).toBeVisible();
  await expect(register).toHaveAttribute('aria-expanded', 'false');
  // The group of the current page says so (bold with a bar beneath, not by colour alone), and so does its link.
  await expect(register).toHaveAttribute('aria-current', 'true');
  await expect(menu.getByRole('link', { name: 'Översikt' })).not.toHaveAttribute('aria-current', /.*/);
  await register.click();
  await expect(systems).toHaveAttribute('aria-current', 'page');
  expect(await register.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fontWeight)).toBe('600');
  expect(await register.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).borderBottomStyle)).toBe('solid');
  await shot(page, 'header-sv-1280');

  // One group open at a time; a click outside closes it; so does Tab past its last link.
  const governance = menu.getByRole('button', { name: 'Styrning' });
  await governance.click();
  await expect(governance).toHaveAttribute('aria-expanded', 'true');
  await expect(register).toHaveAttribute('aria-expanded', 'false');
  await page.mouse.click(4, 796); // the page's margin, far from the menu
  await expect(governance).toHaveAttribute('aria-expanded', 'false');
  await governance.focus();
  await page.keyboard.press('Enter');
  // Policy, Ansvarsmatris, Informationsklassning, Avvikelser, Behörighetskontroller: five links, then out.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expect(governance).toHaveAttribute('aria-expanded', 'false');

  // Pages below a link mark it too: the repair page belongs to Personer, under Organisation.
  await page.goto('/admin/suspect-people');
  await expect(menu.getByRole('button', { name: 'Organisation' })).toHaveAttribute('aria-current', 'true');
});

test('the start page, the systems list and the audit trail pass axe', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await signIn(page);
  await expectNoAxeViolations(page);
  await nav(page).getByRole('button', { name: 'Administration' }).click();
  await expectNoAxeViolations(page); // with a group open
  await nav(page).getByRole('link', { name: 'Händelselogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/systems');
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('at 1280 px the systems list fits its default columns, keeps its header in view and its tags on zebra rows', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await signIn(page);
  await page.goto('/systems');
  const table = page.getByRole('table', { name: 'System i förteckningen' });
  await expect(table.getByRole('link', { name: `${SYSTEM_NAMES[0]} 1`, exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveCount(8); // the name and the seven default columns
  // No sideways scrolling: the table is as wide as its box.
  const scroll = page.getByRole('region', { name: 'System i förteckningen' });
  await scroll.evaluate((el) => el.scrollIntoView());
  await shot(page, 'systems-1280');
  const widths = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll, 'the table fits its container').toBeLessThanOrEqual(widths.client);
  // The data page uses the screen: the table box is nearly as wide as the window.
  expect((await scroll.boundingBox())!.width).toBeGreaterThan(1280 - 80);

  // The header row stays at the top of the table's box when the rows scroll beneath it.
  await scroll.evaluate((el) => el.scrollTo({ top: 600 }));
  const boxTop = (await scroll.boundingBox())!.y;
  const headerTop = (await table.getByRole('columnheader').first().boundingBox())!.y;
  expect(Math.abs(headerTop - boxTop)).toBeLessThan(2);

  // Each tag has a border in its own colour, so it keeps its shape on a tinted (zebra) row.
  const tags = table.locator('tbody tr:nth-child(2n) .ds-tag');
  expect(await tags.count()).toBeGreaterThan(10);
  const styles = await tags.evaluateAll((els) =>
    els.map((el) => {
      const view = el.ownerDocument.defaultView!;
      const tag = view.getComputedStyle(el);
      const cell = view.getComputedStyle(el.closest('td')!);
      return { border: tag.borderTopColor, width: tag.borderTopWidth, cell: cell.backgroundColor };
    }),
  );
  for (const style of styles) {
    expect(style.width).not.toBe('0px');
    expect(style.border).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.border).not.toBe(style.cell);
  }
  await expectNoAxeViolations(page);
  await shot(page, 'systems-1280-scrolled');
});
