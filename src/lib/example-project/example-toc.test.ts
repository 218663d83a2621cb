import { describe, expect, it } from 'vitest';
import { withExampleSections, type TocItem } from './example-toc.ts';

const overview: TocItem = { depth: 2, slug: '_top', text: 'Overview', children: [] };
const sections = (name: string) => [
	{ id: `${name}-open`, text: 'Open it' },
	{ id: `${name}-files`, text: 'Files' },
];

describe('withExampleSections', () => {
	it('lists the example’s sections after the page’s own headings', () => {
		const intro: TocItem = { depth: 2, slug: 'why', text: 'Why', children: [] };
		const source = '## Why\n\nBecause.\n\n<Example name="demo">\n\nOnce it runs…\n\n</Example>\n';
		expect(withExampleSections([overview, intro], source, sections, 'demo.mdx').map((item) => item.slug)).toEqual(['_top', 'why', 'demo-open', 'demo-files']);
	});

	it('nests them under the last entry when the component renders h3 sections', () => {
		const source = '## Try it\n\n<Example name="demo" level={3} />\n';
		const items = withExampleSections([overview, { depth: 2, slug: 'try-it', text: 'Try it', children: [] }], source, sections, 'demo.mdx');
		expect(items[1]!.children.map((item) => [item.slug, item.depth])).toEqual([
			['demo-open', 3],
			['demo-files', 3],
		]);
	});

	it('leaves a page without an example as it is, and ignores headings in code', () => {
		expect(withExampleSections([overview], '## A\n', sections, 'a.mdx')).toEqual([overview]);
		const source = '<Example name="demo">\n\n```md\n## not a heading\n```\n\n</Example>\n';
		expect(withExampleSections([overview], source, sections, 'demo.mdx')).toHaveLength(3);
	});

	it('fails the build, naming the page, when a heading follows the component', () => {
		const source = '<Example name="demo">\n\n## Inside\n\n</Example>\n';
		expect(() => withExampleSections([overview], source, sections, 'content/docs/examples/demo.mdx')).toThrow(
			/content\/docs\/examples\/demo\.mdx: a heading follows <Example name="demo">/,
		);
	});
});
