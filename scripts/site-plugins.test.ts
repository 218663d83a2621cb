/**
 * What the build does with bad input to the docs-platform features: an OpenAPI document that
 * does not parse or is not OpenAPI, or code with type hovers that no longer type-checks, fails
 * the build naming the file; a missing or invalid HANDBOOK_REPO_URL leaves the edit and report
 * links out with a warning, never a broken link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixture.ts';

const page = (dist: string, path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const editLinks = (html: string) => [...html.matchAll(/<a href="([^"]+)"[^>]*>(?:(?!<\/a>).)*?(Edit page|Report a problem)<\/a>/gs)].map((match) => [match[2], match[1]]);

describe('the API reference build', () => {
	it.concurrent('fails naming the file when the OpenAPI document does not parse', async () => {
		const { status, output } = await buildFixture('openapi-unparsable', { 'examples/hono-service/openapi.json': '{ "openapi": "3.1.0", "info": ' });
		expect(status).not.toBe(0);
		expect(output).toContain('examples/hono-service/openapi.json does not parse as an OpenAPI document');
	});

	it.concurrent('fails naming the file and the problems when the document is not valid OpenAPI', async () => {
		const document = JSON.stringify({ openapi: '3.1.0', paths: { '/v1/users': { get: { responses: 5 } } } });
		const { status, output } = await buildFixture('openapi-invalid', { 'examples/hono-service/openapi.json': document });
		expect(status).not.toBe(0);
		expect(output).toContain('examples/hono-service/openapi.json is not a valid OpenAPI document');
		expect(output).toContain("must have required property 'info'");
	});
});

describe('type hovers', () => {
	it.concurrent('fail the build naming the file, line and error when the code no longer type-checks', async () => {
		const { status, output } = await buildFixture('types-broken', {
			'content/docs/broken/types.mdx':
				"---\ntitle: Fixture page\nowner: Platform team\nreviewed: 2026-11-01\n---\nimport ExampleCode from '../../../src/components/ExampleCode.astro';\n\n" +
				'<ExampleCode file="examples/broken/src/client.ts" region="call" types />\n',
			'examples/broken/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' } }),
			'examples/broken/src/client.ts': "// #region call\nexport const total: number = 'not a number';\n// #endregion call\n",
		});
		expect(status).not.toBe(0);
		expect(output).toContain('examples/broken/src/client.ts no longer type-checks');
		expect(output).toContain("examples/broken/src/client.ts:2:14 TS2322: Type 'string' is not assignable to type 'number'");
	});
});

describe('edit and report links', () => {
	it.concurrent('link to the page source and a prefilled issue when HANDBOOK_REPO_URL is a repository', async () => {
		const { status, output, dist } = await buildFixture('repo-url-valid', {}, { HANDBOOK_REPO_URL: 'https://github.com/egca/engineering-handbook' });
		expect(status, output).toBe(0);
		expect(output).not.toContain('HANDBOOK_REPO_URL');
		const links = Object.fromEntries(editLinks(page(dist, 'playbooks/backend-api')));
		expect(links['Edit page']).toBe('https://github.com/egca/engineering-handbook/edit/main/content/docs/playbooks/backend-api.md');
		const report = new URL(links['Report a problem']!.replaceAll('&amp;', '&'));
		expect(report.pathname).toBe('/egca/engineering-handbook/issues/new');
		expect(report.searchParams.get('body')).toContain('Source: content/docs/playbooks/backend-api.md');
		// Generated API pages have no source to edit, but can be reported.
		expect(editLinks(page(dist, 'api/hono-service')).map(([label]) => label)).toEqual(['Report a problem']);
	});

	for (const [name, value, warning] of [
		['repo-url-unset', '', 'HANDBOOK_REPO_URL is not set'],
		['repo-url-invalid', 'github.com/egca/handbook', 'HANDBOOK_REPO_URL "github.com/egca/handbook" is not a URL'],
	] as const) {
		it.concurrent(`are left out, with a build warning, when HANDBOOK_REPO_URL is ${value ? `"${value}"` : 'unset'}`, async () => {
			const { status, output, dist } = await buildFixture(name, {}, { HANDBOOK_REPO_URL: value });
			expect(status, output).toBe(0);
			expect(output).toMatch(new RegExp(`WARN.*${warning.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
			expect(editLinks(page(dist, 'playbooks/backend-api'))).toEqual([]);
			expect(editLinks(page(dist, 'api/hono-service'))).toEqual([]);
		});
	}
});
