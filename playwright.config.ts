import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './scripts/lib/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4329);

/** Browser tests of the production build (`npm run build` first; `npm test` does both). */
export default defineConfig({
	testDir: './e2e',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: {
		command: `node scripts/preview.ts --port ${port}`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
