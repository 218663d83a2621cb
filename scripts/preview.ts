/**
 * Serves the production build (`dist/`) the way the static host does, for the browser tests
 * and for `npm start` / `npm run preview`: directory URLs, the 404 page, the per-path headers
 * of `dist/_headers` (copied from `public/_headers`), and text compressed with brotli, else
 * gzip, as Netlify, Vercel and Cloudflare send it.
 *
 *   node scripts/preview.ts [--port 4321] [--dir dist]      (--port 0 picks a free port)
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import compression from 'compression';
import sirv from 'sirv';
import { isCompressibleType } from '../src/lib/compressible.ts';
import { headersFor, parseHeadersFile } from '../src/lib/static-headers.ts';

function options() {
	try {
		return parseArgs({ options: { port: { type: 'string', default: '4321' }, dir: { type: 'string', default: 'dist' } } }).values;
	} catch (error) {
		console.error(`preview: ${(error as Error).message}\n  usage: node scripts/preview.ts [--port 4321] [--dir dist]`);
		process.exit(1);
	}
}
const values = options();
const dir = values.dir ?? 'dist';
const port = Number(values.port);
if (!/^\d+$/.test(values.port ?? '') || port > 65535) {
	console.error(`preview: --port must be a port number from 0 to 65535 (0 picks a free one), got "${values.port}".`);
	process.exit(1);
}
if (!existsSync(dir)) {
	console.error(`preview: no build in ${dir}/ — run \`npm run build\` first.`);
	process.exit(1);
}
const rules = existsSync(`${dir}/_headers`) ? parseHeadersFile(readFileSync(`${dir}/_headers`, 'utf8')) : [];
const notFound = existsSync(`${dir}/404.html`) ? readFileSync(`${dir}/404.html`) : Buffer.from('Not found');
const serve = sirv(dir, { dev: false, etag: true });
// Compressed on the fly, as the hosts do (none of them needs .br/.gz files in the build), so
// dist/ stays exactly what gets deployed. `compression` negotiates Accept-Encoding (br first),
// sets Vary and drops Content-Length; its brotli quality 4 is a host-like speed/size trade.
const compress = compression({ filter: (_req, res) => isCompressibleType(String(res.getHeader('Content-Type') ?? '')) });

const server = createServer((req, res) => {
	// Rules match the requested URL path, as on the static hosts; sirv's writeHead keeps these
	// headers, and the 404 page gets them too.
	const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
	compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () =>
		serve(req, res, () => {
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.end(notFound);
		}),
	);
});
server.on('error', (error: NodeJS.ErrnoException) => {
	console.error(
		error.code === 'EADDRINUSE'
			? `preview: port ${port} is already in use. Stop what holds it, or pass --port with another port (0 picks a free one).`
			: `preview: cannot listen on port ${port}: ${error.message}`,
	);
	process.exit(1);
});
server.listen(port, () => {
	console.log(`Handbook preview on http://localhost:${(server.address() as AddressInfo).port}/`);
});
