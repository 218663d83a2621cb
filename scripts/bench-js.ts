/**
 * JavaScript a reader downloads on a page, gzip-compressed as a static host serves it, before
 * and after clicking "Open in StackBlitz" (and the project JSON fetched on that click).
 *
 *   node scripts/bench-js.ts [path] [--dir dist]
 *   node scripts/bench-js.ts /examples/hono-service/
 *
 * Serves `dist/` with the preview server on a free port (or `--port`); StackBlitz itself is stubbed (no
 * network), so only what the handbook sends is counted.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Page, type Response } from '@playwright/test';
import { launchOptions } from './lib/browser.ts';
import { startPreview } from './start-preview.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '0' } } });
const path = positionals[0] ?? '/examples/hono-service/';

interface Transfer {
	url: string;
	bytes: number;
	gzip: number;
}

/** Records every same-origin response of `kind` from now on. */
function record(page: Page, kind: (response: Response) => boolean): Transfer[] {
	const transfers: Transfer[] = [];
	page.on('response', async (response) => {
		if (!response.url().startsWith(`http://localhost:${port}/`) || !kind(response)) return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		transfers.push({ url: new URL(response.url()).pathname, bytes: body.byteLength, gzip: gzipSync(body).byteLength });
	});
	return transfers;
}

const isScript = (response: Response) => response.request().resourceType() === 'script' || /\.m?js$/.test(new URL(response.url()).pathname);
const isProject = (response: Response) => new URL(response.url()).pathname.endsWith('/project.json');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (transfers: Transfer[]) => transfers.reduce((total, transfer) => total + transfer.gzip, 0);

const preview = await startPreview({ port: values.port, dir: values.dir }).catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
const port = preview.port;

const browser = await chromium.launch(launchOptions);
try {
	const context = await browser.newContext();
	await context.route('https://stackblitz.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'stub' }));
	const page = await context.newPage();
	const before = record(page, isScript);
	await page.goto(`http://localhost:${port}${path}`, { waitUntil: 'networkidle' });
	const beforeSnapshot = [...before];

	const afterClick = record(page, isScript);
	const project = record(page, isProject);
	const button = page.getByRole('button', { name: 'Open in StackBlitz' });
	if (await button.count()) {
		const popup = context.waitForEvent('page');
		await button.click();
		await popup;
		await page.waitForLoadState('networkidle');
	}

	console.log(`JavaScript on ${path} (gzip, as served compressed):`);
	for (const transfer of beforeSnapshot) console.log(`  ${transfer.url}  ${kb(transfer.gzip)} (${kb(transfer.bytes)} raw)`);
	console.log(`  before any click: ${kb(sum(beforeSnapshot))} in ${beforeSnapshot.length} files`);
	for (const transfer of afterClick) console.log(`  + on click: ${transfer.url}  ${kb(transfer.gzip)} (${kb(transfer.bytes)} raw)`);
	console.log(`  after "Open in StackBlitz": ${kb(sum(beforeSnapshot) + sum(afterClick))} (+${kb(sum(afterClick))})`);
	for (const transfer of project) console.log(`  project fetched on click: ${transfer.url}  ${kb(transfer.gzip)} gzip (${kb(transfer.bytes)} raw)`);
} finally {
	await browser.close();
	preview.stop();
}
