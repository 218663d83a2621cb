/**
 * Example pages: what a reader gets from "Open in StackBlitz", "Run here" and "Download" is
 * exactly what git tracks in `examples/<name>/`, and nothing is fetched before they ask.
 * StackBlitz is unreachable in tests: its requests are intercepted at the browser context
 * (`openProject` posts a form from a new window, which `page.route` would miss).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { unzipSync } from 'fflate';
import { catalog } from '../src/lib/example-project/catalog.ts';

/** The test's own reading of an example's files: git's tracked list and the bytes on disk. */
function trackedFiles(name: string, prefix = ''): Map<string, Buffer> {
	const dir = `examples/${name}`;
	const paths = execFileSync('git', ['ls-files', '-z', '--', dir], { encoding: 'utf8' }).split('\0').filter(Boolean);
	return new Map(paths.filter((path) => existsSync(path)).map((path) => [`${prefix}${path.slice(dir.length + 1)}`, readFileSync(path)]));
}

/** What StackBlitz and the zip must hold: the example's tracked files, and each example it carries in a folder of its name. */
function projectFiles(name: string): Map<string, Buffer> {
	const included = (catalog[name]?.includes ?? []).flatMap((other) => [...trackedFiles(other, `${other}/`)]);
	return new Map([...trackedFiles(name), ...included]);
}

const examplesWithPages = readdirSync('content/docs/examples')
	.filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
	.map((file) => file.replace(/\.mdx$/, ''));
const examplesWithProjects = readdirSync('dist/examples').filter((name) => existsSync(`dist/examples/${name}/project.json`));
const examplesWithDownloads = readdirSync('dist/downloads').map((file) => file.replace(/\.zip$/, ''));
// Python examples have a page and a download but no StackBlitz project (WebContainers run Node.js only).
const pythonPages = examplesWithPages.filter((name) => !examplesWithProjects.includes(name));

/** The built chunk that holds the StackBlitz SDK (the only one that knows its URL). */
const sdkChunk = readdirSync('dist/_astro').find((file) => file.endsWith('.js') && readFileSync(join('dist/_astro', file), 'utf8').includes('stackblitz.com'));

const lf = (text: string) => text.replace(/\r\n/g, '\n');

interface StackBlitzPost {
	url: URL;
	fields: URLSearchParams;
}

/** Answers every StackBlitz request with a stub page and hands over the form POSTs. */
async function interceptStackBlitz(context: BrowserContext): Promise<StackBlitzPost[]> {
	const posts: StackBlitzPost[] = [];
	await context.route('https://stackblitz.com/**', async (route) => {
		const request = route.request();
		if (request.method() === 'POST') posts.push({ url: new URL(request.url()), fields: new URLSearchParams(request.postData() ?? '') });
		await route.fulfill({
			status: 200,
			contentType: 'text/html',
			headers: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'cross-origin' },
			body: '<!doctype html><title>StackBlitz (stub)</title><p>stub</p>',
		});
	});
	return posts;
}

function expectProject(post: StackBlitzPost, name: string) {
	const payload = JSON.parse(readFileSync(`dist/examples/${name}/project.json`, 'utf8'));
	const files = new Map<string, string>();
	for (const [key, value] of post.fields) {
		const match = /^project\[files\]\[(.+)\]$/.exec(key);
		// The SDK escapes brackets in paths (Next's `[id]` folders) so they do not end the field name.
		if (match) files.set(match[1]!.replace(/%5B/g, '[').replace(/%5D/g, ']'), value);
	}
	const tracked = projectFiles(name);
	expect([...files.keys()].sort()).toEqual([...tracked.keys()].sort());
	for (const [path, bytes] of tracked) expect(lf(files.get(path)!), path).toBe(lf(bytes.toString('utf8')));
	expect(post.fields.get('project[template]')).toBe('node');
	expect(post.fields.get('project[title]')).toBe(payload.project.title);
	expect(post.fields.get('project[description]')).toBe(payload.project.description);
	expect(post.url.searchParams.get('file')).toBe(payload.options.openFile);
	expect(post.url.searchParams.get('startScript')).toBe(payload.options.startScript);
}

