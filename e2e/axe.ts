import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The accessibility rules every handbook page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export type AxeScope = {
	/** Scan only this part of the page (a CSS selector): what differs from a page already scanned whole. */
	include?: string;
};

/**
 * Runs axe-core on the page as it is now and fails with a readable list of violations.
 * `target-size` (WCAG 2.2 AA) is off by default in axe; it is switched on here. Only violations
 * are collected (axe skips the node details of passes), which is what the assertion reads.
 *
 * axe runs in the page itself (`axe.run`, the builder's legacy mode) unless the page holds a
 * cross-origin frame: the default splits the run per frame and finishes it in a new blank page,
 * which on these pages took 2 to 3 times as long for the same results, and only matters for
 * frames of another origin.
 */
export async function expectNoAxeViolations(page: Page, context = '', scope: AxeScope = {}) {
	const origin = new URL(page.url()).origin;
	const crossOriginFrames = page.frames().filter((frame) => frame !== page.mainFrame() && !frame.url().startsWith(origin) && frame.url() !== 'about:blank');
	let builder = new AxeBuilder({ page })
		.withTags(AXE_TAGS)
		.setLegacyMode(crossOriginFrames.length === 0)
		.options({ resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
	if (scope.include) builder = builder.include(scope.include);
	const results = await builder.analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help}\n` +
			violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ')}`).join('\n'),
	);
	expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Switches Starlight's theme the way its theme picker does, before the page loads. */
export async function useTheme(page: Page, theme: Theme) {
	await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
}

/**
 * Picks a theme in the loaded page with the header's theme picker, as a reader does, and waits
 * until the page has it.
 */
export async function pickTheme(page: Page, theme: Theme) {
	const picker = page.locator('header starlight-theme-select select');
	if ((await picker.count()) > 0 && (await picker.first().isVisible())) await picker.first().selectOption(theme);
	// Narrow layouts keep the picker in the closed menu: the same change, made as the picker makes it.
	else await page.evaluate((value) => {
		localStorage.setItem('starlight-theme', value);
		document.documentElement.dataset.theme = value;
	}, theme);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** One page load, scanned in the light theme and then in the dark one (picked as a reader picks it). */
export async function expectNoAxeViolationsInEitherTheme(page: Page, context = '', scope: AxeScope = {}) {
	for (const theme of THEMES) {
		await pickTheme(page, theme);
		await expectNoAxeViolations(page, `${context} (${theme})`, scope);
	}
}
