import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, signIn } from './helpers.ts';

// TEMPORARY (not for commit): screenshots of the follow-up pages with a realistic amount of data, sv and en.
test.describe.configure({ mode: 'serial', timeout: 600_000 });

const SHOTS = '/tmp/shots-follow-up-data';
const KARIN = { email: 'karin.lind@skarmby.test', name: 'Karin Lind', password: 'Stark-Fjällbjörk-42' };
const PER = { email: 'per.holm@skarmby.test', name: 'Per Holm', password: 'Stark-Fjällbjörk-42' };
const UNITS = ['Socialförvaltningen i Skärmby', 'Barn- och utbildningsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'Kultur- och fritidsförvaltningen'];
const NAMES = [
  'Verksamhetssystem för hemtjänst och särskilt boende',
  'Elevadministration och schemaläggning',
  'Ärendehanteringssystem för bygglov',
  'Bokningssystem för idrottshallar',
  'Journalsystem för elevhälsan',
  'E-tjänsteplattform för medborgarärenden',
  'Lönesystem med självservice',
  'Geografiskt informationssystem',
];

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function as(request: APIRequestContext, email: string, password: string) {
  const csrf = async () => ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const login = await request.post('/api/auth/login', { headers: { 'x-csrf-token': await csrf() }, data: { email, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const token = await csrf();
  return {
    post: async <T = { id: string }>(url: string, data: unknown): Promise<T> => {
      const res = await request.post(url, { headers: { 'x-csrf-token': token }, data });
      expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    },
    get: async <T>(url: string): Promise<T> => (await (await request.get(url)).json()) as T,
  };
}

const day = (days: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: 40 systems, Karin owns most, Per manages some; actions and notifications', async ({ playwright, baseURL }) => {
  const adminCtx = await playwright.request.newContext({ baseURL });
  const admin = await as(adminCtx, ADMIN.email, ADMIN.password);
  const kommun = await admin.post('/api/org-units', { name: 'Skärmby kommun', kind: 'kommun', parentId: null });
  const ks = await admin.post('/api/org-units', { name: 'Kommunstyrelsen i Skärmby', kind: 'namnd', parentId: kommun.id });
  const units: string[] = [];
  for (const name of UNITS) units.push((await admin.post('/api/org-units', { name, kind: 'forvaltning', parentId: ks.id })).id);
  const karin = await admin.post('/api/people', { name: KARIN.name, email: KARIN.email, homeUnitId: units[0] });
  const per = await admin.post('/api/people', { name: PER.name, email: PER.email, homeUnitId: units[0] });
  const others: string[] = [];
  for (const [i, name] of ['Anna Berg', 'Johan Ek', 'Sara Nyström'].entries()) {
    others.push((await admin.post('/api/people', { name, email: `p${i}@skarmby.test`, homeUnitId: units[i % 4] })).id);
  }
  const perSystems = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const system = await admin.post('/api/systems', {
      name: `${NAMES[i % NAMES.length]} ${i + 1}`,
      kind: 'business',
      owningUnitId: units[i % units.length],
      hosting: ['internal_it', 'saas', 'supplier_hosted'][i % 3],
      personalData: ['none', 'personal', 'sensitive'][i % 3],
      lifecycle: 'implementing',
    });
    if (i < 30) await admin.post('/api/role-assignments', { roleKey: 'systemagare', subjectKind: 'system', subjectId: system.id, personId: karin.id });
    else await admin.post('/api/role-assignments', { roleKey: 'systemagare', subjectKind: 'system', subjectId: system.id, personId: others[i % 3] });
    if (i % 2 === 0) perSystems.add(system.id);
    if (i % 2 === 0) await admin.post('/api/role-assignments', { roleKey: 'systemforvaltare', subjectKind: 'system', subjectId: system.id, personId: per.id });
  }
  for (const user of [KARIN, PER]) {
    const invite = await admin.post<{ url: string }>('/api/invites', { email: user.email, name: user.name, role: 'user' });
    await admin.post('/api/invites/accept', { token: new URL(invite.url).searchParams.get('token'), name: user.name, password: user.password });
  }
  await adminCtx.dispose();

  // Per proposes accepting three risks on Karin's systems, comments and sets due dates.
  const perCtx = await playwright.request.newContext({ baseURL });
  const perApi = await as(perCtx, PER.email, PER.password);
  type Page = { items: Array<{ id: string; version: number; systemId: string | null }> };
  const karinsFindings = await perApi.get<Page>(`/api/findings?ownerId=${karin.id}&limit=100`);
  expect(karinsFindings.items.length).toBeGreaterThan(20);
  const some = karinsFindings.items.filter((f) => f.systemId && perSystems.has(f.systemId)).filter((_, i) => i % 5 === 0).slice(0, 4);
  for (const [i, f] of some.entries()) {
    await perApi.post(`/api/findings/${f.id}/comment`, { text: 'Vi har pratat med leverantören; ett nytt avtal är på väg.\nÅterkommer efter nästa styrgruppsmöte.' });
    const d = await perApi.post<{ version: number }>(`/api/findings/${f.id}/due-date`, { version: f.version, dueOn: day(10 + i * 5) });
    await perApi.post(`/api/findings/${f.id}/accept-risk`, {
      version: d.version,
      motivation: 'Systemet ersätts under nästa år. Tills dess begränsas åtkomsten till behöriga handläggare och loggarna granskas varje månad.',
      expiresOn: day(180),
    });
  }
  await perCtx.dispose();

  // Karin approves one, rejects one; acknowledges a few.
  const karinCtx = await playwright.request.newContext({ baseURL });
  const karinApi = await as(karinCtx, KARIN.email, KARIN.password);
  const first = await karinApi.get<{ version: number }>(`/api/findings/${some[0]!.id}`);
  await karinApi.post(`/api/findings/${some[0]!.id}/approve-risk`, { version: first.version });
  const second = await karinApi.get<{ version: number }>(`/api/findings/${some[1]!.id}`);
  await karinApi.post(`/api/findings/${some[1]!.id}/reject-risk`, { version: second.version, reason: 'Risken är för stor med känsliga personuppgifter. Ta fram ett avtal i stället.' });
  for (const f of karinsFindings.items.slice(1, 6)) {
    const cur = await karinApi.get<{ version: number; handling: string }>(`/api/findings/${f.id}`);
    if (cur.handling === 'none') await karinApi.post(`/api/findings/${f.id}/acknowledge`, { version: cur.version });
  }
  await karinCtx.dispose();
});

async function karinPages(page: Page, lang: 'sv' | 'en') {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, KARIN.email, KARIN.password);
  if (lang === 'en') {
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  }
  await expect(page.locator('.task-table')).toBeVisible();
  await shot(page, `${lang}-1-start`);
  await shot(page, `${lang}-1-start-viewport`, false);

  await page.goto('/findings?mine=true&handling=todo');
  await expect(page.locator('table.data-table')).toBeVisible();
  await shot(page, `${lang}-2-findings-mine`, false);
  await page.locator('.bulk-bar button').click();
  await shot(page, `${lang}-3-bulk-form`);
  await page.getByRole('radio').nth(1).check();
  await page.locator('.bulk-form input[type="date"]').fill(day(60));
  await page.locator('.bulk-form button[type="submit"]').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, `${lang}-4-bulk-confirm`, false);
  await page.keyboard.press('Escape');

  await page.goto('/notifications');
  await expect(page.locator('table.data-table')).toBeVisible();
  await shot(page, `${lang}-5-notifications`);
  // The rejected one has the longest history.
  await page.goto('/findings?mine=true&handling=todo');
  await page.locator('table.data-table tbody tr a[href^="/findings/"]').first().click();
  await expect(page.locator('.finding-history')).toBeVisible();
  await shot(page, `${lang}-6-finding`);
  await page.goto('/account');
  await expect(page.locator('form').first()).toBeVisible();
  await shot(page, `${lang}-7-account`);
  if (lang === 'en') {
    await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  }
}

