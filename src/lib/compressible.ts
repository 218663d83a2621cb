/**
 * Which responses the preview server compresses: the text formats a static host compresses
 * (HTML, CSS, JavaScript, JSON, SVG, plain text, Markdown, XML). Images, fonts, zips and
 * Pagefind's index fragments are already compressed; compressing them again only costs time.
 *
 * @example
 * isCompressibleType('text/html; charset=utf-8') // true
 * isCompressibleType('image/png') // false
 */
const COMPRESSIBLE = new Set([
	'text/html',
	'text/css',
	'text/javascript',
	'application/javascript',
	'application/json',
	'application/manifest+json',
	'image/svg+xml',
	'text/plain',
	'text/markdown',
	'text/xml',
	'application/xml',
]);

export function isCompressibleType(contentType: string): boolean {
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	return COMPRESSIBLE.has(type);
}
