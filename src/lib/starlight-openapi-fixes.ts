/**
 * What the handbook changes around starlight-openapi 0.26, each for a rule every handbook page
 * keeps. Each fix checks that the plugin still has the shape it corrects, so an upgrade that
 * changes it fails the build here instead of silently undoing the fix.
 */
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { Plugin } from 'vite';

const inPlugin = (id: string | undefined, file: string) => Boolean(id?.replaceAll('\\', '/').includes(`/starlight-openapi/${file}`));

/**
 * The plugin renders through Starlight's `<StarlightPage>` with a title only, but every page
 * must carry an owner and a review date: its imports get `ApiReferencePage.astro` instead,
 * which adds those of the example the reference belongs to.
 */
export const apiReferencePageFrame: Plugin = {
	name: 'handbook:api-reference-page-frame',
	enforce: 'pre',
	resolveId(source, importer) {
		if (source === '@astrojs/starlight/components/StarlightPage.astro' && inPlugin(importer, 'routes/')) {
			return fileURLToPath(new URL('../components/ApiReferencePage.astro', import.meta.url));
		}
	},
};

/**
 * "Example(s)" above each example is an `<h5>` wherever it appears (under an h2 or an h3),
 * which skips heading levels (axe: heading-order). It labels the example, so it becomes a
 * paragraph (styled in src/styles/api-reference.css).
 */
export const apiExamplesLabel: Plugin = {
	name: 'handbook:api-examples-label',
	enforce: 'pre',
	transform(code, id) {
		// The component itself, not the style and script modules Astro derives from it (`?astro&type=…`).
		if (id.includes('?') || !inPlugin(id, 'components/example/Examples.astro')) return;
		// Astro has compiled the component by now: the class carries its scope class too.
		const fixed = code.replace(/<h5 class="sl-openapi-examples-heading([^"]*)">([\s\S]*?)<\/h5>/g, '<p class="sl-openapi-examples-heading$1">$2</p>');
		if (fixed === code) throw new Error(`${id}: no <h5 class="sl-openapi-examples-heading"> left to fix; check src/lib/starlight-openapi-fixes.ts against this starlight-openapi version.`);
		return fixed;
	},
};

/**
 * The plugin replaces Starlight's `expressiveCode` option with its own `{ removeUnusedThemes:
 * false }`, dropping the handbook's options (wrapped lines). Listed after it, this puts them
 * back on top of what it needs.
 */
export function keepExpressiveCodeOptions(options: Record<string, unknown>): StarlightPlugin {
	return {
		name: 'handbook:keep-expressive-code-options',
		hooks: {
			'config:setup'({ config, updateConfig }) {
				const current = typeof config.expressiveCode === 'object' ? config.expressiveCode : {};
				updateConfig({ expressiveCode: { ...current, ...options } });
			},
		},
	};
}
