import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Response } from '@playwright/test';
import { expectNoAxeViolationsInEitherTheme, type AxeScope } from './axe.ts';

const PAGE = '/decisions/split-from-nextjs/';
const widget = (page: Page) => page.locator('decision-tree .dt-app');
const heading = (page: Page) => widget(page).locator('.dt-heading');

/**
 * Answers the question on screen with the keyboard only: from the question's heading (where
 * focus lands after each step), Tab into the radio group, pick the option with Space or the
 * arrow keys, Tab to Continue and press Enter.
 */
async function answerByKeyboard(page: Page, option: number) {
	await expect(heading(page)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.locator('decision-tree input[type="radio"]:focus')).toHaveCount(1);
	if (option === 0) await page.keyboard.press('Space');
	for (let index = 0; index < option; index++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await expect(widget(page).getByRole('button', { name: 'Continue' })).toBeFocused();
	await page.keyboard.press('Enter');
}

/** Tabs from the focused heading to the control named `name` and presses Enter. */
async function activateByKeyboard(page: Page, name: string) {
	for (let presses = 0; presses < 30; presses++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		if (focused === name) return page.keyboard.press('Enter');
	}
	throw new Error(`could not reach "${name}" with Tab`);
}

interface Walk {
	name: string;
	options: number[];
	title: string;
	because: string;
	answers: string[];
}

// Option indices in the order the questions come (see content/decision-trees/split-from-nextjs.yaml).
const walks: Walk[] = [
	{
		name: 'stay with Server Actions when only a non-reason is left',
		options: [0, 0, 0, 0, 0, 0, 0],
		title: 'Stay with Next.js Server Actions',
		because: '"Microservices scale" is not a reason to split',
		answers: ['A few seconds or less', 'Microservices scale better'],
	},
	{
		name: 'a Hono service with a background worker for a public API with background work',
		options: [0, 1, 1, 0, 0, 0, 0, 1],
		title: 'Split into a Hono (TypeScript) service, and add a separate background worker with a queue',
		because: "JS / web clients consume it: the playbook's rule is TypeScript",
		answers: ['A public API, a mobile app or a partner integration', 'JS / web clients (our Next.js app, a browser or a React Native app)'],
	},
	{
		name: 'a FastAPI service for ML work consumed by a Python batch',
		options: [2, 0, 2, 1, 0, 0, 1, 0],
		title: 'Split into a FastAPI (Python) service',
		because: 'The work is ML, data or pandas-heavy processing',
		answers: ['More than a few seconds, and too long for the function timeout', 'Machine learning, data science or pandas / NumPy-heavy processing'],
	},
	{
		name: 'a FastAPI service with a worker for a Python team owning background work',
		options: [0, 1, 0, 0, 1, 0, 1, 1, 1],
		title: 'Split into a FastAPI (Python) service, and add a separate background worker with a queue',
		because: 'The owning team knows Python.',
		answers: ['Yes, and coupling our deploys is painful', 'Python'],
	},
	{
		name: "a Hono service when in doubt, for another team's API with other clients only",
		options: [0, 0, 0, 0, 1, 0, 1, 1, 2],
		title: 'Split into a Hono (TypeScript) service',
		because: 'when in doubt, TypeScript',
		answers: ["Only other clients (a Python batch job, a partner's system, a native mobile app)", 'Both, or not sure'],
	},
	{
		name: 'its own layer in the Next.js app when complex logic is the only reason',
		options: [0, 0, 0, 0, 0, 1],
		title: 'Give the logic its own layer in the Next.js app; split when a playbook reason applies',
		because: 'the guide says to consider a dedicated backend then',
		answers: ['Yes, it has complex domain logic that needs its own tested layer'],
	},
];

/**
 * Axe on the page in both themes: the whole page at the first question, then only the widget
 * (the rest of the page does not change as the reader answers). Picking a theme moves focus to
 * the picker, so focus goes back to the question's heading, where the walk left it.
 */
async function scanStep(page: Page, context: string, scope: AxeScope) {
	await expectNoAxeViolationsInEitherTheme(page, context, scope);
	await heading(page).focus();
}
const WIDGET_ONLY: AxeScope = { include: 'decision-tree' };

/** Walks a whole path by keyboard, checking "Step n" and, when asked, axe at every step. */
async function walkByKeyboard(page: Page, walk: Walk, axe?: string) {
	await page.goto(PAGE);
	// The reader tabs to the first question; from there on everything is keyboard only.
	await heading(page).focus();
	for (const [index, option] of walk.options.entries()) {
		await expect(widget(page).locator('.dt-step')).toHaveText(new RegExp(`^Step ${index + 1} of \\d+$`));
		if (axe) await scanStep(page, `${axe}, question ${index + 1}`, index === 0 ? {} : WIDGET_ONLY);
		await answerByKeyboard(page, option);
	}
	await expect(heading(page)).toHaveText('Check your answers');
	await expect(heading(page)).toBeFocused();
	if (axe) await scanStep(page, `${axe}, check your answers`, WIDGET_ONLY);
	await activateByKeyboard(page, 'See the recommendation');
	await expect(heading(page)).toBeFocused();
	await expect(heading(page)).toContainText(walk.title);
}

test.describe('decision tree: split from Next.js', () => {
	for (const walk of walks) {
		test(`walks by keyboard to ${walk.name}`, async ({ page }) => {
			await walkByKeyboard(page, walk);
			const outcome = widget(page).locator('.dt-outcome');
			await expect(outcome).toContainText(walk.because);
			await expect(outcome.getByRole('heading', { name: 'What it costs' })).toBeVisible();
			await expect(outcome.getByRole('heading', { name: 'Rules to follow next' })).toBeVisible();
			await expect(outcome.locator('.dt-checklist li').first()).toBeVisible();
			await expect(outcome.getByRole('link', { name: 'Background jobs' })).toHaveCount(walk.title.includes('worker') ? 1 : 0);
		});
	}

	for (const walk of [walks[0], walks[1]]) {
		test(`has no axe violations in either theme at any step to ${walk.name}`, async ({ page }) => {
			test.setTimeout(120_000);
			await walkByKeyboard(page, walk, walk.name);
			await expectNoAxeViolationsInEitherTheme(page, `outcome of ${walk.name}`, WIDGET_ONLY);
		});
	}

	test('has no axe violations in either theme on the notice and the error', async ({ page }) => {
		await page.goto(`${PAGE}?duration=long&background=maybe`);
		await expect(widget(page).locator('.dt-notice')).toBeVisible();
		await expectNoAxeViolationsInEitherTheme(page, 'notice after a mangled link');
		await widget(page).getByRole('button', { name: 'Continue' }).click();
		await expect(widget(page).locator('.dt-error')).toBeVisible();
		await expectNoAxeViolationsInEitherTheme(page, 'error when no answer is selected', WIDGET_ONLY);
	});

	test('keeps the state in the URL: reload and a shared link show the same step', async ({ page, browser }) => {
		await walkByKeyboard(page, walks[1]);
		const url = page.url();
		expect(new URL(url).search).toBe('?duration=short&background=yes&consumers=external&scaling=no&ownership=no&architecture=no&clients=js&work-kind=api&result=yes');
		await page.reload();
		await expect(heading(page)).toContainText(walks[1].title);

		const other = await browser.newPage();
		await other.goto(url);
		await expect(heading(other)).toContainText(walks[1].title);
		await other.goto(`${PAGE}?duration=short&background=yes`);
		await expect(widget(other).locator('.dt-step')).toHaveText('Step 3 of 9');
		await expect(heading(other)).toContainText('Who calls this work');
		await other.close();
	});

	test('goes back a step with Back and with the browser, answers kept', async ({ page }) => {
		await page.goto(`${PAGE}?duration=long&background=yes`);
		await widget(page).getByRole('link', { name: 'Back' }).click();
		await expect(heading(page)).toContainText('Does any of the work run in the background');
		await expect(widget(page).getByLabel('Yes, some work is long-running or runs in the background')).toBeChecked();
		await page.goBack();
		await expect(heading(page)).toContainText('Who calls this work');
	});

	test('recovers from a mangled URL at the first unanswerable question, with a notice', async ({ page }) => {
		await page.goto(`${PAGE}?duration=long&background=maybe&nonsense=1&result=yes`);
		await expect(widget(page).locator('.dt-notice')).toContainText('no longer fit');
		await expect(heading(page)).toContainText('Does any of the work run in the background');
		await expect(widget(page).locator('.dt-step')).toHaveText('Step 2 of 9');
		expect(new URL(page.url()).search).toBe('?duration=long');
		await page.goto(`${PAGE}?%E0%A4%A=&change=team`);
		await expect(heading(page)).toContainText('How long does one request take');
	});

	test('changes one answer on the check page without redoing the others', async ({ page }) => {
		const path = '?duration=short&background=yes&consumers=external&scaling=no&ownership=no&architecture=no&clients=other&work-kind=api&team=typescript';
		await page.goto(PAGE + path);
		await expect(heading(page)).toHaveText('Check your answers');
		await widget(page).getByRole('link', { name: 'Change your answer to: What does the team that will own it know?' }).click();
		await expect(widget(page).getByLabel('TypeScript')).toBeChecked();
		await widget(page).getByLabel('Python').check();
		await widget(page).getByRole('button', { name: 'Continue' }).click();
		await expect(heading(page)).toHaveText('Check your answers');
		await expect(widget(page).locator('.dt-summary')).toContainText('A public API, a mobile app or a partner integration');
		await widget(page).getByRole('button', { name: 'See the recommendation' }).click();
		await expect(heading(page)).toContainText('Split into a FastAPI (Python) service, and add a separate background worker');
	});

	test('copies a decision record that contains the answers', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await walkByKeyboard(page, walks[2]);
		await widget(page).getByRole('button', { name: 'Copy as decision record' }).click();
		await expect(widget(page).locator('.dt-status')).toContainText('Copied');
		const adr = await page.evaluate(() => navigator.clipboard.readText());
		expect(adr).toContain('# ADR: Split into a FastAPI (Python) service');
		for (const label of walks[2].answers) expect(adr).toContain(`**${label}**`);
		expect(adr).toContain('- A second language and toolchain');
		expect(adr).toContain('- [ ] ');
		expect(adr).toContain(`${new URL(page.url()).origin}/playbooks/backend-api/#service-shape`);
		expect(adr).toContain(page.url());
		await expect(widget(page).locator('.dt-adr pre')).toHaveText(adr);
	});

	test('shows every criterion and outcome without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(PAGE);
		await expect(widget(page)).toBeHidden();
		const reference = page.locator('decision-tree .dt-reference');
		for (const text of [
			'How long does one request take to do its work?',
			'Does it need a different scaling profile from the web app?',
			'Does another team own this logic?',
			'Microservices scale better',
			'It is a separate concern',
			'I want to try a new framework or language',
			'Stay with Next.js Server Actions',
			'Split into a Hono (TypeScript) service',
			'Split into a FastAPI (Python) service',
			'Add a separate background worker with a queue',
			'Who consumes the service?',
			'Give the logic its own layer in the Next.js app; split when a playbook reason applies',
		]) {
			await expect(reference).toContainText(text);
		}
		await context.close();
	});

	for (const path of ['/playbooks/backend-api/', '/guides/dedicated-backend-frameworks/']) {
		test(`${path} links to the decision aid instead of embedding a copy`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('decision-tree')).toHaveCount(0);
			const link = page.getByRole('main').getByRole('link', { name: 'Should this work be split out of Next.js?' });
			await expect(link).toHaveAttribute('href', PAGE);
			await link.click();
			await expect(heading(page)).toContainText('How long does one request take');
		});
	}

	test('adds at most 8 KB gzip of JavaScript to its page', async ({ page }, testInfo) => {
		const scriptBytes = async (path: string) => {
			// The reads are awaited before the page moves on (an async listener can outrun the test).
			const reads: Promise<[string, number]>[] = [];
			const onResponse = (response: Response) => {
				if (response.request().resourceType() === 'script') reads.push(response.body().then((body) => [response.url(), gzipSync(body).length]));
			};
			page.on('response', onResponse);
			await page.goto(path, { waitUntil: 'networkidle' });
			page.off('response', onResponse);
			return new Map(await Promise.all(reads));
		};
		const plain = await scriptBytes('/handbook/onboarding/');
		const withTree = await scriptBytes(PAGE);
		const added = [...withTree].filter(([url]) => !plain.has(url));
		const bytes = added.reduce((sum, [, size]) => sum + size, 0);
		testInfo.annotations.push({ type: 'decision-tree JS (gzip bytes)', description: `${bytes}: ${added.map(([url, size]) => `${new URL(url).pathname} ${size}`).join(', ')}` });
		console.log(`decision tree adds ${bytes} bytes of gzipped JS: ${added.map(([url, size]) => `${new URL(url).pathname} ${size}`).join(', ')}`);
		expect(added.length).toBeGreaterThan(0);
		expect(bytes).toBeLessThanOrEqual(8 * 1024);
	});
});