/** Every request the page makes from navigation until the network is idle. */
async function loadRecording(page: Page, path: string): Promise<Request[]> {
	const requests: Request[] = [];
	page.on('request', (request) => requests.push(request));
	await page.goto(path, { waitUntil: 'networkidle' });
	return requests;
}

test('the SDK chunk exists in the build (so the "no SDK before a click" checks mean something)', () => {
	expect(sdkChunk).toBeTruthy();
});

// The widget behaves the same on every page: its fallbacks and keyboard use are checked on one.
const widgetPage = examplesWithPages.includes('hono-service') ? 'hono-service' : examplesWithPages[0];

for (const name of examplesWithPages.filter((page) => examplesWithProjects.includes(page))) {
	test.describe(`examples/${name}`, () => {
		test('loads nothing from StackBlitz, no SDK and no project before a click', async ({ page }) => {
			const requests = await loadRecording(page, `/examples/${name}/`);
			const urls = requests.map((request) => request.url());
			expect(urls.filter((url) => !url.startsWith('http://localhost:'))).toEqual([]);
			expect(urls.filter((url) => url.includes(sdkChunk!) || url.includes('project.json'))).toEqual([]);
			await expect(page.getByRole('button', { name: 'Open in StackBlitz' })).toBeVisible();
		});

		test('says what StackBlitz runs, on which Node, and lists its sections in "On this page"', async ({ page }) => {
			const payload = JSON.parse(readFileSync(`dist/examples/${name}/project.json`, 'utf8'));
			await page.goto(`/examples/${name}/`);
			const runtime = page.getByTestId('example-webcontainer');
			// Every example pins its Node in .nvmrc (the parity check runs the same).
			await expect(runtime).toContainText('it runs on Node 22.22.3, pinned by its .nvmrc (22.22.3)');
			await expect(runtime).toContainText(`then npm run ${payload.options.startScript}`);
			for (const included of catalog[name]?.includes ?? []) await expect(runtime).toContainText(`The project carries ${included} in ${included}/`);
			const toc = page.getByRole('navigation', { name: 'On this page' });
			for (const [id, text] of [
				['open', 'Open it'],
				['run-locally', 'Run it locally'],
				['files', 'Files'],
			]) {
				await expect(toc.getByRole('link', { name: text, exact: true })).toHaveAttribute('href', `#${name}-${id}`);
				await expect(page.locator(`#${name}-${id}`)).toHaveText(text);
			}
		});

		test('Open in StackBlitz posts exactly the tracked files, template, title and open file', async ({ page, context }) => {
			const posts = await interceptStackBlitz(context);
			const requests = await loadRecording(page, `/examples/${name}/`);
			const popup = context.waitForEvent('page');
			await page.getByRole('button', { name: 'Open in StackBlitz' }).click();
			await (await popup).waitForLoadState();
			await expect.poll(() => posts.length).toBe(1);
			expectProject(posts[0]!, name);
			expect(requests.some((request) => request.url().includes(sdkChunk!))).toBe(true);
			await expect(page.getByRole('status')).toContainText('Opened the example in StackBlitz in a new tab.');
		});

		test('Run here embeds the same project in the page, in a cross-origin isolated page', async ({ page, context }) => {
			const posts = await interceptStackBlitz(context);
			await page.goto(`/examples/${name}/`);
			expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
			await page.getByRole('button', { name: 'Run here' }).click();
			await expect(page.locator('egca-example iframe')).toHaveAttribute('title', /running in StackBlitz/);
			await expect.poll(() => posts.length).toBe(1);
			expectProject(posts[0]!, name);
			expect(posts[0]!.url.searchParams.get('embed')).toBe('1');
		});

		if (name === widgetPage) {
			test('without cross-origin isolation, Run here is replaced by an explanation', async ({ page }) => {
				// The same page served without COOP/COEP, as a host without the headers would.
				await page.route(`**/examples/${name}/`, async (route) => {
					const response = await route.fetch();
					const headers = { ...response.headers() };
					delete headers['cross-origin-embedder-policy'];
					delete headers['cross-origin-opener-policy'];
					await route.fulfill({ response, headers });
				});
				await page.goto(`/examples/${name}/`);
				await expect(page.getByRole('button', { name: 'Open in StackBlitz' })).toBeVisible();
				await expect(page.getByRole('button', { name: 'Run here' })).toBeHidden();
				await expect(page.getByText('Run here is not offered in this browser')).toBeVisible();
			});

			test('without JavaScript, the download, commands and files are there and the page says what needs JavaScript', async ({ browser }) => {
				const context = await browser.newContext({ javaScriptEnabled: false });
				const page = await context.newPage();
				await page.goto(`/examples/${name}/`);
				await expect(page.getByRole('link', { name: new RegExp(`Download ${name}\\.zip`) })).toBeVisible();
				await expect(page.getByText('Open in StackBlitz and Run here need JavaScript')).toBeVisible();
				await expect(page.getByRole('button', { name: 'Open in StackBlitz' })).toBeHidden();
				await expect(page.getByText('npm ci').first()).toBeAttached();
				await context.close();
			});

			test('Open in StackBlitz works from the keyboard', async ({ page, context }) => {
				const posts = await interceptStackBlitz(context);
				await page.goto(`/examples/${name}/`);
				const button = page.getByRole('button', { name: 'Open in StackBlitz' });
				for (let presses = 0; presses < 60 && !(await button.evaluate((element) => element === document.activeElement)); presses++) {
					await page.keyboard.press('Tab');
				}
				await expect(button).toBeFocused();
				const popup = context.waitForEvent('page');
				await page.keyboard.press('Enter');
				await popup;
				await expect.poll(() => posts.length).toBe(1);
				await page.bringToFront();
				await page.keyboard.press('Tab');
				await expect(page.getByRole('button', { name: 'Run here' })).toBeFocused();
				await page.keyboard.press('Enter');
				await expect(page.locator('egca-example iframe')).toBeAttached();
				await expect(page.getByRole('status')).toContainText('Starting the example below');
			});
		}
	});
}

