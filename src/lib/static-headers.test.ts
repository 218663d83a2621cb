import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './static-headers.ts';

const file = `# WebContainer embeds need cross-origin isolation
/examples/*
  Cross-Origin-Embedder-Policy: require-corp
  Cross-Origin-Opener-Policy: same-origin

/*
  X-Content-Type-Options: nosniff
`;

describe('_headers file', () => {
	it('applies a rule only to the paths it matches', () => {
		const rules = parseHeadersFile(file);
		expect(headersFor(rules, '/examples/hono-service/')).toEqual([
			['Cross-Origin-Embedder-Policy', 'require-corp'],
			['Cross-Origin-Opener-Policy', 'same-origin'],
			['X-Content-Type-Options', 'nosniff'],
		]);
		expect(headersFor(rules, '/playbooks/backend-api/')).toEqual([['X-Content-Type-Options', 'nosniff']]);
	});

	it('matches :placeholders to one path segment', () => {
		const rules = parseHeadersFile('/docs/:page/\n  X-Robots-Tag: noindex\n');
		expect(headersFor(rules, '/docs/intro/')).toHaveLength(1);
		expect(headersFor(rules, '/docs/intro/deeper/')).toHaveLength(0);
	});

	it('names the line of a header written outside any path', () => {
		expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/line 1/);
	});
});