test('Karin in Swedish', async ({ page }) => {
  await karinPages(page, 'sv');
});

test('Karin in English', async ({ page }) => {
  await karinPages(page, 'en');
});

test('a risk to approve, and the admin e-mail page, in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, KARIN.email, KARIN.password);
  await page.goto('/?kind=risk_approval#mina-uppgifter');
  await page.locator('.task-table a[href^="/findings/"]').first().click();
  await expect(page.locator('.risk-decision')).toBeVisible();
  await shot(page, 'sv-8-approve');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'en-8-approve');
  await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await signIn(page);
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await page.goto('/admin/email');
  await expect(page.getByRole('heading', { level: 1, name: 'E-mail' })).toBeVisible();
  await shot(page, 'en-9-email', false);
  // The worst case: the administrator's menu and a two-digit unread count in English, at 1280 px.
  for (const lang of ['en', 'sv'] as const) {
    if (lang === 'sv') await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
    await page.evaluate((text) => {
      const bell = (globalThis as unknown as { document: { querySelector(s: string): { innerHTML: string } | null } }).document.querySelector('.app-bell');
      if (bell) bell.innerHTML = `<svg width="20" height="20"></svg><span>${text}</span>`;
    }, lang === 'en' ? '12 unread' : '12 olästa');
    const header = await page.getByRole('banner').boundingBox();
    console.log(lang, 'header height', header?.height);
    await shot(page, `${lang}-10-header-worst`, false);
    expect(header!.height).toBeLessThan(80);
  }
});
