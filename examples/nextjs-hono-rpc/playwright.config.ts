import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = 3102;

// Debian's Chromium where installed (machines that cannot download Playwright's browser);
// Playwright's own browser everywhere else (`npx playwright install chromium` once).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = existsSync(chromium)
  ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }
  : {};

/** Browser tests against the production build (`npm run build` first; `npm test` does both). */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
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
