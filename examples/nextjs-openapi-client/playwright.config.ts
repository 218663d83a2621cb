import { existsSync } from 'node:fs';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';
import { findServiceDir } from './scripts/service-dir.mjs';

/** This app under test, and a second instance whose service URL is a closed port. */
export const APP_PORT = 3103;
export const DOWN_APP_PORT = 3104;
// The service's own defaults; E2E_SERVICE_PORT / E2E_IDP_PORT move them when those are taken.
const servicePort = Number(process.env.E2E_SERVICE_PORT || 8787);
const idpPort = Number(process.env.E2E_IDP_PORT || 8788);
const idpUrl = `http://localhost:${idpPort}`;
const ci = Boolean(process.env.CI);
// examples/hono-service: beside this app in the repository, inside it in the download.
const serviceDir = findServiceDir();

// Debian's Chromium where installed (machines that cannot download Playwright's browser);
// Playwright's own browser everywhere else (`npx playwright install chromium` once).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = existsSync(chromium)
  ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }
  : {};

// A user of its own per run, so "no invoices yet" holds even against a service left running.
const devUserId = `e2e-${Date.now().toString(36)}`;

const serviceEnv = {
  PORT: String(servicePort),
  IDP_PORT: String(idpPort),
  // Empty counts as unset: the service uses PGlite in memory, whatever the shell says.
  DATABASE_URL: '',
  PGLITE_DATA_DIR: '',
  // The IdP signs with its own URL as issuer; the service must expect that issuer and its keys.
  JWT_ISSUER: idpUrl,
  JWKS_URL: `${idpUrl}/.well-known/jwks.json`,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
};

const appEnv = (port: number, serviceUrl: string, idpUrl: string) => ({
  PORT: String(port),
  SERVICE_URL: serviceUrl,
  IDP_URL: idpUrl,
  DEV_USER_ID: devUserId,
  NEXT_TELEMETRY_DISABLED: '1',
});

// The handbook's `npm test` sets TEST_REPORTS_DIR to read which tests ran and passed (its check
// that every rule's named proof did); nothing is written without it.
const reports = process.env.TEST_REPORTS_DIR;
const htmlReport: ReporterDescription[] = [['html', { open: 'never' }]];
const jsonReport: ReporterDescription[] = reports ? [['json', { outputFile: `${reports}/playwright.json` }]] : [];

/**
 * Browser tests against the production build (`npm run build` first; `npm test` does both),
 * with examples/hono-service and its dev IdP started from their own folder (`findServiceDir()`).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ...(ci ? [] : htmlReport), ...jsonReport],
  use: { baseURL: `http://localhost:${APP_PORT}`, trace: 'retain-on-failure' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    {
      command: 'npm run idp',
      cwd: serviceDir,
      url: `${idpUrl}/.well-known/jwks.json`,
      env: serviceEnv,
      reuseExistingServer: !ci,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npm run start',
      cwd: serviceDir,
      url: `http://localhost:${servicePort}/health`,
      env: serviceEnv,
      reuseExistingServer: !ci,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npm run start',
      url: `http://localhost:${APP_PORT}/api/service/health`,
      env: appEnv(APP_PORT, `http://localhost:${servicePort}`, idpUrl),
      // Never reuse: the instance must carry this run's DEV_USER_ID.
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npm run start',
      // Port 1 is closed: this instance shows the "service not reachable" state.
      url: `http://localhost:${DOWN_APP_PORT}/`,
      env: appEnv(DOWN_APP_PORT, 'http://localhost:1', 'http://localhost:1'),
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
