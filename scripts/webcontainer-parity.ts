/**
 * `npm test` step "WebContainer parity": does each example start where "Open in StackBlitz"
 * sends it? For every example (or those named on the command line):
 *
 *   1. its StackBlitz project, built by the very function the site uses to write
 *      `/examples/<name>/project.json` (the files posted to StackBlitz, not the working tree),
 *      written to a fresh folder;
 *   2. `npm install` with the Node WebContainers would pick (every example pins 22.22.3 in its
 *      `.nvmrc`; see src/lib/example-project/webcontainer-node.ts) and the npm that goes with it
 *      (10.9.4 beside Node 22); then every native addon is deleted (WebContainers cannot
 *      load them), Next.js is sent down its WebContainer path (`NEXT_TEST_WASM`: the WASM
 *      compiler, downloaded as Next downloads it there), and examples without Next.js run with
 *      AsyncLocalStorage losing its store across `await`, as WebContainers do;
 *   3. its `startScript`, until its ready URL answers; then the flow a reader tries first
 *      (scripts/webcontainer-parity/flows.ts).
 *
 * A failure names the example, the Node version and the first error line. Prints install and
 * start times, time to the first answer, and payload size.
 *
 *   node scripts/webcontainer-parity.ts [example ...]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { launchOptions } from './lib/browser.ts';
import { loadAllExamples, type NodeExample } from '../src/lib/example-project/load-example.ts';
import { closeBrowser, flows } from './webcontainer-parity/flows.ts';
import { installToolchain, removeNativeAddons, seedNextWasm, webcontainerEnv } from './webcontainer-parity/toolchain.ts';
import { writeProject } from './lib/write-project.ts';

const READY_TIMEOUT_MS = 300_000;
const asyncLocalStorageShim = resolve('scripts/webcontainer-parity/async-local-storage.cjs');
const names = process.argv.slice(2);
// Python examples have no StackBlitz project (WebContainers run Node.js only): nothing to check.
const examples = loadAllExamples().filter((example): example is NodeExample => example.kind === 'node' && (names.length === 0 || names.includes(example.name)));
for (const name of names) if (!examples.some((example) => example.name === name)) fail(name, '-', `no Node.js example named "${name}"`);

interface Row {
	name: string;
	node: string;
	installSeconds: number;
	startSeconds: number;
	flowSeconds: number;
	payloadKb: number;
}

function fail(name: string, node: string, line: string): never {
	console.error(`\n✗ WebContainer parity: ${name} on Node ${node}: ${line}`);
	process.exit(1);
}

/**
 * The first line of `output` that reads like an error ("TypeError [ERR_…]: message" before a
 * stack's source line that merely mentions one), else `fallback`.
 */
function firstErrorLine(output: string, fallback: string): string {
	const lines = output.split('\n');
	const line =
		lines.find((text) => /\b[A-Z]\w*Error\b[^:]*: \S/.test(text) && !/^\s*(at |throw )/.test(text)) ??
		lines.find((text) => /\b(Error|ERR_[A-Z_]+|Invariant|Cannot find|failed)\b|⨯/.test(text));
	return line?.trim() || fallback;
}

const isFree = (port: number) =>
	new Promise<boolean>((done) => {
		const server = createServer()
			.once('error', () => done(false))
			.listen(port, () => server.close(() => done(true)));
	});

/** Stops the start script and everything it started (it runs in a process group of its own). */
async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const exited = new Promise((done) => child.once('exit', done));
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		return;
	}
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {}
	}, 10_000);
	await exited;
	clearTimeout(timer);
}