for (const name of pythonPages) {
	test(`examples/${name} says it runs locally only, offers the download and the uv commands`, async ({ page }) => {
		const requests = await loadRecording(page, `/examples/${name}/`);
		expect(requests.map((request) => request.url()).filter((url) => !url.startsWith('http://localhost:'))).toEqual([]);
		await expect(page.getByTestId('example-webcontainer')).toContainText('It runs locally only, not in StackBlitz');
		await expect(page.getByRole('button', { name: 'Open in StackBlitz' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: new RegExp(`Download ${name}\\.zip`) })).toBeVisible();
		await expect(page.getByText('uv sync --locked').first()).toBeAttached();
		const toc = page.getByRole('navigation', { name: 'On this page' });
		await expect(toc.getByRole('link', { name: 'Download it', exact: true })).toHaveAttribute('href', `#${name}-open`);
	});
}

for (const name of examplesWithDownloads) {
	test(`the download of ${name} holds exactly its tracked files (and those of the examples it carries)`, async ({ request }) => {
		const response = await request.get(`/downloads/${name}.zip`);
		expect(response.ok()).toBe(true);
		const entries = unzipSync(new Uint8Array(await response.body()));
		const tracked = projectFiles(name);
		expect(Object.keys(entries).sort()).toEqual([...tracked.keys()].map((path) => `${name}/${path}`).sort());
		for (const [path, bytes] of tracked) expect(Buffer.from(entries[`${name}/${path}`]!).equals(bytes), path).toBe(true);
	});
}

test('the examples index lists every example and links to its page', async ({ page }) => {
	await page.goto('/examples/');
	for (const name of examplesWithPages) await expect(page.locator(`a[href="/examples/${name}/"]`).first()).toBeVisible();
});

test('pages other than examples are not cross-origin isolated', async ({ request }) => {
	const response = await request.get('/playbooks/backend-api/');
	expect(response.headers()['cross-origin-embedder-policy']).toBeUndefined();
	const example = await request.get(`/examples/${examplesWithPages[0]}/`);
	expect(example.headers()['cross-origin-embedder-policy']).toBe('require-corp');
	expect(example.headers()['cross-origin-opener-policy']).toBe('same-origin');
});
