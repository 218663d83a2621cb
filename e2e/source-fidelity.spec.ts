/**
 * The handbook carries two source texts (the Backend API playbook and the dedicated-backend
 * guide). A sample of their rules and facts, in their own words, must stay on the built pages, so
 * an edit that drops or rewords one in meaning fails here. Comparison ignores case, quote style
 * and the spaces that markup (code, emphasis) leaves around words.
 */
import { expect, test } from '@playwright/test';

/** Text as a reader sees it, normalised for comparison. */
const normalise = (text: string) =>
	text
		.toLowerCase()
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/\s+/g, ' ')
		.replace(/ ([,.;:)])/g, '$1')
		.trim();

const facts: Record<string, string[]> = {
	// playbook-backend-api.txt
	'/playbooks/backend-api/': [
		'not when it "feels cleaner"',
		'video processing, report generation, ai pipelines',
		'a mobile app, a partner integration, an internal python batch job',
		'spiky scale-to-zero',
		'these are not reasons to split',
		'hono over express',
		'the schema is the contract',
		'fastapi with pydantic v2 models',
		'when in doubt',
		'shared zod types are a huge win',
		'never hand-written',
		'clients import types from the schema, not from the service\'s internal code',
		'introduce /v2/ when you break compatibility',
		'{ error: { code, message, details? } }',
		'document the codes',
		'no shared secret passed around',
		'api keys only for external integrations. rotate them. scope them.',
		'every service owns its tables',
		'migrations live in the service',
		'acceptable exception',
		'not for live product code',
		'not tacked onto the api server',
		'idempotent by design',
		'method, path, status, duration_ms, trace_id and user_id',
		'token bucket per (authenticated user + endpoint)',
		'aggressive limits on auth and expensive endpoints; lenient on reads',
		'multi-stage, non-root user, healthcheck',
		'handle sigterm, finish in-flight requests, close the db pool',
		'azure web apps',
		'this is where most bugs hide',
		'with k6 before production',
		"you can't easily un-split a service",
		'distributed singleton',
		'log the full error; return a generic message and an error code',
	],
	// dedicated-backend-frameworks.md
	'/guides/dedicated-backend-frameworks/': [
		'think backend-for-frontend',
		'standard crud with row level security',
		'rest, graphql or grpc',
		'domain-driven design or microservices',
		'1 minute on free plans and 14 minutes on paid plans',
		'celery with flask/fastapi, bullmq with node.js',
		'dead-letter queues',
		'numpy, pandas, scikit-learn',
		'go for high-performance systems programming',
		'without code generation',
		'on par with node.js and go',
		'battle-tested in production for more than 10 years',
		'for python backends (fastapi/flask), follow this workflow',
		'openapi-rq -i http://localhost:8000/openapi.json -o ./src/api/hooks -c axios',
		'zod validation schemas',
		'uvicorn main:app --reload',
		'most successful applications start simple',
		'always prioritize type-safe communication between frontend and backend',
	],
};

/** Distortions an earlier reading found: each changed a source's meaning. */
const distortions: Record<string, string[]> = {
	'/playbooks/backend-api/': ['the one acceptable exception', 'none of these is a reason on its own', 'follows every rule below'],
	'/guides/dedicated-backend-frameworks/': ['not a reason to split on its own', 'only the backend api talks to the database', 'ci checks that they compile'],
};

for (const [path, phrases] of Object.entries(distortions)) {
	test(`${path} has none of the distortions found before`, async ({ page }) => {
		await page.goto(path);
		const text = normalise((await page.locator('main').textContent()) ?? '');
		expect(phrases.filter((phrase) => text.includes(phrase))).toEqual([]);
	});
}

for (const [path, sentences] of Object.entries(facts)) {
	test(`${path} carries the source's words (${sentences.length} sampled)`, async ({ page }) => {
		await page.goto(path);
		// textContent, not innerText: rules in closed tabs count too (a reader opens them).
		const text = normalise((await page.locator('main').textContent()) ?? '');
		const missing = sentences.filter((sentence) => !text.includes(normalise(sentence)));
		expect(missing, `not on ${path}`).toEqual([]);
	});
}
