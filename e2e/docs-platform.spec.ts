/**
 * The docs-platform features as a reader (or an AI assistant) meets them: each page as
 * Markdown and copied as Markdown, llms.txt, the API reference built from the committed
 * OpenAPI document, compressed responses, and the edit / report links.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import GithubSlugger from 'github-slugger';
import { repoLinks } from '../src/lib/repo-links.ts';
import { sitemapPaths } from './pages.ts';

/** Content pages: every sitemap page but the generated API reference. */
const contentPages = sitemapPaths().filter((path) => !path.startsWith('/api/'));
const markdownUrl = (path: string) => (path === '/' ? '/index.md' : `${path.replace(/\/$/, '')}.md`);

test.describe('pages as Markdown', () => {
	test('"Copy page as Markdown" puts the page\'s Markdown, code included, on the clipboard', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/playbooks/backend-api/');
		await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
		await expect(page.locator('page-markdown').getByText('Copied')).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		const served = await (await page.request.get('/playbooks/backend-api.md')).text();
		expect(copied).toBe(served);
		expect(copied).toMatch(/^# Playbook: Backend API \/ Service\n/);
		expect(copied).toContain('## API contract');
		// The code <ExampleCode> shows is in it, as a fenced block.
		expect(copied).toMatch(/```ts\n[\s\S]*onError/);
	});

	test('"View as Markdown" links the page\'s .md version', async ({ page }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		await expect(page.getByRole('link', { name: 'View as Markdown' })).toHaveAttribute('href', '/guides/dedicated-backend-frameworks.md');
	});

	for (const path of contentPages) {
		test(`${markdownUrl(path)} is the Markdown of ${path}, titled as the page`, async ({ page, request }) => {
			await page.goto(path);
			const title = (await page.locator('h1').first().textContent())!.trim();
			const response = await request.get(markdownUrl(path));
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toMatch(/^text\/markdown/);
			const markdown = await response.text();
			expect(markdown.split('\n')[0]).toBe(`# ${title}`);
			expect(markdown).not.toContain('Section titled');
		});
	}
});

