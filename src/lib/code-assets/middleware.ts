/** Astro middleware: every HTML page leaves with its code-block assets in <head> (see hoist.ts). */
import { defineMiddleware } from 'astro:middleware';
import { hoistCodeAssets } from './hoist.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = hoistCodeAssets(await response.text());
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
