/**
 * The same per-path headers for every static host: `public/_headers` (Netlify, Cloudflare Pages,
 * the preview server) is the source, `vercel.json` must declare the same rules. The unit test
 * beside this file fails when the two drift apart.
 */
import type { HeaderRule } from './static-headers.ts';

export interface VercelHeaderRule {
	source: string;
	headers: { key: string; value: string }[];
}

/**
 * Vercel's `source` for a `_headers` path: `*` (any run of characters) becomes `(.*)`;
 * `:name` (one segment) means the same in both.
 *
 * @example
 * vercelSource('/examples/*') // '/examples/(.*)'
 */
export function vercelSource(pattern: string): string {
	return pattern.replace(/\*/g, '(.*)');
}

/** The `headers` array of `vercel.json` that declares exactly `rules`. */
export function toVercelHeaders(rules: HeaderRule[]): VercelHeaderRule[] {
	return rules.map((rule) => ({
		source: vercelSource(rule.pattern),
		headers: rule.headers.map(([key, value]) => ({ key, value })),
	}));
}
