/**
 * The pages of the handbook and the heading ids Starlight gives them, read from the Markdown
 * and MDX files, so a test can check a decision tree's links the way the links validator
 * checks a page's: a missing page or #hash is a failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';

/** The text a reader sees in a Markdown heading (what Astro slugs to make its id). */
export function headingText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
		.replace(/<[^>]+>/g, '') // inline HTML / JSX tags
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*\*|__|\*|_|~~)(.+?)\1/g, '$2')
		.trim();
}

/** The ids of a page's headings, as Astro's rehype-heading-ids makes them (github-slugger). */
export function headingIds(source: string): Set<string> {
	const slugger = new GithubSlugger();
	const ids = new Set<string>();
	const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
	let fence: string | undefined;
	for (const line of body.split(/\r?\n/)) {
		const marker = line.match(/^\s*(```+|~~~+)/)?.[1];
		if (marker && (!fence || marker.startsWith(fence))) {
			fence = fence ? undefined : marker;
			continue;
		}
		if (fence) continue;
		const heading = line.match(/^#{1,6}\s+(.+?)(?:\s+#+)?\s*$/);
		if (heading) ids.add(slugger.slug(headingText(heading[1])));
	}
	return ids;
}

/** Every page under `docsDir` (`content/docs`) by its URL path, with its heading ids. */
export function siteAnchors(docsDir: string): Map<string, Set<string>> {
	const pages = new Map<string, Set<string>>();
	const visit = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const file = join(dir, entry.name);
			if (entry.isDirectory()) visit(file);
			else if (/\.mdx?$/.test(entry.name)) {
				const slug = relative(docsDir, file).split(sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
				pages.set(`/${slug}${slug ? '/' : ''}`.toLowerCase(), headingIds(readFileSync(file, 'utf8')));
			}
		}
	};
	visit(docsDir);
	return pages;
}

/** Why `href` does not resolve against `pages`, or undefined when it does. */
export function brokenLink(pages: Map<string, Set<string>>, href: string): string | undefined {
	const [path, hash] = href.split('#');
	const normalised = path.endsWith('/') ? path : `${path}/`;
	const ids = pages.get(normalised);
	if (!ids) return `page ${normalised} does not exist`;
	if (hash && !ids.has(hash)) return `page ${normalised} has no heading with id "${hash}"`;
	return undefined;
}
