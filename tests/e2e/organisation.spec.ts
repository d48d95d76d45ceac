import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ensureAdministrator, expectNoAxeViolations, navigateTo, signIn } from './helpers.ts';

// One organisation built step by step: later tests use the units and people of earlier ones.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const KOMMUN = 'Testviks kommun';
const KS = 'Kommunstyrelsen';
const KLF = 'Kommunledningsförvaltningen';
const IT = 'IT-enheten i Testvik';
const path = (...names: string[]) => names.join(' / ');

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

async function openFromNav(page: Page, group: string, name: string, heading: string | RegExp): Promise<void> {
  await navigateTo(page, group, name);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function createUnit(page: Page, name: string, kind: string, parent: string | null, extra: { code?: string; fn?: string } = {}) {
  const form = page.getByRole('region', { name: 'Skapa organisationsenhet' });
  await form.getByLabel('Namn', { exact: true }).fill(name);
  await form.getByLabel('Typ av enhet').selectOption({ label: kind });
  await form.getByLabel('Överordnad enhet').selectOption(parent ? { label: parent } : { index: 0 });
  await form.getByLabel('Kod', { exact: true }).fill(extra.code ?? '');
  await form.getByLabel('Funktion enligt policyn').selectOption({ label: extra.fn ?? 'Ingen särskild funktion' });
  await form.getByRole('button', { name: 'Skapa enhet' }).click();
  await expect(form.getByText(`Enheten ${name} är skapad.`)).toBeVisible();
}

test('an administrator builds a small organisation; bad input is explained', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Organisation', 'Enheter', 'Organisation');
  await expectNoAxeViolations(page);

  const form = page.getByRole('region', { name: 'Skapa organisationsenhet' });
  // Nothing filled in: the browser-side check names both fields.
  await form.getByRole('button', { name: 'Skapa enhet' }).click();
  await expect(form.getByText('Fyll i enhetens namn.').first()).toBeVisible();
  await expect(form.getByText('Välj vilken typ av enhet det är.').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A förvaltning at the top of the tree: the server refuses it, and says why.
  await form.getByLabel('Namn', { exact: true }).fill(KLF);
  await form.getByLabel('Typ av enhet').selectOption({ label: 'Förvaltning' });
  await form.getByRole('button', { name: 'Skapa enhet' }).click();
  await expect(form.getByText('En enhet överst i organisationen måste vara en kommun.').first()).toBeVisible();

  await createUnit(page, KOMMUN, 'Kommun', null, { code: 'TVK' });
  await createUnit(page, KS, 'Kommunstyrelse', KOMMUN);
  await createUnit(page, KLF, 'Förvaltning', path(KOMMUN, KS), { code: 'KLF' });
  await createUnit(page, IT, 'Enhet', path(KOMMUN, KS, KLF), { code: 'IT', fn: 'IT-enheten' });
  await createUnit(page, 'Kansliet', 'Enhet', path(KOMMUN, KS, KLF), { fn: 'Kansli' });

  // The tree shows kind and function as words.
  const tree = page.getByRole('list', { name: 'Organisationsträd' });
  await expect(tree.getByRole('link', { name: IT })).toBeVisible();
  // (Other spec files' kommuner share the tree, so each line is found by its unit's link.)
  const line = (name: string) => tree.locator('.org-tree__unit').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(line(IT).getByText('(Enhet, IT-enheten)')).toBeVisible();
  await expect(line('Kansliet').getByText('(Enhet, Kansli)')).toBeVisible();
  await expectNoAxeViolations(page);

  // The search finds units by part of the name, any case.
  await page.getByLabel('Namn eller kod').fill('kommunlednings');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText('1 enhet matchar ”kommunlednings”.')).toBeVisible();

  // The unit page: breadcrumbs, and a move under its own sub-unit is refused on the field.
  await page.getByRole('table').getByRole('link', { name: KLF }).click();
  await expect(page.getByRole('heading', { level: 1, name: KLF })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Du är här:' }).getByRole('link', { name: KS })).toBeVisible();
  await page.getByText('Flytta enheten', { exact: true }).first().click();
  await page.getByLabel('Ny överordnad enhet').selectOption({ label: path(KOMMUN, KS, KLF, IT) });
  await page.getByRole('button', { name: 'Flytta enheten' }).click();
  await expect(page.getByText('En enhet kan inte flyttas till sig själv eller till en enhet under sig.').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('people are imported from a spreadsheet: dry run first, then applied', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Organisation', 'Personer', 'Personer');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Importera personer från HR-systemet' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera personer' })).toBeVisible();
  await expectNoAxeViolations(page);

  // An HR export as many systems write it: a title row above the header, Swedish column names.
  const csv = [
    'Personalförteckning Testviks kommun;;;;;',
    'Anställningsnummer;Förnamn;Efternamn;E-post;Befattning;Enhet',
    `T100;Tove;Tekniksson;tove@testvik.test;IT-chef;IT`,
    `T101;Olle;Öhman;olle@testvik.test;Drifttekniker;IT`,
    `T102;Karin;Kansli;karin@testvik.test;Kanslichef;Kansliet`,
    `T103;Felix;Felsson;felix@testvik.test;Handläggare;Enheten som inte finns`,
  ].join('\r\n');
  await page.getByLabel('Fil från HR-systemet', { exact: true }).setInputFiles({ name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByLabel('Delta (bara raderna i filen)').check();
  await page.getByRole('button', { name: 'Läs filen och visa vad som ändras' }).click();

  const preview = page.getByRole('region', { name: 'Det här skulle ändras' });
  await expect(preview.getByRole('heading', { name: 'Det här skulle ändras' })).toBeFocused();
  const rows = preview.getByRole('table', { name: 'Rader i filen och vad som händer med dem' });
  await expect(rows.getByRole('row', { name: /Tove Tekniksson/ })).toContainText('Ny');
  await expect(rows.getByRole('row', { name: /Felix Felsson/ })).toContainText('Fel – tas inte med');
  await expect(rows.getByRole('row', { name: /Felix Felsson/ })).toContainText('Enheten som inte finns');
  await expectNoAxeViolations(page);
  // Only the rows with errors, then back.
  await preview.getByRole('radio', { name: 'Bara rader med fel (1)' }).check();
  await expect(rows.locator('tbody > tr')).toHaveCount(1);
  await expect(rows.locator('tbody > tr')).toContainText('Felix Felsson');
  await expect(preview.getByText('1 av 1 rader visas.')).toBeVisible();
  await preview.getByRole('radio', { name: /^Det som ändras/ }).check();
  await expect(rows.getByRole('row', { name: /Tove Tekniksson/ })).toBeVisible();

  await preview.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByText('Importen är genomförd')).toBeVisible();
  await expect(page.getByText('Nya personer: 3.', { exact: false })).toBeVisible();
  await expect(page.getByText('1 rad med fel togs inte med.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The list finds them; the one with an error was not imported.
  await openFromNav(page, 'Organisation', 'Personer', 'Personer');
  await page.getByLabel('Namn, e-post eller anställningsnummer').fill('tove');
  await page.getByRole('button', { name: 'Visa personer' }).click();
  await expect(page.getByRole('link', { name: 'Tove Tekniksson' })).toBeVisible();
  await page.getByLabel('Namn, e-post eller anställningsnummer').fill('felix');
  await page.getByRole('button', { name: 'Visa personer' }).click();
  await expect(page.getByText('Inga personer matchar filtret.')).toBeVisible();
});

test('a chef is appointed on a unit; a second chef is refused with a message to hand over', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Organisation', 'Enheter', 'Organisation');
  await page.getByRole('list', { name: 'Organisationsträd' }).getByRole('link', { name: IT }).click();
  await expect(page.getByRole('heading', { level: 1, name: IT })).toBeVisible();
  await expect(page.getByRole('table', { name: `Personer i ${IT}` }).getByRole('link', { name: 'Tove Tekniksson' })).toBeVisible();
  await expect(page.getByText('Ingen har rollen Chef.')).toBeVisible();
  await expectNoAxeViolations(page);

  const assign = page.getByRole('region', { name: 'Ge någon en roll' });
  await assign.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
  await assign.getByLabel('Sök person').fill('tove');
  await expect(assign.getByText('1 träff.')).toBeVisible();
  await assign.getByLabel('Välj bland träffarna').selectOption({ label: 'Tove Tekniksson (IT-chef, IT-enheten i Testvik, tove@testvik.test)' });
  await assign.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByText('Tove Tekniksson har nu rollen Chef.')).toBeVisible();
  const roles = page.getByRole('table', { name: `Roller i ${IT}` });
  await expect(roles.getByRole('row', { name: /Chef/ })).toContainText('Tove Tekniksson');

  // Chef has at most one holder: a second one is refused, and the message says to hand over.
  await assign.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
  await assign.getByLabel('Sök person').fill('olle');
  await expect(assign.getByText('1 träff.')).toBeVisible();
  await assign.getByLabel('Välj bland träffarna').selectOption({ index: 1 });
  await assign.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(assign.getByText('Gör en överlämning i stället.', { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The person page lists the role.
  await roles.getByRole('link', { name: 'Tove Tekniksson' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tove Tekniksson' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Roller som Tove Tekniksson har' }).getByRole('row', { name: /Chef/ })).toContainText(IT);
  await expectNoAxeViolations(page);
});

test('the policy page shows who is responsible in the kommun right now', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Styrning', 'Policy', /IT-säkerhetspolicy/);
  // Other spec files may have built kommuner of their own: choose ours when the page offers a choice
  // (once the status has loaded: the choice comes with it).
  await expect(page.getByRole('heading', { level: 2, name: /^Läget i / })).toBeVisible();
  const choice = page.getByLabel('Visa ansvar i', { exact: true });
  if (await choice.isVisible()) await choice.selectOption({ label: KOMMUN });
  await expect(page.getByRole('heading', { level: 2, name: `Läget i ${KOMMUN}` })).toBeVisible();
  const area = page.getByRole('article', { name: 'Behörighetsbeställning' });
  await expect(area.getByRole('heading', { name: `Ansvariga i ${KOMMUN} just nu` })).toBeVisible();
  await expect(area.getByRole('link', { name: IT })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a broken policy pack is refused, with each problem listed by its place in the pack', async ({ page }) => {
  await signIn(page);
  await page.goto('/policy/versions');
  await expect(page.getByRole('heading', { level: 1, name: 'Policyversioner' })).toBeVisible();
  await expectNoAxeViolations(page);
  const broken = ['format: ansvar-policy-pack/1', 'id: Inte Giltigt', 'version: "1"', 'title:', '  sv: Trasig', 'language: sv', 'goals: []', 'roles: []', 'areas: []', 'rules: []'].join('\n');
  await page.getByLabel('Policypaket', { exact: true }).setInputFiles({ name: 'trasig.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken, 'utf8') });
  await page.getByRole('button', { name: 'Ladda upp och börja använda' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'laddades inte upp' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('listitem').filter({ hasText: /^id:/ })).toBeVisible();
  await expect(problems.getByRole('listitem').filter({ hasText: /^goals:/ })).toBeVisible();
  await expect(page.getByText('Ingen version är uppladdad.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('app permissions: a grant on a unit is added and removed on the users page', async ({ page }) => {
  await signIn(page);
  await openFromNav(page, 'Administration', 'Användare', 'Användare');
  await page.getByRole('button', { name: `Behörigheter för ${ADMIN.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Behörigheter för ${ADMIN.name}` });
  await expect(dialog.getByRole('cell', { name: 'Hela installationen', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The last installation-wide administrator cannot be removed.
  await dialog.getByRole('button', { name: 'Ta bort Administratör för Hela installationen' }).click();
  await expect(dialog.getByText('sista administratören', { exact: false })).toBeVisible();

  await dialog.getByLabel('Roll', { exact: true }).selectOption({ label: 'Granskare' });
  await dialog.getByLabel('Gäller', { exact: true }).selectOption({ label: path(KOMMUN, KS, KLF, IT) });
  await dialog.getByRole('button', { name: 'Lägg till behörigheten' }).click();
  await expect(dialog.getByRole('cell', { name: path(KOMMUN, KS, KLF, IT), exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Ta bort Granskare för ${path(KOMMUN, KS, KLF, IT)}` }).click();
  await expect(dialog.getByRole('cell', { name: path(KOMMUN, KS, KLF, IT), exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Behörigheter för ${ADMIN.name}` })).toBeFocused();
});
