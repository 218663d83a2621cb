/**
 * The download of an example: a zip of the same tracked files StackBlitz receives, in a folder
 * named after the example, built at build time with fflate.
 */
import { zipSync, type Zippable } from 'fflate';
import type { SourceFile } from './payload.ts';

// A fixed date keeps the zip byte-identical between builds of the same files (cacheable, diffable).
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

/**
 * @example
 * buildZip('hono-service', readTrackedFiles('hono-service')) // entries "hono-service/package.json", ...
 */
export function buildZip(name: string, files: SourceFile[]): Uint8Array {
	const entries: Zippable = {};
	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		entries[`${name}/${file.path}`] = [file.bytes, { mtime: FIXED_MTIME }];
	}
	return zipSync(entries, { level: 9 });
}