test.describe('llms.txt', () => {
	test('lists every content page with its Markdown address, and the API reference', async ({ request }) => {
		const response = await request.get('/llms.txt');
		expect(response.status()).toBe(200);
		const text = await response.text();
		expect(text).toMatch(/^# EGCA Engineering Handbook\n/);
		for (const path of contentPages) expect(text).toContain(`${markdownUrl(path)})`);
		expect(text).toMatch(/\[hono-service API reference\]\(\S+\/api\/hono-service\/\)/);
		expect(text).toMatch(/\[Complete documentation\]\(\S+\/llms-full\.txt\)/);
	});

	test('llms-full.txt holds every content page', async ({ page, request }) => {
		const full = await (await request.get('/llms-full.txt')).text();
		for (const path of contentPages) {
			await page.goto(path);
			expect(full).toContain(`# ${(await page.locator('h1').first().textContent())!.trim()}\n`);
		}
	});
});

test.describe('API reference', () => {
	const document = JSON.parse(readFileSync('examples/hono-service/openapi.json', 'utf8')) as {
		paths: Record<string, Record<string, { operationId: string; summary: string; parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
	};
	const operations = Object.entries(document.paths).flatMap(([path, item]) =>
		Object.entries(item).map(([method, operation]) => ({ path, method, ...operation })),
	);

	test('is linked from the example page and from the playbook\'s "API contract"', async ({ page }) => {
		await page.goto('/examples/hono-service/');
		await page.getByRole('main').getByRole('link', { name: 'hono-service API reference' }).click();
		await expect(page).toHaveURL(/\/api\/hono-service\/$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
		await page.goto('/playbooks/backend-api/');
		const contract = page.locator(':has(> h2#api-contract) ~ ul').first();
		await expect(contract.getByRole('link', { name: 'hono-service API reference' })).toHaveAttribute('href', '/api/hono-service/');
	});

	for (const operation of operations) {
		test(`shows ${operation.method.toUpperCase()} ${operation.path} with its parameters and every response`, async ({ page }) => {
			const response = await page.goto(`/api/hono-service/operations/${new GithubSlugger().slug(operation.operationId)}/`);
			expect(response?.status()).toBe(200);
			const main = page.getByRole('main');
			await expect(main.getByRole('heading', { level: 1 })).toHaveText(operation.summary);
			const method = main.locator('.sl-openapi-operation-method').first();
			await expect(method).toContainText(operation.method.toUpperCase());
			await expect(method).toContainText(operation.path);
			const keys = await main.locator('.sl-openapi-key-name strong').allTextContents();
			expect(keys).toEqual(expect.arrayContaining((operation.parameters ?? []).map((parameter) => parameter.name)));
			for (const status of Object.keys(operation.responses)) await expect(main.getByRole('heading', { name: status, exact: true })).toBeVisible();
		});
	}

	test('is found by search', async ({ page }) => {
		const { operationId, summary } = operations.find((operation) => operation.method === 'post')!;
		await page.goto('/', { waitUntil: 'networkidle' });
		await page.locator('site-search button[data-open-modal]').click();
		const input = page.locator('input.pagefind-ui__search-input');
		await expect(input).toBeFocused();
		await input.fill(summary);
		// The other services implement the same contract: their operation may be listed too.
		const href = `/api/hono-service/operations/${new GithubSlugger().slug(operationId)}/`;
		const result = page.locator(`.pagefind-ui__result-link[href="${href}"]`, { hasText: summary }).first();
		await expect(result).toBeVisible();
		await result.click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
	});
});

test('HTML, CSS and JavaScript arrive brotli-compressed (all but files under 1 KB)', async ({ page }) => {
	// Each response is read while the page is open: the listener keeps the reads, and the test
	// waits for all of them (an async listener that the test outran read a closed page).
	const reads: Promise<{ resource: string; encoding?: string; bytes: number }>[] = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (!['document', 'stylesheet', 'script'].includes(type)) return;
		reads.push(
			(async () => ({
				resource: `${type} ${new URL(response.url()).pathname}`,
				encoding: (await response.allHeaders())['content-encoding'],
				bytes: (await response.body()).byteLength,
			}))(),
		);
	});
	await page.goto('/guides/dedicated-backend-frameworks/', { waitUntil: 'networkidle' });
	const responses = await Promise.all(reads);
	expect(new Set(responses.map(({ resource }) => resource.split(' ')[0]))).toEqual(new Set(['document', 'stylesheet', 'script']));
	for (const { resource, encoding, bytes } of responses) {
		// Below 1 KB the encoding costs more than it saves: the hosts send those as they are too.
		if (bytes >= 1024) expect(encoding, resource).toBe('br');
	}
	expect(responses.filter(({ encoding }) => encoding === 'br').length).toBeGreaterThan(2);
});

test.describe('edit and report links', () => {
	// The build under test was made with this environment (npm test builds, then runs these).
	const { links } = repoLinks(process.env.HANDBOOK_REPO_URL);
	if (links) {
		test('"Edit page" opens the page source and "Report a problem" a prefilled issue', async ({ page }) => {
			await page.goto('/playbooks/backend-api/');
			await expect(page.getByRole('link', { name: 'Edit page' })).toHaveAttribute('href', `${links.editBaseUrl}content/docs/playbooks/backend-api.mdx`);
			const report = new URL((await page.getByRole('link', { name: 'Report a problem' }).getAttribute('href'))!);
			expect(report.searchParams.get('title') ?? report.searchParams.get('issue[title]')).toBe('Handbook: Playbook: Backend API / Service');
		});
	} else {
		test('are absent when the build had no valid HANDBOOK_REPO_URL', async ({ page }) => {
			await page.goto('/playbooks/backend-api/');
			await expect(page.locator('footer').getByText('Last updated:')).toBeVisible();
			await expect(page.getByRole('link', { name: 'Edit page' })).toHaveCount(0);
			await expect(page.getByRole('link', { name: 'Report a problem' })).toHaveCount(0);
		});
	}
});

test.describe('type hovers on the guide', () => {
	test("hovering a name in the generated client's code shows the type TypeScript infers", async ({ page }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		const block = page.locator('figure', { has: page.locator('figcaption', { hasText: 'src/components/invoice-list.tsx' }) });
		const data = block.locator('.type-hover', { has: page.locator('span', { hasText: /^data$/ }) }).first();
		const popup = data.locator('.type-hover__popup');
		await expect(popup).toBeHidden();
		await data.hover();
		await expect(popup).toBeVisible();
		await expect(popup.locator('code')).toHaveText('const data: InvoiceList | undefined');
	});

	test('a type popup can be hovered and read, and Escape dismisses it (WCAG 1.4.13)', async ({ page }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		const block = page.locator('figure', { has: page.locator('figcaption', { hasText: 'src/components/invoice-list.tsx' }) });
		const data = block.locator('.type-hover', { has: page.locator('span', { hasText: /^data$/ }) }).first();
		const popup = data.locator('.type-hover__popup');
		// Mid-viewport, as a reader reads it: the popup opens below its name, inside the window.
		await data.evaluate((name) => name.scrollIntoView({ block: 'center' }));
		await data.hover();
		await popup.hover();
		await expect(popup).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(popup).toBeHidden();
		await page.mouse.move(0, 0);
		await data.hover();
		await expect(popup).toBeVisible();
	});

	test('a popup that reaches past its code block is shown whole, not cut at the block', async ({ page }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		// A one-line block: every popup in it reaches below the block's bottom edge.
		const block = page.locator('.expressive-code', { has: page.locator('figcaption', { hasText: 'src/components/profile.tsx' }) }).last();
		await expect(block.locator('.ec-line')).toHaveCount(1);
		const name = block.locator('.type-hover').first();
		await name.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		await name.hover();
		const popup = name.locator('.type-hover__popup');
		await expect(popup).toBeVisible();
		const [popupBox, blockBox] = [await popup.boundingBox(), await block.boundingBox()];
		expect(popupBox!.y + popupBox!.height).toBeGreaterThan(blockBox!.y + blockBox!.height);
		// What the reader sees below the block's edge is the popup (a clip would show the page).
		const below = { x: popupBox!.x + 8, y: (blockBox!.y + blockBox!.height + popupBox!.y + popupBox!.height) / 2 };
		await expect.poll(() => popup.evaluate((element, { x, y }) => element.contains(document.elementFromPoint(x, y)), below)).toBe(true);
	});

	test("the Hono RPC client's AppType shows the backend's routes", async ({ page }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		const block = page.locator('figure', { has: page.locator('figcaption', { hasText: 'lib/api-client.ts (frontend)' }) });
		const appType = block.locator('.type-hover', { has: page.locator('span', { hasText: /^AppType$/ }) }).first();
		await appType.hover();
		await expect(appType.locator('.type-hover__popup')).toContainText('"/users"');
	});

	test('types stay out of the copied code and of the Markdown', async ({ page, request }) => {
		await page.goto('/guides/dedicated-backend-frameworks/');
		const block = page.locator('figure', { has: page.locator('figcaption', { hasText: 'src/components/invoice-list.tsx' }) });
		expect(await block.locator('button[data-code]').getAttribute('data-code')).not.toContain('InvoiceList | undefined');
		const markdown = await (await request.get('/guides/dedicated-backend-frameworks.md')).text();
		expect(markdown).toContain('const { data, error, isPending, isFetching } = useListInvoices(');
		expect(markdown).not.toContain('const data: InvoiceList | undefined');
	});
});
