/** Registers the middleware that puts Expressive Code's stylesheet and script in <head>, once. */
import type { AstroIntegration } from 'astro';

export function codeAssetsInHead(): AstroIntegration {
	return {
		name: 'handbook:code-assets-in-head',
		hooks: {
			'astro:config:setup'({ addMiddleware }) {
				addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'post' });
			},
		},
	};
}
