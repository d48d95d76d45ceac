import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const ADMIN = { email: 'it-chef@kommun.test', name: 'Ingrid Berg', password: 'Stark-Fjällbjörk-42' };

/** The one-time setup link the server wrote when it started on an empty database. */
export function setupLinkPath(): string {
  const url = new URL(readFileSync(join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'setup-link.txt'), 'utf8').trim());
  return `${url.pathname}${url.search}`;
}

/** WCAG 2.1 A and AA rules; any violation fails the test and lists the rule and the nodes. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A dialog or menu still fading in has colours between two states: check the page as it settles (a spinner's
  // endless animation does not count).
  await page.waitForFunction(() => {
    // Runs in the page; the test project's types have no DOM, so the little it uses is named here.
    type Animation = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
    const { document } = globalThis as unknown as { document: { getAnimations(): Animation[] } };
    return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Välkommen/ })).toBeVisible();
}

/** Creates the administrator from the setup link when a spec file runs alone (the foundation spec does it otherwise). */
export async function ensureAdministrator(request: APIRequestContext): Promise<void> {
  let token: string;
  try {
    token = new URL(setupLinkPath(), 'http://x').searchParams.get('token') ?? '';
  } catch {
    return;
  }
  const link = await request.get(`/api/setup/${encodeURIComponent(token)}`);
  if (!link.ok()) return;
  const { token: csrf } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  const created = await request.post('/api/setup', { headers: { 'x-csrf-token': csrf }, data: { token, email: ADMIN.email, name: ADMIN.name, password: ADMIN.password } });
  expect(created.status()).toBe(201);
}

/**
 * Opens a page from the grouped main menu: the group's button (Register, Organisation, Styrning, Administration),
 * then its link. A group with one link the user may see is that link itself, so then the link is clicked directly.
 */
export async function navigateTo(page: Page, group: string, link: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: /^(Huvudmeny|Main menu)$/ });
  const button = nav.getByRole('button', { name: group, exact: true });
  if ((await button.count()) > 0 && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await nav.getByRole('link', { name: link, exact: true }).click();
}
