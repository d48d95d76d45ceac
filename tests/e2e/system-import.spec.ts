import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import writeExcelFile from 'write-excel-file/node';
import { ADMIN, expectNoAxeViolations, setupLinkPath, signIn } from './helpers.ts';

// A messy multi-sheet register imported through the page, corrected and applied; each step builds on the last.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const KOMMUN = 'Importby kommun';
const SOC = 'Importby socialförvaltning';
const SKOLA = 'Importby skolförvaltning';
const KULTUR = 'Importby kulturförvaltning';
const OWNER = { name: 'Ingela Importsson', email: 'ingela@importby.test' };

/** Creates the administrator from the setup link when this file runs on its own (foundation.spec.ts does it otherwise). */
async function ensureAdministrator(request: APIRequestContext): Promise<void> {
  let token: string;
  try {
    token = new URL(setupLinkPath(), 'http://x').searchParams.get('token') ?? '';
  } catch {
    return;
  }
  const link = await request.get(`/api/setup/${encodeURIComponent(token)}`);
  if (!link.ok()) return;
  const { token: csrf } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  const created = await request.post('/api/setup', {
    headers: { 'x-csrf-token': csrf },
    data: { token, email: ADMIN.email, name: ADMIN.name, password: ADMIN.password },
  });
  expect(created.status()).toBe(201);
}

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
  expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Titles above the header, notes below, a sheet per förvaltning, English and odd-case headers, the same system twice. */
async function messyWorkbook(): Promise<Buffer> {
  const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' });
  const sheets = [
    { sheet: 'Instruktioner', data: [['Fyll i en rad per system.']] },
    {
      sheet: SOC,
      data: [
        ['Systemförteckning 2026'],
        [null],
        ['Systemnamn', 'Systemägare', 'Driftform', 'Personuppgifter', 'Avtalets slutdatum', 'Leverantör', 'Ansvarig IT'],
        ['Importby Omsorg', OWNER.email, 'Hos leverantör', 'Ja, känsliga', date('2026-12-31'), 'Omsorgsbolaget AB', 'Vakant'],
        ['Importby Kontor', OWNER.name, 'M365', 'Ja', '31/12 2027', null, 'Leverantören'],
        [null],
        ['* Uppdaterad av IT-enheten'],
      ],
    },
    {
      sheet: SKOLA,
      data: [
        ['SYSTEM NAME', 'system OWNER', 'Hosting', 'Personal data'],
        ['importby kontor', 'Okänd Okändsson', 'SaaS', 'yes'],
        ['Importby Skolwebb', 'Okänd Okändsson', 'cloud', 'no'],
      ],
    },
    { sheet: KULTUR, data: [['Systemnamn', 'Systemägare'], ['Importby Bibliotek', OWNER.name]] },
  ];
  return writeExcelFile(sheets as Parameters<typeof writeExcelFile>[0]).toBuffer();
}

test.beforeAll(async ({ request }) => {
  await ensureAdministrator(request);
});

test('setup: a kommun with two förvaltningar and a person, made through the API', async ({ page }) => {
  await signIn(page);
  const kommun = await post<{ id: string }>(page, '/api/org-units', { name: KOMMUN, kind: 'kommun', parentId: null });
  const soc = await post<{ id: string }>(page, '/api/org-units', { name: SOC, kind: 'forvaltning', parentId: kommun.id });
  await post(page, '/api/org-units', { name: SKOLA, kind: 'forvaltning', parentId: kommun.id });
  await post(page, '/api/people', { ...OWNER, homeUnitId: soc.id });
});

