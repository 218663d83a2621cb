/**
 * `npm test`'s last step: every test a rules file names as a proof (content/rules/*.yaml) must
 * have run and passed in this run. Reads the reports the runners wrote into `.test-reports/`
 * (scripts/test.ts sets them up) and prints one line per proof that is not proven.
 *
 *   node scripts/check-proofs.ts            # after npm test (or a part of it)
 *
 * A proof fails the run when its test failed, or when its suite ran and the test is not in the
 * report (renamed, filtered). A proof whose suite did not run in this run (`npm test -- site`) is
 * listed as not run. With CI set, a skipped proof (a service missing) fails the run too: CI has
 * every service, so a skipped proof there proves nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { listRulesFiles, loadRules } from '../src/lib/rules/load.ts';
import { checkProofs, failingOutcomes, fromNodeTestJUnit, fromPlaywright, fromPytestJUnit, fromVitest, type RunRecord, type TestResult } from '../src/lib/rules/reports.ts';

export const REPORTS_DIR = '.test-reports';

const root = process.cwd();
const dir = resolve(root, REPORTS_DIR);
const strict = Boolean(process.env.CI);

/** Reads every report under `.test-reports/` into one run record. */
function readRun(): RunRecord {
	const results: TestResult[] = [];
	const suites = new Set<string>();
	const read = (file: string, suite: string, base: string) => {
		const path = join(dir, file);
		if (!existsSync(path)) return;
		const text = readFileSync(path, 'utf8');
		try {
			if (file.endsWith('vitest.json')) results.push(...fromVitest(JSON.parse(text), base, resolve(root, base)));
			else if (file.endsWith('pytest.xml')) results.push(...fromPytestJUnit(text, base));
			else if (file.endsWith('node-test.xml')) results.push(...fromNodeTestJUnit(text, root));
			else if (file.endsWith('playwright.json')) {
				const report = JSON.parse(text) as { config?: { rootDir?: string } };
				const testDir = report.config?.rootDir ? relative(root, report.config.rootDir) : base;
				results.push(...fromPlaywright(report, testDir));
			}
		} catch (error) {
			throw new Error(`${REPORTS_DIR}/${file}: ${(error as Error).message}`);
		}
		suites.add(suite);
	};
	read('site/vitest.json', 'site', '');
	read('e2e/playwright.json', 'e2e', 'e2e');
	const examples = existsSync(join(dir, 'examples')) ? readdirSync(join(dir, 'examples')) : [];
	for (const example of examples) {
		for (const report of ['vitest.json', 'pytest.xml', 'playwright.json', 'node-test.xml']) read(`examples/${example}/${report}`, `examples/${example}`, `examples/${example}`);
	}
	const stepsFile = join(dir, 'steps.json');
	const steps = new Map<string, boolean>(existsSync(stepsFile) ? Object.entries(JSON.parse(readFileSync(stepsFile, 'utf8')) as Record<string, boolean>) : []);
	return { results, suites, steps };
}

const run = readRun();
const failing = failingOutcomes(strict);
let failed = 0;
let total = 0;
for (const name of listRulesFiles(root)) {
	const checks = checkProofs(loadRules(name, root), run);
	total += checks.length;
	const counts = new Map<string, number>();
	for (const check of checks) counts.set(check.outcome, (counts.get(check.outcome) ?? 0) + 1);
	console.log(`content/rules/${name}.yaml: ${checks.length} proofs: ${[...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ')}`);
	for (const check of checks.filter((entry) => entry.outcome !== 'passed')) {
		const fails = failing.includes(check.outcome);
		if (fails) failed += 1;
		console.log(`  ${fails ? '✗' : '-'} ${check.outcome}: rule "${check.rule}" (${check.by}): ${check.proof}`);
	}
}
if (run.suites.size === 0) console.log(`No test reports in ${REPORTS_DIR}/: run npm test (or a part of it) first.`);
if (failed > 0) {
	console.log(`\n${failed} of ${total} proofs not proven in this run: a rule the handbook says an example carries out names a test that failed, is missing${strict ? ' or was skipped' : ''}.`);
	process.exit(1);
}
