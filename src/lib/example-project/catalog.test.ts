import { existsSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.ts';

/** Heading anchors of a handbook page, as Starlight generates them (github-slugger). */
function anchorsOf(file: string): string[] {
	const slugger = new GithubSlugger();
	let inFence = false;
	const anchors: string[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		const heading = !inFence && /^#{2,6}\s+(.+?)\s*$/.exec(line);
		if (heading) anchors.push(slugger.slug(heading[1]!.replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
	}
	return anchors;
}

function pageFile(path: string): string | undefined {
	const base = `content/docs/${path.replace(/^\/|\/$/g, '')}`;
	return [`${base}.mdx`, `${base}.md`, `${base}/index.mdx`].find((file) => existsSync(file));
}

describe('example catalog', () => {
	const rules = Object.entries(catalog).flatMap(([name, entry]) => entry.guide.map((rule) => ({ name, ...rule })));

	it.each(rules)('$name links "$text" to an existing heading ($href)', ({ href }) => {
		const [path, hash] = href.split('#');
		const file = pageFile(path!);
		expect(file, `no page for ${path}`).toBeTruthy();
		expect(anchorsOf(file!)).toContain(hash);
	});

	it('names folders under examples/ in kebab-case', () => {
		for (const name of Object.keys(catalog)) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});
