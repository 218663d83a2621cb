import { existsSync } from 'node:fs';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

const port = 3102;

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
    url: `http://localhost:${port}/api/users`,
    // PORT is where `next start` listens and where server components reach the API;
    // API_BASE_URL is cleared so a value in the shell cannot point the tests elsewhere.
    env: { PORT: String(port), API_BASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
