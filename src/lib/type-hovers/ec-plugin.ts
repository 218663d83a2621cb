/**
 * Expressive Code plugin: hovers with TypeScript's types on the code of a block whose meta says
 * `types="<file>#<region>"` (ExampleCode's `types` prop writes it). The hover is CSS only: no
 * JavaScript is shipped for it. The types come from `typeRegion` (twoslash), which fails the
 * build naming the file when the file no longer type-checks.
 *
 * It is listed in ec.config.mjs: plugins cannot pass through astro.config.mjs to `<Code>`.
 */
import { definePlugin, ExpressiveCodeAnnotation, type AnnotationRenderOptions } from '@expressive-code/core';
import { h } from '@expressive-code/core/hast';
import { typeRegion, type TypeHover } from './type-region.ts';

/** Hovers that only restate JSX (tag names, DOM attributes): noise next to the types that matter. */
const isJsxNoise = (hover: TypeHover) => /^\(property\) React\.(JSX\.IntrinsicElements\.|\w*Attributes\b)/.test(hover.type);

class TypeHoverAnnotation extends ExpressiveCodeAnnotation {
	// A plain field, not a parameter property: Node loads ec.config.mjs by stripping types only.
	readonly hover: TypeHover;

	constructor(hover: TypeHover) {
		super({ inlineRange: { columnStart: hover.start, columnEnd: hover.end }, renderPhase: 'latest' });
		this.hover = hover;
	}

	render({ nodesToTransform }: AnnotationRenderOptions) {
		// Out of search and of the page's Markdown: it repeats what the code says.
		const popup = h('span.type-hover__popup', { 'data-pagefind-ignore': '', 'data-markdown-ignore': '' }, [
			h('code', this.hover.type),
			...(this.hover.docs ? [h('span.type-hover__docs', this.hover.docs)] : []),
		]);
		return nodesToTransform.map((node, index) => (index === nodesToTransform.length - 1 ? h('span.type-hover', [node, popup]) : node));
	}
}

export function pluginTypeHovers() {
	return definePlugin({
		name: 'handbook-type-hovers',
		hooks: {
			preprocessCode({ codeBlock }) {
				const spec = codeBlock.metaOptions.getString('types');
				if (!spec) return;
				const [file, region] = spec.split('#');
				if (!file || !region) throw new Error(`type hovers: meta types="${spec}" must be "<file>#<region>".`);
				for (const hover of typeRegion({ file, region }).filter((hover) => !isJsxNoise(hover))) {
					codeBlock.getLine(hover.line)?.addAnnotation(new TypeHoverAnnotation(hover));
				}
				codeBlock.props.typeHovers = true;
			},
			postprocessRenderedBlock({ codeBlock, renderData }) {
				if (codeBlock.props.typeHovers) renderData.blockAst.properties.className = [...((renderData.blockAst.properties.className as string[]) ?? []), 'has-type-hovers'];
			},
		},
		baseStyles: `
			.has-type-hovers pre { overflow: visible; }
			.type-hover { position: relative; cursor: help; border-radius: 0.2rem; }
			.type-hover:hover { background: color-mix(in srgb, currentColor 14%, transparent); }
			.type-hover__popup {
				display: none; position: absolute; z-index: 20; inset-inline-start: 0; top: 100%;
				width: max-content; max-width: min(36rem, 85vw); max-height: 20rem; overflow: auto;
				padding: 0.5rem 0.75rem; border: 1px solid var(--sl-color-gray-5, #888); border-radius: 0.25rem;
				background: var(--sl-color-bg, #fff); color: var(--sl-color-white, #000); box-shadow: var(--sl-shadow-md, none);
				white-space: pre-wrap; font-size: 0.85em; line-height: 1.5; cursor: auto;
			}
			.type-hover__popup code { font: inherit; white-space: inherit; }
			.type-hover__docs { display: block; margin-top: 0.5rem; font-family: var(--sl-font, sans-serif); }
			.type-hover:hover > .type-hover__popup { display: block; }
			.type-hover[data-dismissed]:hover > .type-hover__popup { display: none; }
		`,
		// WCAG 1.4.13 (content on hover): the popup touches its name, so the pointer can move onto
		// it and read it (no gap that closes it), and Escape dismisses it without moving the pointer;
		// it shows again once the pointer is over anything else (pointerover, not the name's own
		// pointerout: the hidden popup leaves the pointer over another element without an event).
		jsModules: [
			`addEventListener('keydown', (event) => {
				if (event.key !== 'Escape') return;
				for (const hover of document.querySelectorAll('.type-hover:hover')) hover.dataset.dismissed = '';
			});
			addEventListener('pointerover', (event) => {
				for (const hover of document.querySelectorAll('.type-hover[data-dismissed]')) if (!hover.contains(event.target)) delete hover.dataset.dismissed;
			});`,
		],
	});
}

declare module '@expressive-code/core' {
	interface ExpressiveCodeBlockProps {
		/** Set by the type-hovers plugin on blocks it annotated. */
		typeHovers?: boolean;
	}
}
