/**
 * Reads the code `ExampleCode` shows from the repository (the I/O half; `code-region.ts` is the
 * pure half).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { extractRegion, RegionError, stripRegionMarkers } from './code-region.ts';

/**
 * The code `ExampleCode` shows: `file` (a path from the repository root) whole, or its `region`.
 * Throws with the file and the region named when either is missing, so the build stops there.
 *
 * @example
 * readCode({ file: 'examples/hono-service/src/env.ts', region: 'env-schema' })
 */
export function readCode({ file, region, root = process.cwd() }: { file: string; region?: string; root?: string }): string {
	const absolute = resolve(root, file);
	const inside = relative(root, absolute);
	if (inside.startsWith('..') || isAbsolute(inside)) {
		throw new RegionError(`file "${file}" is outside the repository; give a path from the repository root.`);
	}
	if (!existsSync(absolute) || !statSync(absolute).isFile()) {
		throw new RegionError(
			`file "${file}" not found${region ? ` (looking for region "${region}")` : ''}. ` +
				'Paths are relative to the repository root, e.g. "examples/hono-service/src/app.ts"; check the file is committed and not renamed.',
		);
	}
	const source = readFileSync(absolute, 'utf8');
	return region ? extractRegion(source, region, file) : stripRegionMarkers(source);
}
