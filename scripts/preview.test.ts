/**
 * The preview server is what `npm start` and the browser tests use: it must send what the
 * static hosts send, compressed text and the `_headers` rules included.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from './start-preview.ts';

const repo = resolve(import.meta.dirname, '..');
// Large enough to pass the 1 KB threshold below which compressing does not pay.
const filler = (line: string) => Array.from({ length: 200 }, (_, index) => `${line} ${index}`).join('\n');
const files: Record<string, string> = {
	'index.html': `<!doctype html><title>Home</title>${filler('<p>home</p>')}`,
	'404.html': `<!doctype html><title>Page not found</title>${filler('<p>missing</p>')}`,
	'examples/hono-service/index.html': `<!doctype html><title>Example</title>${filler('<p>example</p>')}`,
	'_astro/style.css': filler('.a { color: red }'),
	'_astro/page.js': filler('console.log("page");'),
	'project.json': JSON.stringify({ lines: filler('json').split('\n') }),
	'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${filler('<g/>')}</svg>`,
	'llms.txt': filler('# handbook'),
	'playbooks/backend-api.md': filler('## Markdown'),
	'downloads/example.zip': filler('zip bytes'),
	_headers: '/examples/*\n  Cross-Origin-Embedder-Policy: require-corp\n  Cross-Origin-Opener-Policy: same-origin\n',
};

let dir: string;
let server: Preview;
let port: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	server = await startPreview({ port: 0, dir });
	port = server.port;
});
afterAll(() => {
	server.stop();
	rmSync(dir, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string) {
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
		const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
		request({ host: 'localhost', port, path, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('the preview server', () => {
	const text = [
		['/', 'index.html'],
		['/_astro/style.css', '_astro/style.css'],
		['/_astro/page.js', '_astro/page.js'],
		['/project.json', 'project.json'],
		['/favicon.svg', 'favicon.svg'],
		['/llms.txt', 'llms.txt'],
		['/playbooks/backend-api.md', 'playbooks/backend-api.md'],
	] as const;
	for (const [path, file] of text) {
		it(`sends ${path} brotli-compressed to a browser that accepts br, and the same bytes decompressed`, async () => {
			const response = await get(path, 'gzip, deflate, br');
			expect(response.status).toBe(200);
			expect(response.headers['content-encoding']).toBe('br');
			expect(response.headers.vary).toMatch(/Accept-Encoding/i);
			expect(response.body.byteLength).toBeLessThan(files[file]!.length / 2);
			expect(brotliDecompressSync(response.body).toString()).toBe(files[file]);
		});
	}

	it('falls back to gzip for a client without brotli', async () => {
		const response = await get('/', 'gzip, deflate');
		expect(response.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(response.body).toString()).toBe(files['index.html']);
	});

	it('sends the file as it is to a client that accepts no encoding', async () => {
		const response = await get('/');
		expect(response.headers['content-encoding']).toBeUndefined();
		expect(response.body.toString()).toBe(files['index.html']);
	});

	it('leaves already-compressed formats (a zip download) uncompressed', async () => {
		const response = await get('/downloads/example.zip', 'br, gzip');
		expect(response.headers['content-encoding']).toBeUndefined();
		expect(response.body.toString()).toBe(files['downloads/example.zip']);
	});

	it('applies the _headers rules to compressed responses, only on the paths they name', async () => {
		const example = await get('/examples/hono-service/', 'br');
		expect(example.headers['content-encoding']).toBe('br');
		expect(example.headers['cross-origin-embedder-policy']).toBe('require-corp');
		expect(example.headers['cross-origin-opener-policy']).toBe('same-origin');
		const home = await get('/', 'br');
		expect(home.headers['cross-origin-embedder-policy']).toBeUndefined();
	});

	it('answers an unknown path with the 404 page, compressed and with the rules of its path', async () => {
		const response = await get('/examples/no-such-page/', 'br');
		expect(response.status).toBe(404);
		expect(response.headers['content-encoding']).toBe('br');
		expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
		expect(brotliDecompressSync(response.body).toString()).toBe(files['404.html']);
	});
});

describe('bad input', () => {
	const preview = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'scripts', 'preview.ts'), ...args], { encoding: 'utf8', timeout: 20_000 });

	it('a port already in use: says so and what to do, no stack trace', async () => {
		const run = preview('--port', String(port), '--dir', dir);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe(`preview: port ${port} is already in use. Stop what holds it, or pass --port with another port (0 picks a free one).`);
		// The scripts that start it (bench:lighthouse, bench:js) pass the same message on.
		await expect(startPreview({ port, dir })).rejects.toThrow(`preview: port ${port} is already in use.`);
	});

	it('an unknown option: names it, with the usage', () => {
		const run = preview('--prot', '4000');
		expect(run.status).toBe(1);
		expect(run.stderr).toContain("preview: Unknown option '--prot'");
		expect(run.stderr).toContain('usage: node scripts/preview.ts [--port 4321] [--dir dist]');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it.each(['abc', '70000', ''])('a --port of "%s" is refused with the range', (value) => {
		const run = preview('--port', value, '--dir', dir);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe(`preview: --port must be a port number from 0 to 65535 (0 picks a free one), got "${value}".`);
	});

	it('no build: says which command makes one', () => {
		const run = preview('--port', '0', '--dir', join(dir, 'missing'));
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('run `npm run build` first');
	});
});
