/**
 * `npm test`: every test of the handbook, in the order a failure is cheapest to find.
 *
 *   1. type check of the site (astro check)
 *   2. unit tests of the site's code (vitest)
 *   3. production build with search index (astro build)
 *   4. browser tests of that build (Playwright)
 *   5. each example in examples/: `npm ci` (its committed lockfile, exactly) and its `npm test`;
 *      a Python example (pyproject.toml): `uv sync --locked`, ruff, black and pytest
 *   6. the conformance suite (conformance/): one HTTP contract against hono-service and
 *      fastapi-service, their OpenAPI documents linted and compared
 *   7. WebContainer parity: each example's StackBlitz project, started as StackBlitz starts it
 *      (scripts/webcontainer-parity.ts)
 *   8. Next.js 16 forward check of the Next.js examples (scripts/next-forward.ts)
 *
 * `npm test -- site` or `npm test -- examples` runs one half; `npm test -- hono-service`
 * runs one example, `npm test -- conformance`, `npm test -- parity` or `npm test -- next-forward`
 * one check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

const only = process.argv.slice(2);
const wants = (name: string, group: 'site' | 'examples') =>
	only.length === 0 || only.includes(name) || only.includes(group);

// Examples get this Node (the project's, >= 22.18) but not the site's node_modules/.bin,
// so each example proves it is self-contained.
const pathWithoutSiteBin = (process.env.PATH ?? '')
	.split(delimiter)
	.filter((entry) => !entry.endsWith(join('node_modules', '.bin')));
const exampleEnv = { ...process.env, PATH: [dirname(process.execPath), ...pathWithoutSiteBin].join(delimiter) };

// hono-service first: the OpenAPI client example starts it in its own tests.
const exampleOrder = (name: string) => (name === 'hono-service' ? 0 : 1);
const examples = existsSync('examples')
	? readdirSync('examples')
			.filter((name) => existsSync(join('examples', name, 'package.json')) || existsSync(join('examples', name, 'pyproject.toml')))
			.sort((a, b) => exampleOrder(a) - exampleOrder(b) || a.localeCompare(b))
	: [];
const isPython = (name: string) => !existsSync(join('examples', name, 'package.json'));

// uv for the Python examples: the one on PATH, else one installed with pip into a cache folder
// (a fresh machine has Python and pip, not uv). Never a downloaded Python: the machine's is used.
const uvVenv = resolve('node_modules/.cache/handbook-tools/uv');
const uvOnPath = spawnSync('uv', ['--version'], { stdio: 'ignore' }).status === 0;
const uv = uvOnPath ? 'uv' : join(uvVenv, 'bin', 'uv');
// uv first on PATH too: the conformance suite starts fastapi-service with `uv run`.
const pythonEnv = {
	...exampleEnv,
	PATH: uvOnPath ? exampleEnv.PATH : [dirname(uv), exampleEnv.PATH].join(delimiter),
	UV_PYTHON_DOWNLOADS: 'never',
	UV_NO_PROGRESS: '1',
	// The machine's certificate store, as curl and npm use: a private CA in front of PyPI works.
	UV_SYSTEM_CERTS: '1',
};
// pip (which installs uv) trusts the same store when nothing else is configured.
const systemCaBundle = '/etc/ssl/certs/ca-certificates.crt';
const pipEnv = process.env.PIP_CERT || !existsSync(systemCaBundle) ? pythonEnv : { ...pythonEnv, PIP_CERT: systemCaBundle };

interface Step {
	name: string;
	command: string;
	args: string[];
	cwd?: string;
	env?: NodeJS.ProcessEnv;
}

const steps: Step[] = [];
if (wants('check', 'site')) steps.push({ name: 'site: type check', command: 'astro', args: ['check'] });
if (wants('unit', 'site')) steps.push({ name: 'site: unit tests', command: 'vitest', args: ['run'] });
if (wants('build', 'site'))
	steps.push({ name: 'site: production build', command: 'astro', args: ['build'], env: { ...process.env, NODE_ENV: 'production' } });
if (wants('e2e', 'site')) steps.push({ name: 'site: browser tests', command: 'playwright', args: ['test'] });
const wantedExamples = examples.filter((example) => wants(example, 'examples'));
if (wantedExamples.some(isPython) && !uvOnPath && !existsSync(uv)) {
	steps.push({ name: 'tools: uv (pip, into node_modules/.cache)', command: 'python3', args: ['-m', 'venv', uvVenv] });
	steps.push({ name: 'tools: uv', command: join(uvVenv, 'bin', 'pip'), args: ['install', '--quiet', '--disable-pip-version-check', 'uv'], env: pipEnv });
}
for (const example of wantedExamples) {
	const cwd = join('examples', example);
	if (isPython(example)) {
		steps.push({ name: `${example}: install`, command: uv, args: ['sync', '--locked'], cwd, env: pythonEnv });
		steps.push({ name: `${example}: lint (ruff)`, command: uv, args: ['run', '--locked', 'ruff', 'check', '.'], cwd, env: pythonEnv });
		steps.push({ name: `${example}: style (black)`, command: uv, args: ['run', '--locked', 'black', '--check', '.'], cwd, env: pythonEnv });
		steps.push({ name: `${example}: tests`, command: uv, args: ['run', '--locked', 'pytest'], cwd, env: pythonEnv });
		continue;
	}
	steps.push({ name: `${example}: install`, command: 'npm', args: ['ci', '--no-audit', '--no-fund'], cwd, env: exampleEnv });
	steps.push({ name: `${example}: tests`, command: 'npm', args: ['test'], cwd, env: exampleEnv });
}

// After the examples: it starts hono-service and fastapi-service from their installed folders.
if (wants('conformance', 'examples') && existsSync('conformance/package.json')) {
	steps.push({ name: 'conformance: install', command: 'npm', args: ['ci', '--no-audit', '--no-fund'], cwd: 'conformance', env: pythonEnv });
	steps.push({ name: 'conformance: tests', command: 'npm', args: ['test'], cwd: 'conformance', env: pythonEnv });
}
if (wants('parity', 'examples')) steps.push({ name: 'examples: WebContainer parity', command: 'node', args: ['scripts/webcontainer-parity.ts'] });
if (wants('next-forward', 'examples')) steps.push({ name: 'examples: Next.js 16 forward check', command: 'node', args: ['scripts/next-forward.ts'], env: exampleEnv });

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
	console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(' ')}${step.cwd ? `  (in ${step.cwd})` : ''}`);
	const started = performance.now();
	const run = spawnSync(step.command, step.args, { stdio: 'inherit', cwd: step.cwd, env: step.env ?? process.env });
	const ok = run.status === 0;
	results.push({ name: step.name, ok, seconds: (performance.now() - started) / 1000 });
	if (!ok) break; // later steps depend on earlier ones (the browser tests need the build)
}

console.log('\nSummary');
for (const result of results) console.log(`  ${result.ok ? '✓' : '✗'} ${result.name} (${result.seconds.toFixed(1)} s)`);
for (const step of steps.slice(results.length)) console.log(`  - ${step.name} (not run)`);
const failed = results.filter((result) => !result.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed + steps.length - results.length} failed`);
process.exit(failed === 0 && results.length === steps.length ? 0 : 1);
