/**
 * "On this page" for a page that embeds `<Example name="…">`: Starlight lists only the page's own
 * Markdown headings, not those a component renders, so the example's sections (`sections.ts`)
 * are added after them. Pure: src/route-data.ts feeds it the page's table of contents and source.
 */
import type { ExampleSection } from './sections.ts';

/** Starlight's table-of-contents entry. */
export interface TocItem {
	depth: number;
	slug: string;
	text: string;
	children: TocItem[];
}

/** Markdown headings (`## …`) of an MDX source outside code fences, with their offsets. */
function headingOffsets(source: string): number[] {
	const offsets: number[] = [];
	let fence = false;
	let offset = 0;
	for (const line of source.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fence = !fence;
		else if (!fence && /^#{1,6}\s/.test(line)) offsets.push(offset);
		offset += line.length + 1;
	}
	return offsets;
}

/**
 * The page's entries, then the sections of the example it embeds at the component's heading
 * level. Throws, naming the page, when a Markdown heading follows the component: its sections
 * would be listed out of order.
 *
 * @example
 * withExampleSections(toc.items, entry.body, (name) => exampleSections(loadExample(name)), entry.filePath)
 */
export function withExampleSections(items: TocItem[], source: string, sectionsOf: (name: string) => ExampleSection[], page: string): TocItem[] {
	const tag = /<Example\s+([^>]*?)\/?>/.exec(source);
	if (!tag) return items;
	const name = /\bname="([^"]+)"/.exec(tag[1]!)?.[1];
	if (!name) return items;
	if (headingOffsets(source).some((offset) => offset > tag.index)) {
		throw new Error(`${page}: a heading follows <Example name="${name}">. Put the page's own headings before the component: "On this page" lists its sections after them.`);
	}
	const depth = /\blevel=\{3\}/.test(tag[1]!) ? 3 : 2;
	const added = sectionsOf(name).map((section) => ({ depth, slug: section.id, text: section.text, children: [] }));
	const result = items.map((item) => ({ ...item, children: [...item.children] }));
	if (depth === 2) return [...result, ...added];
	result.at(-1)?.children.push(...added);
	return result;
}
