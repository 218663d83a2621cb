import { existsSync } from 'node:fs';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

const port = 3101;

// Debian's Chromium where installed (machines that cannot download Playwright's browser);
// Playwright's own browser everywhere else (`npx playwright install chromium` once).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = existsSync(chromium)
  ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }
  : {};

// The handbook's `npm test` sets TEST_REPORTS_DIR to read which tests ran and passed (its check
// that every rule's named proof did); nothing is written without it.
const reports = process.env.TEST_REPORTS_DIR;
const htmlReport: ReporterDescription[] = [['html', { open: 'never' }]];
const jsonReport: ReporterDescription[] = reports ? [['json', { outputFile: `${reports}/playwright.json` }]] : [];

/** Browser tests against the production build (`npm run build` first; `npm test` does both). */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ...(process.env.CI ? [] : htmlReport), ...jsonReport],
  use: { baseURL: `http://localhost:${port}`, trace: 'retain-on-failure' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: 'npm run start',
    url: `http://localhost:${port}/healthz`, // waits until the database is ready
    env: {
      PORT: String(port),
      // Always a fresh in-memory PGlite, even where the shell has a DATABASE_URL: the tests
      // must not depend on, or write to, an outside database.
      DATABASE_URL: '',
      PGLITE_DATA_DIR: '',
      // `next start` is a production server, whose cookies are Secure; the browser keeps Secure
      // cookies from http://localhost, but say it plainly for other hosts.
      DEV_COOKIE_INSECURE: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
