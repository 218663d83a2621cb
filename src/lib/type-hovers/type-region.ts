/**
 * The types TypeScript infers in a region of an example file, for the hovers on the guide's
 * code (twoslash). The whole file is checked, as its example's tsconfig.json configures it, so
 * imports resolve as in the example; a file that no longer type-checks throws with the file,
 * line and TypeScript's message, and the build stops there.
 *
 * Third-party types come from the nearest node_modules up the tree: the example's own when it
 * is installed, else the site's (its devDependencies carry the few the regions need).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { createTwoslasher, type TwoslashInstance } from 'twoslash';
import ts from 'typescript';
import { locateRegion, RegionError } from '../code-region.ts';

/** One identifier of the region and its type, in region coordinates (0-based line and columns). */
export interface TypeHover {
	line: number;
	start: number;
	end: number;
	/** TypeScript's quick info, e.g. `const data: { items: Invoice[] } | undefined`. */
	type: string;
	docs?: string;
}

/** An error naming the file, for a build failure a reader can act on. */
export class TypeRegionError extends Error {
	override name = 'TypeRegionError';
}

function exampleRoot(file: string, root: string): string {
	for (let dir = dirname(file); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
		if (existsSync(join(dir, 'tsconfig.json'))) return dir;
	}
	throw new TypeRegionError(`${relative(root, file)}: type hovers need the example's tsconfig.json, and none was found above the file.`);
}

/** TypeScript's view of a whole file, computed once however many of its regions a page shows. */
const checkedFiles = new Map<string, ReturnType<TwoslashInstance>>();

/**
 * Runs twoslash on the whole file as its example configures TypeScript. Each file gets its own
 * twoslash instance: one instance reused across files loses files it saw before (a later file
 * importing an earlier one no longer resolves it).
 */
function checkFile(absolute: string, root: string): ReturnType<TwoslashInstance> {
	// Keyed by modification time too, so `astro dev` shows an edited file's new types.
	const key = `${absolute}@${statSync(absolute).mtimeMs}`;
	const cached = checkedFiles.get(key);
	if (cached) return cached;
	const project = exampleRoot(absolute, root);
	const config = ts.readConfigFile(join(project, 'tsconfig.json'), ts.sys.readFile);
	const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, project);
	// Build-info and editor plugins mean nothing to a one-off check.
	const { incremental: _incremental, tsBuildInfoFile: _tsBuildInfo, plugins: _plugins, ...compilerOptions } = parsed.options;
	// Next.js 15 requires `jsx: preserve` (its compiler turns JSX into React's automatic runtime)
	// and types JSX through its own global declarations, which the site does not install. Checked
	// as `react-jsx`, what Next compiles to, JSX takes its types from React's, which it does.
	if (compilerOptions.jsx === ts.JsxEmit.Preserve) compilerOptions.jsx = ts.JsxEmit.ReactJSX;
	// Virtual files live under vfsRoot, over the real files: with the example as the root and
	// the file named by its path in the example, its imports resolve as in the example.
	const twoslasher = createTwoslasher({ tsModule: ts, vfsRoot: project, compilerOptions });
	const named = `// @filename: ${relative(project, absolute).replaceAll('\\', '/')}\n${readFileSync(absolute, 'utf8')}`;
	// Errors are collected rather than thrown by twoslash, to name each with its line.
	const result = twoslasher(named, extname(absolute).slice(1), { handbookOptions: { noErrorValidation: true } });
	checkedFiles.set(key, result);
	return result;
}

/**
 * The type of every identifier in `region` of `file` (a path from the repository root).
 *
 * @example
 * typeRegion({ file: 'examples/nextjs-hono-rpc/lib/api-client.ts', region: 'api-client' })
 */
export function typeRegion({ file, region, root = process.cwd() }: { file: string; region: string; root?: string }): TypeHover[] {
	const absolute = resolve(root, file);
	const source = readFileSync(absolute, 'utf8');
	let location;
	try {
		location = locateRegion(source, region, file);
	} catch (error) {
		throw new TypeRegionError((error as RegionError).message);
	}
	const result = checkFile(absolute, root);
	if (result.errors.length > 0) {
		// `error.line` is 0-based and counts the `// @filename` line: as is, it is the file's 1-based line.
		const errors = result.errors.map((error) => `  ${file}:${error.line}:${error.character + 1} TS${error.code}: ${error.text}`);
		throw new TypeRegionError(
			`${file} no longer type-checks, so its code on the page cannot show types:\n${errors.join('\n')}\n` +
				'Fix the example (its own type check shows the same errors) and build again.',
		);
	}
	const regionLine = new Map(location.fileLines.map((fileLine, index) => [fileLine, index]));
	return result.hovers.flatMap((hover) => {
		// Positions count the `// @filename` line added above the file.
		const line = regionLine.get(hover.line - 1);
		if (line === undefined || hover.character < location.indent) return [];
		const start = hover.character - location.indent;
		return [{ line, start, end: start + hover.length, type: hover.text, docs: hover.docs || undefined }];
	});
}
