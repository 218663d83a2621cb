import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolationsInEitherTheme } from './axe.ts';
import { sitemapPaths } from './pages.ts';

const pages = sitemapPaths();

/** Records what a reader would not see but should never happen: console errors, failed or external requests. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	page.on('request', (request) => {
		const { hostname, protocol } = new URL(request.url());
		if (protocol !== 'data:' && protocol !== 'blob:' && hostname !== 'localhost') problems.push(`left localhost: ${request.url()}`);
	});
	return problems;
}

test('the sitemap lists the handbook pages', () => {
	expect(pages).toEqual(
		expect.arrayContaining(['/', '/handbook/onboarding/', '/handbook/contributing/', '/playbooks/backend-api/', '/guides/dedicated-backend-frameworks/']),
	);
});

/**
 * The API reference has one page per operation, all of one template: the first operation page of
 * each document is scanned whole, the others only in their `<main>` (the header and sidebar are
 * the same markup with another current page). Every other page is scanned whole.
 */
const firstOperationPage = new Map<string, string>();
for (const path of pages) {
	const document = path.match(/^\/api\/([^/]+)\/operations\//)?.[1];
	if (document && !firstOperationPage.has(document)) firstOperationPage.set(document, path);
}
const axeScope = (path: string) => (path.includes('/operations/') && ![...firstOperationPage.values()].includes(path) ? { include: 'main' } : {});

for (const path of pages) {
	// One load per page: what a reader would not see, then axe in both themes.
	test(`page ${path} loads with no console error, no failed or outside request, and no axe violations in either theme`, async ({ page }) => {
		// Two scans of a long page on a busy 2-core machine: up to ~30 s.
		test.setTimeout(90_000);
		const problems = watch(page);
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1').first()).toBeVisible();
		expect(problems).toEqual([]);
		await expectNoAxeViolationsInEitherTheme(page, `on ${path}`, axeScope(path));
		expect(problems, 'after switching the theme').toEqual([]);
	});
}

test.describe('search', () => {
	const cases = [
		{ term: 'Retry-After', expected: 'Playbook: Backend API / Service', href: '/playbooks/backend-api/' },
		{ term: 'openapi-rq', expected: 'Dedicated backend frameworks: when and why', href: '/guides/dedicated-backend-frameworks/' },
	];
	for (const { term, expected, href } of cases) {
		test(`finds "${term}" in the ${href} page through the search dialog`, async ({ page }) => {
			// Starlight loads the Pagefind UI when the page goes idle; the dialog focuses its input
			// only once it exists, so open it as a reader would: after the page has loaded.
			await page.goto('/', { waitUntil: 'networkidle' });
			await page.locator('site-search button[data-open-modal]').click();
			const input = page.locator('input.pagefind-ui__search-input');
			await expect(input).toBeFocused();
			await input.fill(term);
			const result = page.locator('.pagefind-ui__result-link', { hasText: expected }).first();
			await expect(result).toBeVisible();
			expect(new URL((await result.getAttribute('href'))!, page.url()).pathname).toBe(href);
			await result.click();
			await expect(page).toHaveURL(new RegExp(`${href}`));
			await expect(page.locator('h1')).toHaveText(expected);
		});
	}
});

test.describe('keyboard only', () => {
	test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
		await page.goto('/playbooks/backend-api/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#_top$/);
		await page.keyboard.press('Tab');
		// The next stop is inside the main content, not back in the header or the sidebar.
		expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
	});

	for (const shortcut of ['Control+k']) {
		test(`${shortcut} opens the search dialog with the input focused, and Escape closes it`, async ({ page }) => {
			await page.goto('/handbook/onboarding/', { waitUntil: 'networkidle' });
			await page.locator('body').press(shortcut);
			const dialog = page.getByRole('dialog');
			await expect(dialog).toBeVisible();
			await expect(page.locator('input.pagefind-ui__search-input')).toBeFocused();
			await page.keyboard.type('idempotent');
			await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
		});
	}

	test('the sidebar can be walked with Tab and followed with Enter', async ({ page }) => {
		await page.goto('/handbook/onboarding/');
		const target = page.locator('nav[aria-label="Main"] a', { hasText: 'Backend API / Service' });
		for (let stop = 0; stop < 40 && !(await target.evaluate((link) => link === document.activeElement)); stop++) {
			await page.keyboard.press('Tab');
		}
		await expect(target).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/playbooks\/backend-api\/$/);
		await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]')).toHaveText('Playbook: Backend API / Service');
	});
});

test.describe('page ownership', () => {
	test('shows the owner and the review date under the title', async ({ page }) => {
		await page.goto('/playbooks/backend-api/');
		await expect(page.getByText('Owner: Platform team')).toBeVisible();
		await expect(page.locator('.page-ownership time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
		await expect(page.getByText('Needs review.')).toBeHidden();
		// "Last updated" comes from the file's git history.
		await expect(page.locator('footer').getByText('Last updated:')).toBeVisible();
	});

	test('asks for a review once the last one is more than six months old', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2099-01-01T12:00:00Z'));
		await page.goto('/playbooks/backend-api/');
		await expect(page.getByRole('note').filter({ hasText: 'Needs review.' })).toBeVisible();
	});
});

test('an unknown address shows the handbook 404 page', async ({ page }) => {
	const response = await page.goto('/playbooks/no-such-page/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Go to the handbook home' })).toBeVisible();
});

test.describe('the header on narrow and wide screens', () => {
	// A phone (320 and 390 px), a small tablet, and desktop widths either side of Starlight's 50rem.
	for (const width of [320, 390, 480, 575, 577, 768, 1024, 1280]) {
		test(`shows the site title whole at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/handbook/onboarding/');
			// What is drawn: the title's labels with a box wider than the 1 px a screen-reader-only one keeps.
			const drawn = await page.locator('header .site-title span').evaluateAll((spans) =>
				spans
					.filter((span) => span.getBoundingClientRect().width > 1 && getComputedStyle(span).display !== 'none')
					.map((span) => ({ text: span.textContent?.trim(), cut: span.scrollWidth > span.clientWidth })),
			);
			expect(drawn).toEqual([{ text: width <= 576 ? 'EGCA Handbook' : 'EGCA Engineering Handbook', cut: false }]);
			// Screen readers get the full title at every width.
			await expect(page.getByRole('link', { name: /EGCA Engineering Handbook/ }).first()).toBeVisible();
		});
	}
});
