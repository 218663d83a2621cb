/**
 * Lighthouse (mobile, the default form factor) on one page of each template, served as
 * production serves it: the preview server with its compression and `_headers`. Each page is
 * run `--runs` times and the run with the median performance score is reported, with the
 * bytes it transferred (compressed, as on the wire) by kind, beside every run's performance
 * score (sorted) and the range of total blocking time (the metric that varies most from run to run).
 *
 *   npm run bench:lighthouse [-- --runs 3] [--dir dist] [--base http://localhost:4321]
 *
 * `--base` measures a server that is already running (e.g. an older build) instead of
 * starting `scripts/preview.ts` on `--dir`. Chromium: CHROME_PATH, else /usr/bin/chromium.
 * A benchmark, not a test: it prints figures and fails only when Lighthouse cannot run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startPreview, type Preview } from './start-preview.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		dir: { type: 'string', default: 'dist' },
		port: { type: 'string', default: '0' },
		base: { type: 'string' },
	},
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`bench-lighthouse: --runs must be a whole number of at least 1, got "${values.runs}".`);
	process.exit(1);
}
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
	console.error(`bench-lighthouse: no Chromium at ${chrome}; set CHROME_PATH to a Chrome or Chromium binary.`);
	process.exit(1);
}

/** One page of each template the handbook has. */
const PAGES = [
	['home', '/'],
	['playbook', '/playbooks/backend-api/'],
	['guide', '/guides/dedicated-backend-frameworks/'],
	['decision tree', '/decisions/split-from-nextjs/'],
	['example', '/examples/hono-service/'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface LighthouseResult {
	categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
	audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;
	runtimeError?: { message: string };
}

function lighthouse(url: string): LighthouseResult {
	const run = spawnSync(
		process.execPath,
		[
			'node_modules/lighthouse/cli/index.js',
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			`--only-categories=${CATEGORIES.join(',')}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
		],
		{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chrome } },
	);
	if (run.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${run.stderr}`);
	const result = JSON.parse(run.stdout) as LighthouseResult;
	if (result.runtimeError) throw new Error(`lighthouse on ${url}: ${result.runtimeError.message}`);
	return result;
}

/**
 * Lighthouse now and then loses a page load's trace (NO_NAVSTART, NO_FCP) on a busy machine:
 * such a run is repeated, up to twice, and said on stderr; any other failure stops the benchmark.
 */
function lighthouseRun(url: string): LighthouseResult {
	for (let attempt = 1; ; attempt++) {
		try {
			return lighthouse(url);
		} catch (error) {
			const message = (error as Error).message;
			if (attempt > 2 || !/NO_NAVSTART|NO_FCP|NO_TRACING_STARTED|PROTOCOL_TIMEOUT/.test(message)) throw error;
			console.error(`lighthouse lost the trace on ${url} (${message.split('\n').find((line) => /\(NO_|PROTOCOL/.test(line))?.trim()}); running it again`);
		}
	}
}

/** Bytes transferred per kind of resource, from the network-requests audit. */
function wireBytes(result: LighthouseResult) {
	const bytes = { Document: 0, Stylesheet: 0, Script: 0, total: 0 };
	for (const item of result.audits['network-requests']?.details?.items ?? []) {
		const size = item.transferSize ?? 0;
		if (item.resourceType === 'Document' || item.resourceType === 'Stylesheet' || item.resourceType === 'Script') bytes[item.resourceType] += size;
		bytes.total += size;
	}
	return bytes;
}

let server: Preview | undefined;
let base = values.base;
if (!base) {
	server = await startPreview({ port: values.port, dir: values.dir }).catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
	base = server.url;
}

const score = (result: LighthouseResult, category: (typeof CATEGORIES)[number]) => Math.round((result.categories[category].score ?? 0) * 100);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows: string[][] = [];
try {
	for (const [template, path] of PAGES) {
		const results = Array.from({ length: runs }, () => lighthouseRun(new URL(path, base).href));
		const median = results.sort((a, b) => score(a, 'performance') - score(b, 'performance'))[Math.floor(runs / 2)]!;
		const metric = (id: string) => median.audits[id]?.numericValue ?? Number.NaN;
		const bytes = wireBytes(median);
		const tbts = results.map((result) => result.audits['total-blocking-time']?.numericValue ?? Number.NaN);
		rows.push([
			`${template} ${path}`,
			...CATEGORIES.map((category) => String(score(median, category))),
			results.map((result) => score(result, 'performance')).join(' '),
			`${(metric('largest-contentful-paint') / 1000).toFixed(2)} s`,
			metric('cumulative-layout-shift').toFixed(3),
			`${metric('total-blocking-time').toFixed(0)} ms`,
			`${Math.min(...tbts).toFixed(0)}–${Math.max(...tbts).toFixed(0)} ms`,
			kb(bytes.Document),
			kb(bytes.Stylesheet),
			kb(bytes.Script),
			kb(bytes.total),
		]);
		console.error(`measured ${path} (${runs} run${runs === 1 ? '' : 's'})`);
	}
} finally {
	server?.stop();
}

const header = ['page', 'perf', 'a11y', 'best', 'seo', 'perf, runs (sorted)', 'LCP', 'CLS', 'TBT', 'TBT, runs', 'HTML KB', 'CSS KB', 'JS KB', 'all KB'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
const { version } = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string };
console.log(`Lighthouse ${version}, mobile, ${base}, median of ${runs} by performance; KB transferred (as on the wire)`);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
