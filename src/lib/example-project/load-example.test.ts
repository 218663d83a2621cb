import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearExampleCache, loadAllExamples, loadExample, type NodeExample } from './load-example.ts';
import { listExampleNames } from './tracked-files.ts';

let root: string;

function write(path: string, content: string | Uint8Array) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), content);
}
const track = (...paths: string[]) => execFileSync('git', ['add', '--', ...paths], { cwd: root });

beforeEach(() => {
	clearExampleCache();
	root = mkdtempSync(join(tmpdir(), 'example-project-'));
	execFileSync('git', ['init', '-q'], { cwd: root });
	write('examples/demo/package.json', JSON.stringify({ name: 'demo', description: 'A demo.', engines: { node: '>=22.18' }, scripts: { start: 'node src/index.ts' } }));
	write('examples/demo/src/index.ts', 'console.log("demo");\n');
	write('examples/demo/README.md', '# Demo\n');
	track('examples/demo');
});

/** A Node.js example, loaded (the tests' demo is one). */
function loadNode(...args: Parameters<typeof loadExample>): NodeExample {
	const example = loadExample(...args);
	if (example.kind !== 'node') throw new Error(`${args[0]} loaded as a ${example.kind} example`);
	return example;
}

afterEach(() => {
	clearExampleCache();
	rmSync(root, { recursive: true, force: true });
});

describe('loadExample', () => {
	it('takes exactly the files git tracks: no untracked secrets, installs or build output', () => {
		write('examples/demo/.env', 'SECRET=1\n');
		write('examples/demo/node_modules/x/index.js', 'module.exports = 1;\n');
		write('examples/demo/dist/out.js', 'built\n');
		const example = loadNode('demo', root);
		expect(Object.keys(example.payload.project.files)).toEqual(['package.json', 'README.md', 'src/index.ts']);
		expect(Object.keys(unzipSync(example.zip)).sort()).toEqual(['demo/package.json', 'demo/README.md', 'demo/src/index.ts'].sort());
	});

	it('falls back to package.json and README.md for an example the catalog does not know', () => {
		const example = loadExample('demo', root);
		expect(example).toMatchObject({ title: 'Demo', description: 'A demo.', openFile: 'README.md', startScript: 'start', node: '>=22.18' });
		expect(example.commands.fromZip).toBe('unzip demo.zip\ncd demo\nnpm ci\nnpm start');
	});

	it('fails the build on a tracked binary file, naming it', () => {
		write('examples/demo/public/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
		track('examples/demo/public/logo.png');
		expect(() => loadAllExamples(root)).toThrow(/examples\/demo\/public\/logo\.png is a binary file/);
	});

	it('fails the build on an oversized tracked file, naming it', () => {
		write('examples/demo/data.json', `"${'x'.repeat(1024 * 1024 + 1)}"`);
		track('examples/demo/data.json');
		expect(() => loadExample('demo', root)).toThrow(/examples\/demo\/data\.json is 1,048,579 bytes, over the 1,048,576 bytes limit/);
	});

	it('carries an included example in a folder of its name, in the project and in the zip', () => {
		write('examples/service/package.json', JSON.stringify({ name: 'service', scripts: { start: 'node index.js' } }));
		write('examples/service/index.js', 'console.log("service");\n');
		write('examples/service/.env', 'SECRET=1\n');
		track('examples/service/package.json', 'examples/service/index.js');
		const entries = { demo: { title: 'Demo', includes: ['service'], guide: [] } };
		const example = loadNode('demo', root, entries);
		expect(example.includes).toEqual(['service']);
		expect(Object.keys(example.payload.project.files).sort()).toEqual(
			['package.json', 'README.md', 'service/index.js', 'service/package.json', 'src/index.ts'].sort(),
		);
		expect(example.payload.project.files['service/index.js']).toBe('console.log("service");\n');
		expect(Object.keys(unzipSync(example.zip)).sort()).toEqual(
			['demo/package.json', 'demo/README.md', 'demo/service/index.js', 'demo/service/package.json', 'demo/src/index.ts'].sort(),
		);
	});

	it('fails the build when an included example does not exist, naming both', () => {
		const entries = { demo: { title: 'Demo', includes: ['nowhere'], guide: [] } };
		expect(() => loadExample('demo', root, entries)).toThrow(/examples\/demo includes "nowhere", which is not another example/);
	});

	it('fails the build when an included example would overwrite a folder of the example', () => {
		write('examples/src/package.json', JSON.stringify({ name: 'src', scripts: { start: 'node index.js' } }));
		track('examples/src/package.json');
		const entries = { demo: { title: 'Demo', includes: ['src'], guide: [] } };
		expect(() => loadExample('demo', root, entries)).toThrow(/examples\/demo\/src already exists: the included example "src" would overwrite it/);
	});

	it('fails the build when the start script is not a script of package.json, naming the example', () => {
		const entries = { demo: { title: 'Demo', startScript: 'dev:nowhere', guide: [] } };
		expect(() => loadExample('demo', root, entries)).toThrow(/examples\/demo\/package\.json has no "dev:nowhere" script/);
	});

	it('loads a Python example (pyproject.toml) with uv commands and no StackBlitz project', () => {
		write('examples/py/pyproject.toml', '[project]\nname = "py"\ndescription = "A Python demo."\nrequires-python = ">=3.11"\n');
		write('examples/py/src/app/main.py', 'app = None\n');
		track('examples/py');
		const entries = { py: { title: 'Py', run: 'uv run fastapi run src/app/main.py', guide: [] } };
		const example = loadExample('py', root, entries);
		expect(example).toMatchObject({ kind: 'python', description: 'A Python demo.', python: '>=3.11', openFile: 'pyproject.toml', run: 'uv run fastapi run src/app/main.py' });
		expect(example).not.toHaveProperty('payload');
		expect(example.commands.fromZip).toBe('unzip py.zip\ncd py\nuv sync --locked\nuv run fastapi run src/app/main.py');
		expect(example.commands.fromRepository).toContain('uv run --locked pytest');
		expect(Object.keys(unzipSync(example.zip)).sort()).toEqual(['py/pyproject.toml', 'py/src/app/main.py']);
		expect(listExampleNames(root)).toEqual(['demo', 'py']);
	});

	it('fails the build for a Python example without its run command, naming it', () => {
		write('examples/py/pyproject.toml', '[project]\nname = "py"\n');
		track('examples/py');
		expect(() => loadExample('py', root, {})).toThrow(/examples\/py is a Python example: give the command that starts it/);
	});

	it('names the examples that exist when asked for one that is not committed', () => {
		expect(() => loadExample('missing', root)).toThrow(/examples\/missing has no committed package\.json or pyproject\.toml\. Examples with one: demo/);
	});
});

describe('listExampleNames', () => {
	it('lists only folders with a committed package.json', () => {
		write('examples/half-written/src/index.ts', '');
		track('examples/half-written');
		write('examples/uncommitted/package.json', '{}');
		expect(listExampleNames(root)).toEqual(['demo']);
	});
});
