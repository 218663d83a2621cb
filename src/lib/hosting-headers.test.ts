import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toVercelHeaders, vercelSource } from './hosting-headers.ts';
import { headersFor, parseHeadersFile } from './static-headers.ts';

const headersFile = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
const vercel = JSON.parse(readFileSync('vercel.json', 'utf8')) as { headers: unknown };

describe('hosting headers', () => {
	it('vercel.json declares the same rules as public/_headers', () => {
		expect(vercel.headers).toEqual(toVercelHeaders(headersFile));
	});

	it('isolates example pages, and only them', () => {
		expect(headersFor(headersFile, '/examples/hono-service/')).toEqual([
			['Cross-Origin-Embedder-Policy', 'require-corp'],
			['Cross-Origin-Opener-Policy', 'same-origin'],
		]);
		for (const page of ['/', '/playbooks/backend-api/', '/guides/dedicated-backend-frameworks/', '/downloads/hono-service.zip']) {
			expect(headersFor(headersFile, page), page).toEqual([]);
		}
	});

	it('every Vercel source matches the paths its _headers pattern matches', () => {
		for (const rule of headersFile) {
			const sample = rule.pattern.replace(/\*/g, 'a/b').replace(/:[A-Za-z]\w*/g, 'seg');
			const source = new RegExp(`^${vercelSource(rule.pattern).replace(/:[A-Za-z]\w*/g, '[^/]+')}$`);
			expect(source.test(sample), `${rule.pattern} vs ${sample}`).toBe(true);
		}
	});
});
