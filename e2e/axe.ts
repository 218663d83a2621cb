import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The accessibility rules every handbook page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now and fails with a readable list of violations.
 * `target-size` (WCAG 2.2 AA) is off by default in axe; it is switched on here.
 */
export async function expectNoAxeViolations(page: Page, context = '') {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ rules: { 'target-size': { enabled: true } } }).analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help}\n` +
			violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ')}`).join('\n'),
	);
	expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Switches Starlight's theme the way its theme picker does, before the page loads. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
	await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
}
