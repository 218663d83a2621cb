import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
const locs = (xml: string) => [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);

/**
 * Every page path the production build lists in its sitemap (e.g. `/playbooks/backend-api/`),
 * read when the tests are collected so each page gets tests of its own.
 */
export function sitemapPaths(): string[] {
	const index = join(dist, 'sitemap-index.xml');
	if (!existsSync(index)) throw new Error('No production build in dist/: run `npm run build` before the browser tests.');
	return locs(readFileSync(index, 'utf8'))
		.flatMap((sitemap) => locs(readFileSync(join(dist, sitemap), 'utf8')))
		.sort();
}
