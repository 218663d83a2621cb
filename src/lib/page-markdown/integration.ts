/**
 * The handbook's pages for AI assistants and for copying: `/<page>.md` for every page (this
 * integration) and, through starlight-llms-txt, `llms.txt`, `llms-full.txt` and
 * `llms-small.txt`. `llmsTxtOptions()` gives the plugin the list of pages with their `.md`
 * addresses: the plugin's own llms.txt only links the two whole-site files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { markdownPath, NOT_IN_MARKDOWN } from './html-to-markdown.ts';

export function pageMarkdown(): AstroIntegration {
	return {
		name: 'handbook:page-markdown',
		hooks: {
			'astro:config:setup'({ injectRoute }) {
				injectRoute({ pattern: '/[...slug].md', entrypoint: new URL('./markdown-route.ts', import.meta.url), prerender: true });
			},
		},
	};
}

interface PageSummary {
	id: string;
	title: string;
	description?: string;
}

/** Sidebar order: the folders of content/docs as the sidebar lists them. */
const GROUP_ORDER = ['index', 'handbook/onboarding', 'playbooks', 'guides', 'decisions', 'examples', 'handbook'];
const groupRank = (id: string) => {
	const rank = GROUP_ORDER.findIndex((group) => id === group || id.startsWith(`${group}/`));
	return rank === -1 ? GROUP_ORDER.length : rank;
};

/** Title and description of every page under `contentDir` (frontmatter), in sidebar order. */
export function listPages(contentDir: string): PageSummary[] {
	const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file));
	const pages = files.flatMap((file) => {
		const id = file.replaceAll('\\', '/').replace(/\.mdx?$/, '').replace(/\/index$/, '');
		const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(contentDir, file), 'utf8'))?.[1];
		const data = (frontmatter ? parse(frontmatter) : {}) as { title?: string; description?: string; draft?: boolean };
		if (id === '404' || data.draft || !data.title) return [];
		return [{ id, title: data.title, description: data.description }];
	});
	return pages.sort((a, b) => groupRank(a.id) - groupRank(b.id) || a.id.localeCompare(b.id));
}

/** starlight-llms-txt options: the page list in llms.txt, and the same clean-up as `.md` pages. */
export function llmsTxtOptions({ site, contentDir, extraLinks = [] }: { site: string; contentDir: string; extraLinks?: PageSummary[] }) {
	const link = (title: string, url: string, description?: string) => `- [${title}](${new URL(url, site)})${description ? `: ${description}` : ''}`;
	const pages = listPages(contentDir).map((page) => link(page.title, markdownPath(page.id), page.description));
	const extra = extraLinks.map((page) => link(page.title, page.id, page.description));
	return {
		details: ['Every page of the handbook, as Markdown:', pages.join('\n'), ...(extra.length ? ['Generated reference pages (HTML):', extra.join('\n')] : [])].join('\n\n'),
		exclude: ['404'],
		customSelectors: { all: NOT_IN_MARKDOWN },
	};
}
