/**
 * Code on a page must be code that works. The Python snippets of the dedicated-backend guide have
 * no runnable example yet, so CI at least parses each one with Python's own parser.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const snippets = resolve(import.meta.dirname, '..', 'content', 'snippets');
const pythonFiles = readdirSync(snippets, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.py'));
const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : undefined;

describe.skipIf(!python)('Python snippets', () => {
	it('exist', () => expect(pythonFiles.length).toBeGreaterThan(0));

	for (const file of pythonFiles) {
		it(`${file} is valid Python`, () => {
			const run = spawnSync(python!, ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])', join(snippets, file)], {
				encoding: 'utf8',
			});
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
		});
	}
});

if (!python) console.warn('Python snippets not checked: python3 is not installed.');
