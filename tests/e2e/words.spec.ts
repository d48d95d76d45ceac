import { expect, test, type Page } from '@playwright/test';
import { ensureAdministrator, signIn } from './helpers.ts';

/**
 * The user's words only (issue 12, part 5): no page shows a rule id, the policy pack's id, an entity type,
 * an enum value or JSON. Runs last of the features (by name), when the other specs have filled the
 * installation with systems, roles, imports, agreements and findings; it makes a system of its own too.
 */
test.describe.configure({ timeout: 120_000 });

/** Entity types and other codes of the server that only a developer would recognise. */
const CODES = ['role_assignment', 'system_import', 'people_import', 'org_unit', 'permission_grant', 'setup_link', 'policy_pack'];
/** snake_case words (in_operation, supplier_hosted, role_vacant, …): codes, never Swedish or English. */
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
  expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const firstId = async (page: Page, path: string): Promise<string | null> => {
  const body = (await (await page.request.get(path)).json()) as { items?: Array<{ id: string }> };
  return body.items?.[0]?.id ?? null;
};

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('no page shows a rule id, the pack id, an entity type, a code or JSON', async ({ page }) => {
  await signIn(page);
  // Something to show when this spec runs alone: a kommun, a förvaltning and a system with a vacant role.
  const units = (await (await page.request.get('/api/org-units?limit=100')).json()) as { items: Array<{ id: string; kind: string }> };
  let kommun = units.items.find((u) => u.kind === 'kommun')?.id;
  kommun ??= (await post<{ id: string }>(page, '/api/org-units', { name: 'Ordby kommun', kind: 'kommun', parentId: null })).id;
  const forvaltning = await post<{ id: string }>(page, '/api/org-units', { name: `Ordby förvaltning ${Date.now()}`, kind: 'forvaltning', parentId: kommun });
  const system = await post<{ id: string }>(page, '/api/systems', { name: `Ordby system ${Date.now()}`, kind: 'business', owningUnitId: forvaltning.id });

  const policy = (await (await page.request.get('/api/policy')).json()) as { id?: string; document?: { id: string; rules: Array<{ id: string }> } };
  const packId = policy.document?.id ?? policy.id ?? '';
  const ruleIds = (policy.document?.rules ?? []).map((r) => r.id);
  expect(packId.length).toBeGreaterThan(0);
  expect(ruleIds.length).toBeGreaterThan(5);

  const person = await firstId(page, '/api/people?limit=1');
  const supplier = await firstId(page, '/api/suppliers?limit=1');
  const agreement = await firstId(page, '/api/agreements?limit=1');
  const finding = await firstId(page, '/api/findings?limit=1');
  const tabs = ['', '?tab=roles', '?tab=responsibilities', '?tab=agreements', '?tab=dependencies', '?tab=findings', '?tab=history'];
  const pages = [
    '/',
    '/systems',
    ...tabs.map((tab) => `/systems/${system.id}${tab}`),
    '/systems/import',
    '/responsibilities',
    '/findings',
    ...(finding ? [`/findings/${finding}`] : []),
    '/notifications',
    '/suppliers',
    ...(supplier ? [`/suppliers/${supplier}`] : []),
    ...(agreement ? [`/agreements/${agreement}`] : []),
    '/organisation',
    `/organisation/${kommun}`,
    `/organisation/${forvaltning.id}`,
    '/people',
    ...(person ? [`/people/${person}`] : []),
    '/people/import',
    '/admin/suspect-people',
    '/policy',
    '/policy/versions',
    '/audit',
    '/admin/users',
    '/admin/email',
    '/account',
  ];

  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Let lists and tabs load before the text is read.
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text, `${path}: the pack's id`).not.toContain(packId);
    for (const id of ruleIds) expect(text, `${path}: rule id ${id}`).not.toContain(id);
    for (const code of CODES) expect(text, `${path}: ${code}`).not.toContain(code);
    expect(text.match(SNAKE)?.[0] ?? null, `${path}: a code`).toBeNull();
    expect(text, `${path}: JSON`).not.toMatch(/\{\s*"/);
  }
});
