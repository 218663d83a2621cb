import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NodeExample } from '../../src/lib/example-project/load-example.ts';

/**
 * Writes an example's StackBlitz project (the files the site posts to StackBlitz) to a fresh
 * folder, `<tmp>/<prefix>-<name>-XXXX/<name>/`. Returns both folders; remove `dir` when done.
 */
export function writeProject(example: NodeExample, prefix: string): { dir: string; project: string } {
	const dir = mkdtempSync(join(tmpdir(), `${prefix}-${example.name}-`));
	const project = join(dir, example.name);
	for (const [path, text] of Object.entries(example.payload.project.files)) {
		mkdirSync(dirname(join(project, path)), { recursive: true });
		writeFileSync(join(project, path), text);
	}
	return { dir, project };
}