test('a messy workbook is read, corrected and applied through the page', async ({ page }) => {
  await signIn(page);
  await page.goto('/systems/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera system' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Without a file the field says so, in text.
  await page.getByRole('button', { name: 'Läs filen och visa vad som händer' }).click();
  await expect(page.getByText('Välj en fil.').first()).toBeVisible();

  await page.getByLabel('Systemförteckning', { exact: true }).setInputFiles({
    name: 'systemforteckning.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyWorkbook(),
  });
  await page.getByRole('button', { name: 'Läs filen och visa vad som händer' }).click();
  const preview = page.getByRole('region', { name: 'Det här skulle hända' });
  await expect(page.getByRole('heading', { level: 2, name: 'Det här skulle hända' })).toBeFocused();
  await expect(preview.getByText(`Okänd förvaltning "${KULTUR}"`, { exact: false }).first()).toBeVisible();
  await expect(preview.getByText('Okänd Okändsson – läggs inte till', { exact: false })).toBeVisible();
  await expect(preview.getByText('Bladet "Instruktioner" har ingen rubrikrad och hoppas över.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Only the rows with errors: every row shown has one, and the count matches the summary's.
  const rowsTable = page.getByRole('table', { name: 'Rader i filen och vad som händer med dem' });
  const errorCount = Number(await preview.locator('dl.facts--counts dt:text-is("Rader med fel") + dd').textContent());
  expect(errorCount).toBeGreaterThan(0);
  await page.getByRole('radio', { name: `Bara rader med fel (${errorCount})` }).check();
  await expect(rowsTable.locator('tbody tr')).toHaveCount(errorCount);
  for (const row of await rowsTable.locator('tbody tr').all()) await expect(row).toContainText('Fel:');
  await expect(preview.getByText(`${errorCount} av ${errorCount} rader visas.`)).toBeVisible();
  // Only the rows with remarks: their remarks are shown open.
  await page.getByRole('radio', { name: /^Bara rader med anmärkningar/ }).check();
  for (const row of await rowsTable.locator('tbody tr').all()) await expect(row.locator('details[open] li').first()).toBeVisible();
  await expect(preview.getByText('Samma system som rad 5 på bladet Importby socialförvaltning.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: /^Ändringar och meddelanden/ }).check();

  // The column "Ansvarig IT" was not recognised: read it as driftansvarig.
  const column = page.getByLabel('Kolumnen ”Ansvarig IT”');
  await expect(column).toHaveValue('');
  await column.selectOption({ label: 'Driftansvarig' });
  await page.getByRole('button', { name: 'Läs filen igen med de här kolumnerna' }).click();
  await expect(page.getByLabel('Kolumnen ”Ansvarig IT”')).toHaveValue('operations');
  await page.getByRole('radio', { name: /^Bara rader med anmärkningar/ }).check();
  await expect(preview.getByText('Rollen Driftansvarig – IT-driftsledare lämnas vakant.')).toBeVisible();
  // "Leverantören" on a row without a supplier: no holder, and never a person — the table says what each name became.
  const holders = page.getByRole('table', { name: 'Namn i rollkolumnerna och vad de blir' });
  await expect(holders.getByRole('row').filter({ hasText: 'Leverantören' })).toContainText('Ingen innehavare');
  await expect(holders.getByRole('row').filter({ hasText: 'Leverantören' })).toContainText('raden anger ingen leverantör');
  await expectNoAxeViolations(page);

  // Create the förvaltning and the person the file names that Ansvar does not know.
  await page.getByRole('button', { name: 'Läs filen igen och skapa det som saknas' }).click();
  await expect(preview.getByText(`${KULTUR} – läggs till`, { exact: false })).toBeVisible();
  await expect(preview.getByText('Okänd Okändsson – läggs till', { exact: false })).toBeVisible();
  const counts = preview.locator('dl.facts--counts');
  await expect(counts).toContainText('Nya system4');
  await expect(counts).toContainText('Rader med fel0');
  await expect(page.getByLabel('Kolumnen ”Ansvarig IT”')).toHaveValue('operations');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Genomför importen' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Importen är klar' });
  await expect(done).toBeFocused();
  await expect(done).toContainText('Nya system: 4. Ändrade system: 0.');
  await expectNoAxeViolations(page);

  const found = (await (await page.request.get(`/api/systems?q=${encodeURIComponent('importby kontor')}`)).json()) as {
    items: Array<{ name: string; owningUnit: { name: string }; hosting: string; lifecycle: string }>;
  };
  expect(found.items).toEqual([expect.objectContaining({ name: 'Importby Kontor', owningUnit: expect.objectContaining({ name: SOC }), hosting: 'cloud_tenant', lifecycle: 'in_operation' })]);

  // The audit trail shows the import as one entry, in words, that opens to its changes.
  await page.goto('/audit');
  const trail = page.getByRole('table', { name: 'Händelser, de senaste först' });
  const entry = trail.getByRole('row').filter({ hasText: 'Import av systemförteckning' }).first();
  await expect(entry).toContainText('Genomförd');
  await entry.getByText(/^Visa \d+ ändringar$/).click();
  await expect(entry.getByText('System Importby Kontor skapad')).toBeVisible();
  await expect(trail).not.toContainText('system_import');
  // Of the import's rows only its own entry is on the trail (the origin "Import" under who did it).
  await expect(trail.locator('tbody > tr').filter({ has: page.getByText('Import', { exact: true }) })).toHaveCount(1);
  await page.goto('/systems/import');
  await expectNoAxeViolations(page);

  // The same file again changes nothing.
  await page.getByLabel('Systemförteckning', { exact: true }).setInputFiles({
    name: 'systemforteckning.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyWorkbook(),
  });
  await page.getByRole('button', { name: 'Läs filen och visa vad som händer' }).click();
  await expect(page.getByText('Importen ändrar inget: allt i filen stämmer redan med systemförteckningen.')).toBeVisible();
});

test('a name in a role cell and a sheet name cut by Excel are corrected on the page, and the import follows them', async ({ page }) => {
  const CUT = 'Importby miljö- och byggförvalt'; // 31 characters: Excel's limit, so probably cut
  expect(CUT).toHaveLength(31);
  const workbook = await writeExcelFile([
    { sheet: CUT, data: [['Systemnamn', 'Systemägare', 'Driftansvarig'], ['Importby Bygglov', OWNER.name, 'Driftpartner HB']] },
    { sheet: SOC, data: [['Systemnamn', 'Systemägare'], ['Importby Journal', OWNER.name]] },
  ] as Parameters<typeof writeExcelFile>[0]).toBuffer();
  await signIn(page);
  await page.goto('/systems/import');
  await page.getByLabel('Systemförteckning', { exact: true }).setInputFiles({
    name: 'bygg.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });
  await page.getByRole('button', { name: 'Läs filen och visa vad som händer' }).click();
  const preview = page.getByRole('region', { name: 'Det här skulle hända' });
  await expect(page.getByRole('heading', { level: 2, name: 'Det här skulle hända' })).toBeFocused();
  await expect(preview.getByText(`Bladet "${CUT}" har ingen kolumn för förvaltning`, { exact: false })).toBeVisible();
  // A name that reads as an organisation and matches nothing: no holder, never a person.
  const holders = page.getByRole('table', { name: 'Namn i rollkolumnerna och vad de blir' });
  await expect(holders.getByRole('row').filter({ hasText: 'Driftpartner HB' })).toContainText('Ingen innehavare');

  // The cut sheet name is called out by its field; give the existing förvaltning instead.
  const sheetField = page.getByLabel(`Förvaltning för bladet ”${CUT}”`);
  await expect(sheetField).toHaveValue(CUT);
  await expect(page.getByText('Namnet är 31 tecken långt, som mest i Excel, och är troligen avkortat.', { exact: false })).toBeVisible();
  await sheetField.fill('');
  await page.getByRole('button', { name: 'Läs filen igen med de här förvaltningarna' }).click();
  await expect(page.getByRole('link', { name: `Skriv en förvaltning för bladet ”${CUT}”.` })).toBeVisible();
  await page.getByLabel(`Förvaltning för bladet ”${CUT}”`).fill(SKOLA);
  await page.getByRole('button', { name: 'Läs filen igen med de här förvaltningarna' }).click();
  await expect(preview.getByText(`Bladet "${CUT}" läses som förvaltningen "${SKOLA}", som du angav.`)).toBeVisible();
  await expect(page.getByLabel(`Förvaltning för bladet ”${CUT}”`)).toHaveValue(SKOLA);
  await expectNoAxeViolations(page);

  // Say what "Driftpartner HB" means: first without choosing the supplier (an error), then the unit.
  await page.getByLabel('Namn i filen').selectOption({ label: 'Driftpartner HB' });
  await page.getByRole('radio', { name: 'En leverantör' }).check();
  await page.getByRole('button', { name: 'Läs filen igen med tolkningen' }).click();
  await expect(page.getByRole('link', { name: 'Välj en leverantör.' })).toBeVisible();
  await page.getByRole('radio', { name: 'En enhet' }).check();
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: `${KOMMUN} / ${SOC}` });
  await page.getByRole('button', { name: 'Läs filen igen med tolkningen' }).click();
  await expect(holders.getByRole('row').filter({ hasText: 'Driftpartner HB' })).toContainText(`Enhet: ${SOC}`);
  await expect(preview.getByText(`”Driftpartner HB” – Enhet: ${SOC}`)).toBeVisible();
  // Both corrections are kept for every later read of the file.
  await expect(preview.getByText(`Bladet "${CUT}" läses som förvaltningen "${SKOLA}", som du angav.`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importen är klar' })).toBeFocused();
  const found = (await (await page.request.get(`/api/systems?q=${encodeURIComponent('Importby Bygglov')}&holders=all`)).json()) as {
    items: Array<{ name: string; owningUnit: { name: string }; holders: Array<{ roleKey: string; holder: { kind: string; name: string } }> }>;
  };
  expect(found.items).toEqual([expect.objectContaining({ name: 'Importby Bygglov', owningUnit: expect.objectContaining({ name: SKOLA }) })]);
  expect(found.items[0]!.holders).toContainEqual({ roleKey: 'driftansvarig', holder: expect.objectContaining({ kind: 'unit', name: SOC }) });
  const people = (await (await page.request.get(`/api/people?q=${encodeURIComponent('Driftpartner')}`)).json()) as { items: unknown[] };
  expect(people.items).toEqual([]);
});
