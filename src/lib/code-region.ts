/**
 * Picks a named region out of a source file, so a handbook page can show part of an example's
 * code without pasting it. Regions are marked the way VS Code folds them:
 *
 *   // #region error-handler        (TypeScript, JavaScript)
 *   # #region create-user           (YAML, Python, Dockerfile, shell)
 *   // #endregion                   (the name after #endregion is optional)
 *
 * Regions may nest; marker lines are never shown.
 */

const MARKER = /^\s*(?:\/\/|#|--|\/\*|<!--)\s*#(region|endregion)\b[ \t]*([\w.-]*)/;

interface Marker {
	kind: 'region' | 'endregion';
	name: string;
}

function parseMarker(line: string): Marker | undefined {
	const match = MARKER.exec(line);
	return match ? { kind: match[1] as Marker['kind'], name: match[2] ?? '' } : undefined;
}

/** An error that names the file and the region, for a build failure a reader can act on. */
export class RegionError extends Error {
	override name = 'RegionError';
}

/** Removes the common leading indentation of all non-blank lines. */
export function dedent(lines: string[]): string[] {
	const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length)));
}

/** The whole file without any region markers, and without a trailing newline. */
export function stripRegionMarkers(source: string): string {
	return source
		.split(/\r?\n/)
		.filter((line) => !parseMarker(line))
		.join('\n')
		.replace(/\n+$/, '');
}

/** Names of the regions a file declares, in order. */
export function listRegions(source: string): string[] {
	return source
		.split(/\r?\n/)
		.map(parseMarker)
		.filter((marker): marker is Marker => marker?.kind === 'region' && marker.name !== '')
		.map((marker) => marker.name);
}

/** Where a region's shown lines come from in its file. */
export interface RegionLocation {
	/** For each line `extractRegion` shows, its 0-based line index in the file. */
	fileLines: number[];
	/** Columns removed from the start of every shown line (the common indentation). */
	indent: number;
}

/**
 * Where the lines `extractRegion` shows come from in the file, so tools that read the whole
 * file (the type checker behind type hovers) can map their positions onto the region.
 * Throws like `extractRegion`.
 */
export function locateRegion(source: string, region: string, file = 'the file'): RegionLocation {
	const lines = source.split(/\r?\n/);
	const start = lines.findIndex((line) => {
		const marker = parseMarker(line);
		return marker?.kind === 'region' && marker.name === region;
	});
	if (start === -1) {
		const known = listRegions(source);
		throw new RegionError(
			`region "${region}" not found in ${file}. ` +
				(known.length > 0 ? `Regions in that file: ${known.join(', ')}.` : 'That file declares no regions.') +
				` Mark it with "// #region ${region}" and "// #endregion" (or "# #region" in YAML, Python, Dockerfiles).`,
		);
	}
	const body: number[] = [];
	let depth = 1;
	for (let index = start + 1; index < lines.length; index++) {
		const marker = parseMarker(lines[index]!);
		if (marker?.kind === 'region') depth += 1;
		// A named #endregion closes its own region even if an inner one was left open.
		if (marker?.kind === 'endregion') depth = marker.name === region ? 0 : depth - 1;
		if (depth === 0) {
			const isBlank = (line: number) => lines[line]!.trim() === '';
			while (body.length > 0 && isBlank(body[0]!)) body.shift();
			while (body.length > 0 && isBlank(body.at(-1)!)) body.pop();
			const indents = body.filter((line) => !isBlank(line)).map((line) => /^[ \t]*/.exec(lines[line]!)![0].length);
			return { fileLines: body, indent: indents.length > 0 ? Math.min(...indents) : 0 };
		}
		if (!marker) body.push(index);
	}
	throw new RegionError(`region "${region}" in ${file} has no matching "#endregion": close it after line ${start + 1}.`);
}

/**
 * The lines between `#region <region>` and its matching `#endregion`, dedented, without markers.
 * Throws a `RegionError` naming `file` and `region` when the region is missing or never closed.
 *
 * @example
 * extractRegion(readFileSync('examples/hono-service/src/env.ts', 'utf8'), 'env-schema', 'examples/hono-service/src/env.ts')
 */
export function extractRegion(source: string, region: string, file = 'the file'): string {
	const lines = source.split(/\r?\n/);
	const { fileLines } = locateRegion(source, region, file);
	return dedent(fileLines.map((line) => lines[line]!)).join('\n');
}

const LANGUAGES: Record<string, string> = {
	ts: 'ts',
	mts: 'ts',
	cts: 'ts',
	tsx: 'tsx',
	js: 'js',
	mjs: 'js',
	cjs: 'js',
	jsx: 'jsx',
	json: 'json',
	jsonc: 'jsonc',
	yml: 'yaml',
	yaml: 'yaml',
	py: 'python',
	sql: 'sql',
	sh: 'sh',
	md: 'md',
	mdx: 'mdx',
	astro: 'astro',
	html: 'html',
	css: 'css',
	toml: 'toml',
	env: 'ini',
};

/** The Expressive Code language for a path, from its extension (`Dockerfile` by name). */
export function languageFor(file: string): string {
	const name = file.split('/').pop() ?? file;
	if (/^dockerfile$/i.test(name) || /\.dockerfile$/i.test(name)) return 'dockerfile';
	if (/^\.env/.test(name)) return 'ini';
	const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
	return LANGUAGES[extension] ?? 'text';
}

