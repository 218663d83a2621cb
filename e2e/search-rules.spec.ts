/**
 * A reader who searches for a playbook rule's own term finds the playbook: for each term below
 * (at least one from every section of the playbook), the playbook page is among the first three
 * results of the search dialog. Prints the median and the worst time from typing the term to
 * seeing its results (Pagefind UI's debounce included, as a reader waits for it).
 */
import { expect, test } from '@playwright/test';

const PLAYBOOK = '/playbooks/backend-api/';

/** A rule's own term, and the playbook section it belongs to (the heading id). */
const queries: { term: string; section: string }[] = [
	{ term: 'scale-to-zero', section: 'when-to-split-from-nextjs' },
	{ term: 'feels cleaner', section: 'when-to-split-from-nextjs' },
	{ term: 'Hono over Express', section: 'service-shape' },
	{ term: 'Pydantic v2', section: 'service-shape' },
	{ term: 'pandas', section: 'choose-ts-or-python' },
	{ term: 'never hand-written', section: 'api-contract' },
	{ term: 'break /v1 clients', section: 'api-contract' },
	{ term: 'JWKS', section: 'auth-between-services' },
	{ term: 'mTLS', section: 'auth-between-services' },
	{ term: 'API keys rotate', section: 'auth-between-services' },
	{ term: 'owns its tables', section: 'database' },
	{ term: 'SQL JOIN', section: 'database' },
	{ term: 'read-only replica', section: 'database' },
	{ term: 'Celery', section: 'background-jobs' },
	{ term: 'separate worker process', section: 'background-jobs' },
	{ term: 'duration_ms', section: 'observability' },
	{ term: 'OpenTelemetry', section: 'observability' },
	{ term: 'Datadog', section: 'observability' },
	{ term: 'token bucket', section: 'rate-limiting--abuse' },
	{ term: 'Retry-After', section: 'rate-limiting--abuse' },
	{ term: 'HEALTHCHECK', section: 'deployment' },
	{ term: 'SIGTERM', section: 'deployment' },
	{ term: 'Azure Web Apps', section: 'deployment' },
	{ term: 'testcontainers', section: 'testing' },
	{ term: 'k6', section: 'testing' },
	{ term: 'distributed singleton', section: 'common-mistakes-to-avoid' },
	{ term: 'GraphQL', section: 'common-mistakes-to-avoid' },
];

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

test('finds the playbook among the first three results for a rule term of every playbook section', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.locator('site-search button[data-open-modal]').click();
	const input = page.locator('input.pagefind-ui__search-input');
	await expect(input).toBeFocused();
	const misses: string[] = [];
	const times: number[] = [];
	const lines: string[] = [];
	for (const { term, section } of queries) {
		const started = Date.now();
		await input.fill(term);
		await expect(page.locator('.pagefind-ui__message')).toContainText(term, { timeout: 10_000 });
		// Results render as placeholders first, then fill in: wait until the first three have their link.
		await expect
			.poll(() => page.locator('.pagefind-ui__result').evaluateAll((results) => results.length > 0 && results.slice(0, 3).every((result) => result.querySelector('.pagefind-ui__result-link'))))
			.toBe(true);
		times.push(Date.now() - started);
		const top = await page.locator('.pagefind-ui__result').evaluateAll((results) =>
			results.slice(0, 3).map((result) => ({
				page: new URL(result.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link')!.href).pathname,
				anchors: [...result.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-nested .pagefind-ui__result-link')].map((link) => new URL(link.href).hash.slice(1)),
			})),
		);
		const rank = top.findIndex((result) => result.page === PLAYBOOK) + 1;
		const atSection = rank > 0 && top[rank - 1]!.anchors.includes(section);
		lines.push(`  ${rank > 0 ? `#${rank}` : '--'} ${atSection ? `(#${section})` : '(page)'.padEnd(section.length + 3)} ${term}  ${times.at(-1)} ms`);
		if (rank === 0) misses.push(`"${term}": top 3 are ${top.map((result) => result.page).join(', ')}`);
	}
	console.log(`search: ${queries.length} rule terms, playbook in the top 3 for ${queries.length - misses.length}\n${lines.join('\n')}`);
	console.log(`search: median ${median(times)} ms, worst ${Math.max(...times)} ms from typing to results (debounce included)`);
	expect(misses).toEqual([]);
});
