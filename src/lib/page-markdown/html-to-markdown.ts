/**
 * Turns a rendered handbook page body back into Markdown, for the page's `.md` version and the
 * "Copy page as Markdown" button: rendering first means components (the code `<ExampleCode>`
 * reads from the examples, asides, tabs) arrive as what a reader sees, not as MDX tags.
 * Same libraries as starlight-llms-txt (rehype-parse, rehype-remark, remark-gfm).
 */
import type { Element, Root } from 'hast';
import { matches, select, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { remove } from 'unist-util-remove';

/**
 * What a reader of the Markdown has no use for: heading anchor links ("Section titled …"),
 * buttons of widgets (they do nothing outside the page), scripts and styles, and content the
 * page keeps hidden.
 */
export const NOT_IN_MARKDOWN = ['.sl-anchor-link', 'button', 'script', 'style', 'template', '[hidden]', '[data-markdown-ignore]'];

/** Expressive Code keeps the language on `<pre data-language>`; Markdown wants it on the fence. */
function codeLanguages() {
	return (tree: Root) => {
		for (const pre of selectAll('.expressive-code pre[data-language]', tree)) {
			const code = select('code', pre);
			if (!code) continue;
			const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
			code.properties.className = [...classes, `language-${String(pre.properties.dataLanguage)}`];
		}
	};
}

const text = (node: Element): string =>
	node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');

/**
 * Starlight's tabs: a reader of the Markdown cannot click a tab, so every panel is shown (the
 * page renders all but the first `hidden`) under its tab's label, instead of the tab links.
 */
function flattenTabs() {
	return (tree: Root) => {
		for (const tabs of selectAll('starlight-tabs', tree)) {
			const labels = selectAll('[role="tab"]', tabs).map((tab) => text(tab).trim());
			const panels = selectAll('[role="tabpanel"]', tabs);
			tabs.tagName = 'div';
			tabs.properties = {};
			tabs.children = panels.flatMap((panel, index) => {
				delete panel.properties.hidden;
				const label: Element = { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: labels[index] ?? '' }] };
				return [{ type: 'element', tagName: 'p', properties: {}, children: [label] } satisfies Element, panel];
			});
		}
	};
}

function dropNotInMarkdown() {
	return (tree: Root) => {
		remove(tree, (node) => node.type === 'comment' || (node.type === 'element' && NOT_IN_MARKDOWN.some((selector) => matches(selector, node as Element))));
	};
}

const pipeline = unified()
	.use(rehypeParse, { fragment: true })
	.use(flattenTabs)
	.use(dropNotInMarkdown)
	.use(codeLanguages)
	.use(rehypeRemark)
	.use(remarkGfm)
	.use(remarkStringify, { bullet: '-', rule: '-' });

/**
 * Markdown of a page body rendered to HTML.
 *
 * @example
 * await htmlToMarkdown('<h2 id="x">Rules<a class="sl-anchor-link" href="#x">Section titled “Rules”</a></h2>') // '## Rules'
 */
export async function htmlToMarkdown(html: string): Promise<string> {
	return String(await pipeline.process(html)).trim();
}

/** The address of a page's Markdown version, from its content entry id (`index` is the home page). */
export function markdownPath(id: string): string {
	return `/${id.replace(/\/index$/, '') || 'index'}.md`;
}