async function check(example: NodeExample): Promise<Row> {
	const files = example.payload.project.files;
	const { version } = example.webcontainer;
	const flow = flows[example.name];
	if (!flow) fail(example.name, version, 'no parity flow: add one to scripts/webcontainer-parity/flows.ts');
	for (const port of flow.ports) if (!(await isFree(port))) fail(example.name, version, `port ${port} is taken: stop what listens there first`);

	const toolchain = installToolchain(version);
	const { dir, project } = writeProject(example, 'parity');
	const usesNext = /"next"\s*:/.test(files['package.json'] ?? '');
	console.log(`\n▶ ${example.name}: Node ${toolchain.node}, npm ${toolchain.npm}, start script "${example.startScript}" (${dir})`);

	let env = webcontainerEnv(toolchain);
	let started = performance.now();
	const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: project, env, encoding: 'utf8' });
	// npm 10.8 can end a failed install with "Exit handler never called!" and exit code 0: check the result.
	if (install.status !== 0 || !existsSync(join(project, 'node_modules/.package-lock.json'))) {
		console.error(install.stderr.split('\n').slice(-20).join('\n'));
		fail(example.name, toolchain.node, `npm install failed: ${firstErrorLine(install.stderr, `exit code ${install.status}`)}`);
	}
	const installSeconds = (performance.now() - started) / 1000;
	const removed = removeNativeAddons(project);
	console.log(`  installed in ${installSeconds.toFixed(1)} s; removed ${removed.length} native addon(s)${removed.length ? `: ${removed.join(', ')}` : ''}`);

	if (usesNext) {
		const nextPackage = JSON.parse(readFileSync(join(project, 'node_modules/next/package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
		const swc = nextPackage.optionalDependencies?.['@next/swc-linux-x64-gnu'];
		if (!swc) fail(example.name, toolchain.node, 'next has no @next/swc-linux-x64-gnu: cannot tell which WASM compiler it downloads');
		const wasm = seedNextWasm(swc);
		if (wasm.note) console.log(`  note: ${wasm.note}`);
		env = { ...env, NEXT_TEST_WASM: '1', NEXT_SWC_PATH: wasm.dir };
	} else {
		env = { ...env, NODE_OPTIONS: `--require ${asyncLocalStorageShim}` };
	}

	let output = '';
	started = performance.now();
	const child = spawn('npm', ['run', example.startScript], { cwd: project, env, detached: true });
	for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let browser: Promise<Browser> | undefined;
	let failure: string | undefined;
	try {
		let startSeconds = 0;
		while (!startSeconds) {
			if (child.exitCode !== null) throw new Error(firstErrorLine(output, `the start script exited with code ${child.exitCode}`));
			if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(firstErrorLine(output, `${flow.readyUrl} did not answer within ${READY_TIMEOUT_MS / 1000} s`));
			const answer = await fetch(flow.readyUrl, { signal: AbortSignal.timeout(120_000) }).catch(() => undefined);
			if (answer && answer.status < 500) startSeconds = (performance.now() - started) / 1000;
			else await new Promise((done) => setTimeout(done, 500));
		}
		console.log(`  ${flow.readyUrl} answered ${startSeconds.toFixed(1)} s after start`);
		started = performance.now();
		await flow.run({
			dir: project,
			env,
			page: async () => {
				browser ??= chromium.launch(launchOptions);
				return (await browser).newPage();
			},
		});
		const flowSeconds = (performance.now() - started) / 1000;
		console.log(`  main flow passed in ${flowSeconds.toFixed(1)} s`);
		return { name: example.name, node: toolchain.node, installSeconds, startSeconds, flowSeconds, payloadKb: Buffer.byteLength(example.payloadJson) / 1024 };
	} catch (error) {
		console.error(output.split('\n').slice(-40).join('\n'));
		failure = firstErrorLine((error as Error).message, (error as Error).message);
	} finally {
		// Stopped before failing: no server of the example outlives the check.
		await closeBrowser(browser);
		await stop(child);
		rmSync(dir, { recursive: true, force: true });
	}
	return fail(example.name, toolchain.node, failure ?? 'the check ended without a result');
}

const rows: Row[] = [];
for (const example of examples) rows.push(await check(example));
console.log('\nWebContainer parity: every example started and passed its main flow');
console.log('| example | Node | install | start to first answer | main flow | payload |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(
		`| ${row.name} | ${row.node} | ${row.installSeconds.toFixed(1)} s | ${row.startSeconds.toFixed(1)} s | ${row.flowSeconds.toFixed(1)} s | ${row.payloadKb.toFixed(0)} KB |`,
	);
}
