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
 *   9. proofs: every test that content/rules/*.yaml names as a rule's proof ran and passed in
 *      this run (scripts/check-proofs.ts), read from the runners' reports in .test-reports/
 *
 * `npm test -- site` or `npm test -- examples` runs one half; `npm test -- hono-service`
 * runs one example, `npm test -- conformance`, `npm test -- parity` or `npm test -- next-forward`
 * one check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { exampleChecks, listExamples } from '../src/lib/example-project/checks.ts';

const only = process.argv.slice(2);
const wants = (name: string, group: 'site' | 'examples') =>
	only.length === 0 || only.includes(name) || only.includes(group);

// Examples get this Node (the project's, >= 22.18) but not the site's node_modules/.bin,
// so each example proves it is self-contained.
const pathWithoutSiteBin = (process.env.PATH ?? '')
	.split(delimiter)
	.filter((entry) => !entry.endsWith(join('node_modules', '.bin')));
const exampleEnv = { ...process.env, PATH: [dirname(process.execPath), ...pathWithoutSiteBin].join(delimiter) };

// The committed examples (git-tracked package.json or pyproject.toml), hono-service first: the
// OpenAPI client example starts it in its own tests.
const committed = new Map(listExamples().map((example) => [example.name, example]));
const exampleOrder = (name: string) => (name === 'hono-service' ? 0 : 1);
const examples = [...committed.keys()].sort((a, b) => exampleOrder(a) - exampleOrder(b) || a.localeCompare(b));

// Each runner writes its machine-readable report here; the last step reads them (check-proofs.ts).
const reports = resolve('.test-reports');
rmSync(reports, { recursive: true, force: true });
const reportsOf = (suite: string) => {
	const dir = join(reports, suite);
	mkdirSync(dir, { recursive: true });
	return dir;
};

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
if (wants('unit', 'site')) {
	steps.push({ name: 'site: unit tests', command: 'vitest', args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportsOf('site'), 'vitest.json')}`] });
}
if (wants('build', 'site'))
	steps.push({ name: 'site: production build', command: 'astro', args: ['build'], env: { ...process.env, NODE_ENV: 'production' } });
if (wants('e2e', 'site')) {
	const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: join(reportsOf('e2e'), 'playwright.json') };
	steps.push({ name: 'site: browser tests', command: 'playwright', args: ['test', '--reporter=list,json'], env });
}
const wantedExamples = examples.filter((example) => wants(example, 'examples'));
// uv runs the Python examples and hadolint (every Dockerfile).
const needsUv = wantedExamples.some((example) => exampleChecks(committed.get(example)!).some((check) => check.tool === 'uv'));
if (needsUv && !uvOnPath && !existsSync(uv)) {
	steps.push({ name: 'tools: uv (pip, into node_modules/.cache)', command: 'python3', args: ['-m', 'venv', uvVenv] });
	steps.push({ name: 'tools: uv', command: join(uvVenv, 'bin', 'pip'), args: ['install', '--quiet', '--disable-pip-version-check', 'uv'], env: pipEnv });
}
for (const example of wantedExamples) {
	const cwd = join('examples', example);
	const reportDir = reportsOf(`examples/${example}`);
	for (const check of exampleChecks(committed.get(example)!)) {
		const isTests = check.name === `${example}: tests`;
		if (check.tool === 'uv') {
			// pytest's JUnit report; xunit1 gives every test case its file.
			const args = isTests ? [...check.args, `--junitxml=${join(reportDir, 'pytest.xml')}`, '-o', 'junit_family=xunit1'] : check.args;
			steps.push({ name: check.name, command: uv, args, cwd, env: pythonEnv });
		} else {
			// A Node example's Vitest and Playwright configs write their reports into TEST_REPORTS_DIR;
			// node:test (`node --test`) takes its JUnit reporter from NODE_OPTIONS, beside its usual output.
			const nodeTest = `--test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination="${join(reportDir, 'node-test.xml')}"`;
			const env = { ...exampleEnv, TEST_REPORTS_DIR: reportDir, NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeTest].filter(Boolean).join(' ') };
			steps.push({ name: check.name, command: 'npm', args: check.args, cwd, env: isTests ? env : exampleEnv });
		}
	}
}

// After the examples: it starts hono-service and fastapi-service from their installed folders.
if (wants('conformance', 'examples') && existsSync('conformance/package.json')) {
	steps.push({ name: 'conformance: install', command: 'npm', args: ['ci', '--no-audit', '--no-fund'], cwd: 'conformance', env: pythonEnv });
	steps.push({ name: 'conformance: tests', command: 'npm', args: ['test'], cwd: 'conformance', env: pythonEnv });
}
if (wants('parity', 'examples')) steps.push({ name: 'examples: WebContainer parity', command: 'node', args: ['scripts/webcontainer-parity.ts'] });
if (wants('next-forward', 'examples')) steps.push({ name: 'examples: Next.js 16 forward check', command: 'node', args: ['scripts/next-forward.ts'], env: exampleEnv });
const proofsStep: Step = { name: 'proofs: every rule\'s named tests ran and passed', command: 'node', args: ['scripts/check-proofs.ts'] };
steps.push(proofsStep);

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
	// The proof check reads which steps passed (a rule may name a linter's step as its proof).
	if (step === proofsStep) writeFileSync(join(reports, 'steps.json'), JSON.stringify(Object.fromEntries(results.map((result) => [result.name, result.ok])), null, 2));
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
const notRun = steps.length - results.length;
if (notRun > 0) console.log(`${notRun} step${notRun === 1 ? '' : 's'} not run: npm test stops at the first failure (later steps need the earlier ones).`);
console.log(`steps: ${results.length - failed} passed, ${failed} failed${notRun > 0 ? `, ${notRun} skipped` : ''}`);
process.exit(failed === 0 && results.length === steps.length ? 0 : 1);
