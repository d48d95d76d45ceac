import { defineConfig } from '@playwright/test';

/** Browser tests in Debian's Chromium against a fresh Ansvar on its own port and data directory. */
const PORT = Number(process.env.E2E_PORT ?? 3211);
/** E2E_DATA_DIR lets two runs at once (with different E2E_PORTs) keep apart. */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.e2e-data';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'sv-SE',
    // The design system animates a details element's opening (0.4 s) unless the user asks for reduced motion. A click
    // during the animation can land on a checkbox that is still moving (CI lost "Senast ändrad" that way twice), so the
    // tests ask for reduced motion, as users may.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The foundation spec walks through first-time setup with the one setup link, so it runs first; the
  // others create the administrator themselves when they run alone (helpers.ensureAdministrator).
  projects: [
    { name: 'foundation', testMatch: /foundation\.spec\.ts/ },
    { name: 'features', testIgnore: /foundation\.spec\.ts/, dependencies: ['foundation'] },
  ],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node bin/ansvar.js start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATA_DIR: E2E_DATA_DIR, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdout: 'pipe',
  },
});
