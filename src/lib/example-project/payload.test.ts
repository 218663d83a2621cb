import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileTreeHtml } from './file-tree.ts';
import { buildProjectPayload, defaultStartScript, ExamplePayloadError, type PayloadInput, type SourceFile } from './payload.ts';
import { buildZip } from './zip.ts';

const text = (path: string, content: string): SourceFile => ({ path, bytes: new TextEncoder().encode(content) });
const packageJson = text('package.json', JSON.stringify({ name: 'demo', scripts: { dev: 'node src/index.ts', start: 'node src/index.ts' } }));

const input = (files: SourceFile[], overrides: Partial<PayloadInput> = {}): PayloadInput => ({
	name: 'demo',
	title: 'Demo',
	description: 'A demo.',
	files,
	openFile: 'src/index.ts',
	startScript: 'dev',
	...overrides,
});

describe('buildProjectPayload', () => {
	it('builds a node project of exactly the given files, with title, description, open file and start script', () => {
		const payload = buildProjectPayload(input([packageJson, text('src/index.ts', 'console.log("hi");\r\n')]));
		expect(payload.project).toEqual({
			title: 'Demo',
			description: 'A demo.',
			template: 'node',
			files: { 'package.json': new TextDecoder().decode(packageJson.bytes), 'src/index.ts': 'console.log("hi");\r\n' },
		});
		expect(payload.options).toEqual({ openFile: 'src/index.ts', startScript: 'dev' });
	});

	it('fails the build on a binary file, naming it', () => {
		const png = { path: 'public/logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]) };
		expect(() => buildProjectPayload(input([packageJson, text('src/index.ts', ''), png]))).toThrow(
			new ExamplePayloadError(
				'examples/demo/public/logo.png is a binary file: examples run in StackBlitz, which takes text files only. Replace it with a text format (SVG for images) or generate it at run time.',
			),
		);
	});

	it('fails the build on a file that is not UTF-8, naming it', () => {
		const latin1 = { path: 'notes.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) };
		expect(() => buildProjectPayload(input([packageJson, text('src/index.ts', ''), latin1]))).toThrow(/examples\/demo\/notes\.txt is not valid UTF-8/);
	});

	it('fails the build on a file over the size limit, naming it and the limit', () => {
		const big = text('data/seed.json', 'x'.repeat(3000));
		expect(() => buildProjectPayload(input([packageJson, text('src/index.ts', ''), big]), { maxFileBytes: 2048, maxProjectBytes: 1e6 })).toThrow(
			/examples\/demo\/data\/seed\.json is 3,000 bytes, over the 2,048 bytes limit for one file/,
		);
	});

	it('fails the build on a project over the size limit, naming the file that crossed it', () => {
		const files = [packageJson, text('src/index.ts', ''), text('a.txt', 'x'.repeat(600)), text('b.txt', 'x'.repeat(600))];
		expect(() => buildProjectPayload(input(files), { maxFileBytes: 1e6, maxProjectBytes: 1024 })).toThrow(
			/examples\/demo is over the 1,024 bytes limit for a whole example \(reached at examples\/demo\/b\.txt\)/,
		);
	});

	it('fails when the file to open first or the start script does not exist', () => {
		expect(() => buildProjectPayload(input([packageJson], { openFile: 'src/app.ts' }))).toThrow(/examples\/demo\/src\/app\.ts \(the file to open first\)/);
		expect(() => buildProjectPayload(input([packageJson, text('src/index.ts', '')], { startScript: 'serve' }))).toThrow(/no "serve" script/);
	});

	it('fails on a package.json that is not JSON, naming it', () => {
		expect(() => buildProjectPayload(input([text('package.json', '{ "name": '), text('src/index.ts', '')]))).toThrow(/examples\/demo\/package\.json is not valid JSON/);
	});

	it('fails without a package.json', () => {
		expect(() => buildProjectPayload(input([text('src/index.ts', '')]))).toThrow(/examples\/demo\/package\.json is missing/);
	});
});

describe('defaultStartScript', () => {
	it('prefers dev, then start', () => {
		expect(defaultStartScript({ scripts: { start: 'a', dev: 'b' } })).toBe('dev');
		expect(defaultStartScript({ scripts: { start: 'a' } })).toBe('start');
		expect(defaultStartScript({})).toBeUndefined();
	});
});

describe('buildZip', () => {
	it('holds the same files, byte for byte, in a folder named after the example', () => {
		const files = [packageJson, text('src/index.ts', 'export {};\n')];
		const entries = unzipSync(buildZip('demo', files));
		expect(Object.keys(entries).sort()).toEqual(['demo/package.json', 'demo/src/index.ts']);
		expect(entries['demo/src/index.ts']).toEqual(files[1]!.bytes);
	});

	it('is byte-identical for the same files', () => {
		expect(buildZip('demo', [packageJson])).toEqual(buildZip('demo', [packageJson]));
	});
});

describe('fileTreeHtml', () => {
	it('nests folders first, marks folders with a slash and highlights the open file', () => {
		expect(fileTreeHtml(['src/app.ts', 'package.json', 'src/routes/users.ts', 'README.md'], { root: 'demo', highlight: ['src/app.ts'] })).toBe(
			'<ul><li>demo/<ul><li>src/<ul><li>routes/<ul><li>users.ts</li></ul></li><li><strong>app.ts</strong></li></ul></li><li>package.json</li><li>README.md</li></ul></li></ul>',
		);
	});

	it('escapes names', () => {
		expect(fileTreeHtml(['a<b>.ts'])).toBe('<ul><li>a&lt;b&gt;.ts</li></ul>');
	});
});
