/**
 * Expressive Code puts its stylesheet and script (`/_astro/ec.<hash>.css`, `.js`) in front of the
 * first code block of each render: once for the page's Markdown code blocks and once more for
 * `<Code>` components (ExampleCode), so a page with both links the same stylesheet twice, deep
 * in the body. Each of those links makes the browser restyle the whole page when it reaches
 * it: on the guide (5,700 elements) the second one cost a full style recalculation; one copy in
 * <head> took Lighthouse's total blocking time there from 211-970 ms to 153-452 ms (5 runs each).
 *
 * `hoistCodeAssets` leaves one of each in `<head>`, where every other stylesheet is, in the
 * order they first appeared. Pages without code blocks are returned unchanged.
 */
const CODE_ASSET = /<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css">|<script type="module" src="[^"]*\/ec\.[\w-]+\.js"><\/script>/g;

export function hoistCodeAssets(html: string): string {
	const found = html.match(CODE_ASSET);
	if (!found || !html.includes('</head>')) return html;
	const stripped = html.replace(CODE_ASSET, '');
	const headEnd = stripped.indexOf('</head>');
	return `${stripped.slice(0, headEnd)}${[...new Set(found)].join('')}${stripped.slice(headEnd)}`;
}
