/**
 * The files of an example exactly as CI sees them: what git tracks under `examples/<name>/`
 * (no node_modules, no build output, no local secrets, nothing half-written and uncommitted).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listExamples } from './checks.ts';
import type { SourceFile } from './payload.ts';

/** Paths git tracks under `dir` (relative to the repository root), relative to `dir`. */
export function trackedPaths(dir: string, root = process.cwd()): string[] {
	const output = execFileSync('git', ['ls-files', '-z', '--', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const prefix = `${dir.replace(/\/$/, '')}/`;
	return (
		output
			.split('\0')
			.filter((path) => path.startsWith(prefix))
			// A tracked file deleted in the working tree is on its way out: CI will not see it either.
			.filter((path) => existsSync(join(root, path)))
			.map((path) => path.slice(prefix.length))
			.sort()
	);
}

/** The tracked files of `examples/<name>` with their bytes. */
export function readTrackedFiles(name: string, root = process.cwd()): SourceFile[] {
	const dir = `examples/${name}`;
	return trackedPaths(dir, root).map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(root, dir, path))) }));
}

/** Example folders that have a committed package.json (Node.js) or pyproject.toml (Python), sorted by name. */
export function listExampleNames(root = process.cwd()): string[] {
	return listExamples(root).map((example) => example.name);
}
