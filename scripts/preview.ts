/**
 * Serves the production build (`dist/`) the way the static host does, for the browser tests
 * and for `npm run preview`: directory URLs, the 404 page, and the per-path headers of
 * `dist/_headers` (copied from `public/_headers`).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from '../src/lib/static-headers.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, dir: { type: 'string', default: 'dist' } } });
const dir = values.dir ?? 'dist';
if (!existsSync(dir)) {
	console.error(`preview: no build in ${dir}/ — run \`npm run build\` first.`);
	process.exit(1);
}
const rules = existsSync(`${dir}/_headers`) ? parseHeadersFile(readFileSync(`${dir}/_headers`, 'utf8')) : [];
const notFound = existsSync(`${dir}/404.html`) ? readFileSync(`${dir}/404.html`) : Buffer.from('Not found');
const serve = sirv(dir, { dev: false, etag: true });

createServer((req, res) => {
	// Rules match the requested URL path, as on the static hosts; sirv's writeHead keeps these
	// headers, and the 404 page gets them too.
	const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
	serve(req, res, () => {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end(notFound);
	});
}).listen(Number(values.port), () => {
	console.log(`Handbook preview on http://localhost:${values.port}/`);
});
