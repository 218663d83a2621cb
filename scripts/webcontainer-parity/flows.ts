/**
 * What "it runs" means for each example: the ports its start script opens, the URL that answers
 * once it is up, and the main flow a reader tries first, driven over HTTP or in Chromium. An
 * example without a flow here fails the parity check: a new example must say what to try.
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Locator, Page } from '@playwright/test';

export interface FlowContext {
	/** The project folder (the StackBlitz payload written out). */
	dir: string;
	env: NodeJS.ProcessEnv;
	/** A Chromium page, launched on first use. */
	page: () => Promise<Page>;
}

export interface Flow {
	/** Every port the start script opens; they must be free before it starts. */
	ports: number[];
	/** Answers below 500 once the example is up. */
	readyUrl: string;
	/** Throws an Error whose message says what a reader would have seen go wrong. */
	run: (context: FlowContext) => Promise<void>;
}

/** Waits for a locator a reader would see; fails with the sentence `what`. */
async function see(locator: Locator, what: string, timeout = 120_000): Promise<void> {
	try {
		await locator.first().waitFor({ state: 'visible', timeout });
	} catch {
		throw new Error(`the page never showed ${what}`);
	}
}

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
	const text = await response.text();
	if (response.status !== status) throw new Error(`${what} answered ${response.status}, not ${status}: ${text.slice(0, 300)}`);
	return text.startsWith('{') ? JSON.parse(text) : text;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const flows: Record<string, Flow> = {
	'hono-service': {
		ports: [8787, 8788],
		readyUrl: 'http://localhost:8787/health',
		async run({ dir, env }) {
			const base = 'http://localhost:8787';
			const health = (await expectStatus(await fetch(`${base}/health`), 200, 'GET /health')) as { status?: string };
			if (health.status !== 'ok') throw new Error(`GET /health said ${JSON.stringify(health)}`);
			const home = String(await expectStatus(await fetch(`${base}/`), 200, 'GET / (the preview pane)'));
			if (!home.includes('hono-service is running')) throw new Error('GET / did not show the index page');
			// The token the way the README tells a reader to get one, on this Node.
			const sub = `parity-${unique()}`;
			const token = spawnSync('npm', ['run', '-s', 'token', '--', '--sub', sub, '--scope', 'users:read users:write reports:write'], { cwd: dir, env, encoding: 'utf8' });
			if (token.status !== 0) throw new Error(`npm run -s token failed: ${token.stderr.trim().split('\n')[0]}`);
			const headers = { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' };
			const body = JSON.stringify({ email: `${sub}@example.com`, name: 'Parity Check' });
			await expectStatus(await fetch(`${base}/v1/users`, { method: 'POST', headers, body }), 201, 'POST /v1/users');
			const user = (await expectStatus(await fetch(`${base}/v1/users/${sub}`, { headers }), 200, `GET /v1/users/${sub}`)) as { email?: string };
			if (user.email !== `${sub}@example.com`) throw new Error(`GET /v1/users/${sub} answered ${JSON.stringify(user)}`);
			// No Redis in a WebContainer: background jobs say so, in the error shape, and name the setting.
			const report = (await expectStatus(
				await fetch(`${base}/v1/reports`, { method: 'POST', headers, body: JSON.stringify({ kind: 'invoice-summary' }) }),
				503,
				'POST /v1/reports without Redis',
			)) as { error?: { code?: string; message?: string } };
			if (report.error?.code !== 'jobs_unavailable' || !report.error.message?.includes('REDIS_URL')) {
				throw new Error(`POST /v1/reports without Redis answered ${JSON.stringify(report)}`);
			}
		},
	},

	'nextjs-hono-rpc': {
		ports: [3000],
		readyUrl: 'http://localhost:3000/api/users',
		async run({ page }) {
			const tab = await page();
			await tab.goto('http://localhost:3000/');
			await see(tab.getByTestId('user-list').getByRole('link', { name: 'Ada Lovelace' }), 'the users the server fetched from the API');
			const email = `parity-${unique()}@example.com`;
			await tab.getByLabel('Name').fill('Katherine Johnson');
			await tab.getByLabel('Email').fill(email);
			await tab.getByRole('button', { name: 'Add user' }).click();
			await see(tab.getByTestId('user-list').getByText(email), 'the user the form created, in the list');
		},
	},

	'nextjs-server-actions': {
		ports: [3000],
		readyUrl: 'http://localhost:3000/healthz',
		async run({ page }) {
			const tab = await page();
			await tab.goto('http://localhost:3000/');
			await tab.getByLabel('Alice').check();
			await tab.getByRole('button', { name: 'Sign in' }).click();
			await see(tab.getByTestId('note-list').getByRole('heading', { name: 'Welcome, Alice' }), 'Alice’s notes from the database');
			const title = `Parity ${unique()}`;
			const form = tab.getByRole('form', { name: 'New note' });
			await form.getByLabel('Title').fill(title);
			await form.getByLabel('Note', { exact: true }).fill('Saved by a Server Action');
			await form.getByRole('button', { name: 'Save note' }).click();
			await see(tab.getByTestId('note-list').getByRole('heading', { name: title }), 'the note the Server Action saved');
		},
	},

	'nextjs-openapi-client': {
		// The app, and the service it carries with its dev IdP.
		ports: [3000, 8787, 8788],
		readyUrl: 'http://localhost:3000/api/service/health',
		async run({ page }) {
			const tab = await page();
			await tab.goto('http://localhost:3000/');
			await see(tab.getByLabel('Name'), 'the register form (the service answered through the proxy)');
			await tab.getByLabel('Name').fill('Parity Check');
			await tab.getByLabel('Email').fill(`parity-${unique()}@example.com`);
			await tab.getByRole('button', { name: 'Register' }).click();
			await see(tab.getByTestId('profile').getByText('Registered as Parity Check'), 'the registered user, from the service');
			await tab.getByLabel('Amount').fill('125.50');
			await tab.getByLabel('Description').fill('Parity invoice');
			await tab.getByRole('button', { name: 'Create invoice' }).click();
			await see(tab.getByTestId('invoice-list').getByText('Parity invoice'), 'the invoice the generated mutation created, in the list');
		},
	},
};

/** Closes the browser if a flow opened one. */
export async function closeBrowser(browser: Promise<Browser> | undefined): Promise<void> {
	if (browser) await (await browser).close();
}
