/**
 * Reads the `_headers` file format that Netlify and Cloudflare Pages share, so the preview
 * server used by the tests sends exactly the headers the static host will send.
 *
 * @example
 * parseHeadersFile('/examples/*\n  Cross-Origin-Opener-Policy: same-origin')
 */
export interface HeaderRule {
	/** URL path pattern; `*` matches any run of characters, `:name` one path segment. */
	pattern: string;
	headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '' || line.trim().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			return;
		}
		const rule = rules.at(-1);
		const separator = line.indexOf(':');
		if (!rule || separator === -1) {
			throw new Error(`_headers line ${index + 1}: expected "  Header-Name: value" under a path, got "${line.trim()}"`);
		}
		rule.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
	});
	return rules;
}

function toRegExp(pattern: string): RegExp {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
		.join('.*');
	return new RegExp(`^${source}$`);
}

/** The headers every matching rule adds for `pathname`, in file order. */
export function headersFor(rules: HeaderRule[], pathname: string): [string, string][] {
	return rules.filter((rule) => toRegExp(rule.pattern).test(pathname)).flatMap((rule) => rule.headers);
}
