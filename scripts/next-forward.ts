/**
 * `npm test` step "Next.js 16 forward check": the Next.js examples stay on 15.4 for StackBlitz
 * (WebContainers lose AsyncLocalStorage across `await`, and Next 15.5+ fails every render
 * there: webcontainer-core#1169). So that the upgrade stays a version bump, each one is also
 * type-checked, built (webpack, as WebContainers need it) and browser-tested on the current
 * Next.js 16, with the version overridden in a scratch copy of its StackBlitz project; the
 * example itself is not copied or changed.
 *
 *   node scripts/next-forward.ts [example ...]     (default: every example that uses next)
 *
 * Prints what Next 16 changed in the scratch copy (its own tsconfig rewrite), as the diff the
 * upgrade will bring.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllExamples, type NodeExample } from '../src/lib/example-project/load-example.ts';
import { writeProject } from './lib/write-project.ts';

/** The newest Next.js 16 with every platform's SWC package on the registry (see TOOLCHAIN notes). */
export const NEXT_FORWARD_VERSION = process.env.NEXT_FORWARD_VERSION || '16.3.7';

const names = process.argv.slice(2);
const examples = loadAllExamples().filter(
	(example): example is NodeExample =>
		example.kind === 'node' && (names.length === 0 || names.includes(example.name)) && /"next"\s*:/.test(example.payload.project.files['package.json'] ?? ''),
);
if (names.length > 0 && examples.length !== names.length) {
	console.error(`next-forward: not a Next.js example: ${names.filter((name) => !examples.some((example) => example.name === name)).join(', ')}`);
	process.exit(2);
}

function step(label: string, cwd: string, command: string, args: string[]) {
	const started = performance.now();
	const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: '1', NEXT_TELEMETRY_DISABLED: '1' } });
	if (result.status !== 0) throw new Error(`${label} failed (${command} ${args.join(' ')}, exit ${result.status ?? result.signal})`);
	return (performance.now() - started) / 1000;
}

const rows: string[] = [];
let failed = false;
for (const example of examples) {
	const { dir, project } = writeProject(example, 'next-forward');
	console.log(`\n▶ ${example.name} on Next.js ${NEXT_FORWARD_VERSION} (${project})`);
	try {
		const packagePath = join(project, 'package.json');
		const manifest = JSON.parse(readFileSync(packagePath, 'utf8')) as { dependencies: Record<string, string> };
		const from = manifest.dependencies.next;
		manifest.dependencies.next = NEXT_FORWARD_VERSION;
		writeFileSync(packagePath, `${JSON.stringify(manifest, null, 2)}\n`);
		const tsconfigBefore = readFileSync(join(project, 'tsconfig.json'), 'utf8');
		let seconds = step('npm install', project, 'npm', ['install', '--no-audit', '--no-fund']);
		// An example that carries another (nextjs-openapi-client carries hono-service) installs it too.
		for (const included of example.includes) {
			if (existsSync(join(project, included, 'package.json'))) seconds += step(`npm install (${included})`, join(project, included), 'npm', ['install', '--no-audit', '--no-fund']);
		}
		const installed = JSON.parse(readFileSync(join(project, 'node_modules/next/package.json'), 'utf8')) as { version: string };
		if (installed.version !== NEXT_FORWARD_VERSION) throw new Error(`npm installed next ${installed.version}, not ${NEXT_FORWARD_VERSION}`);
		seconds += step('type check', project, 'npm', ['run', 'typecheck']);
		seconds += step('next build --webpack', project, 'npx', ['next', 'build', '--webpack']);
		seconds += step('browser tests', project, 'npm', ['run', 'test:e2e']);
		const tsconfigAfter = readFileSync(join(project, 'tsconfig.json'), 'utf8');
		const changed = tsconfigAfter !== tsconfigBefore ? 'Next 16 rewrote tsconfig.json (its required compiler options)' : 'no file changed by Next';
		rows.push(`| ${example.name} | ${from} → ${installed.version} | passed | ${seconds.toFixed(0)} s | ${changed} |`);
	} catch (error) {
		failed = true;
		rows.push(`| ${example.name} | → ${NEXT_FORWARD_VERSION} | **failed**: ${(error as Error).message} | | |`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

console.log(`\nNext.js ${NEXT_FORWARD_VERSION} forward check`);
console.log('| example | next | result | time | upgrade diff |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
