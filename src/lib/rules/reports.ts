/**
 * Reads the test runners' own machine-readable reports into one list of results, and checks every
 * proof a rules file names against it: `npm test` fails when a named test did not run or did not
 * pass (scripts/check-proofs.ts). Pure: the caller reads the files.
 *
 * - Vitest: its `json` reporter (`assertionResults` with `ancestorTitles`);
 * - pytest: `--junitxml` with `junit_family=xunit1` (each `<testcase>` carries its `file`);
 * - Playwright: its `json` reporter (nested `suites` and `specs`);
 * - node:test: its `junit` reporter (nested `<testsuite>` per `describe`, absolute `file`).
 */
import { XMLParser } from 'fast-xml-parser';
import { isTestProof, TITLE_SEPARATOR, type Proof, type RulesFile } from './schema.ts';

export type Status = 'passed' | 'failed' | 'skipped';

/** One test as a runner reported it: its file from the repository root and its full title. */
export interface TestResult {
	file: string;
	title: string;
	status: Status;
}

const join = (...parts: string[]) => parts.filter(Boolean).join('/').replace(/\/{2,}/g, '/');

/** Vitest's JSON report; `base` is the runner's folder from the repository root ('' for the root). */
export function fromVitest(report: unknown, base: string, absoluteBase: string): TestResult[] {
	const files = (report as { testResults?: { name: string; assertionResults?: { ancestorTitles: string[]; title: string; status: string }[] }[] }).testResults;
	if (!Array.isArray(files)) throw new Error('not a Vitest JSON report (no testResults)');
	const prefix = absoluteBase.replace(/\/$/, '') + '/';
	return files.flatMap((file) => {
		const relative = file.name.startsWith(prefix) ? file.name.slice(prefix.length) : file.name;
		return (file.assertionResults ?? []).map((test) => ({
			file: join(base, relative),
			title: [...test.ancestorTitles, test.title].join(TITLE_SEPARATOR),
			status: test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped',
		}));
	});
}

/**
 * pytest's JUnit XML (xunit1); `base` is the project's folder from the repository root. A
 * parametrized test keeps its parameters (`test_x[postgresql]`): a proof may name one of them.
 */
export function fromPytestJUnit(xml: string, base: string): TestResult[] {
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
	const document = parser.parse(xml) as { testsuites?: { testsuite?: Suite[] }; testsuite?: Suite[] };
	const suites = document.testsuites?.testsuite ?? document.testsuite;
	if (!Array.isArray(suites)) throw new Error('not a JUnit XML report (no testsuite)');
	type Case = { classname: string; name: string; file?: string; skipped?: unknown; failure?: unknown; error?: unknown };
	type Suite = { testcase?: Case[] };
	return suites.flatMap((suite) =>
		(suite.testcase ?? []).map((test) => {
			if (!test.file) throw new Error('the JUnit report has no "file" on its test cases: run pytest with -o junit_family=xunit1');
			const module = test.file.replace(/\.py$/, '').replace(/\//g, '.');
			const testClass = test.classname.startsWith(`${module}.`) ? test.classname.slice(module.length + 1) : '';
			const name = test.name;
			const status: Status = test.failure !== undefined || test.error !== undefined ? 'failed' : test.skipped !== undefined ? 'skipped' : 'passed';
			return { file: join(base, test.file), title: testClass ? `${testClass}${TITLE_SEPARATOR}${name}` : name, status };
		}),
	);
}

/** node:test's JUnit report (`--test-reporter=junit`); files are absolute, made relative to `root`. */
export function fromNodeTestJUnit(xml: string, root: string): TestResult[] {
	type Case = { name: string; file?: string; skipped?: unknown; failure?: unknown; error?: unknown };
	type Suite = { name: string; testcase?: Case[]; testsuite?: Suite[] };
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
	const document = parser.parse(xml) as { testsuites?: Suite };
	if (!document.testsuites) throw new Error('not a node:test JUnit report (no testsuites)');
	const prefix = root.replace(/\/$/, '') + '/';
	const results: TestResult[] = [];
	const visit = (suite: Suite, titles: string[]) => {
		for (const test of suite.testcase ?? []) {
			const file = (test.file ?? '').startsWith(prefix) ? test.file!.slice(prefix.length) : (test.file ?? '');
			const status: Status = test.failure !== undefined || test.error !== undefined ? 'failed' : test.skipped !== undefined ? 'skipped' : 'passed';
			results.push({ file, title: [...titles, test.name].join(TITLE_SEPARATOR), status });
		}
		for (const child of suite.testsuite ?? []) visit(child, [...titles, child.name]);
	};
	visit(document.testsuites, []);
	return results;
}

/** Playwright's JSON report; `base` is its `testDir` from the repository root. */
export function fromPlaywright(report: unknown, base: string): TestResult[] {
	type Spec = { title: string; file: string; tests: { status: string }[] };
	type Suite = { title: string; file: string; specs?: Spec[]; suites?: Suite[] };
	const top = (report as { suites?: Suite[] }).suites;
	if (!Array.isArray(top)) throw new Error('not a Playwright JSON report (no suites)');
	const results: TestResult[] = [];
	const visit = (suite: Suite, titles: string[]) => {
		for (const spec of suite.specs ?? []) {
			for (const test of spec.tests) {
				const status: Status = test.status === 'skipped' ? 'skipped' : test.status === 'expected' || test.status === 'flaky' ? 'passed' : 'failed';
				results.push({ file: join(base, spec.file), title: [...titles, spec.title].join(TITLE_SEPARATOR), status });
			}
		}
		for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
	};
	// The top-level suites are files: their title is the file name, not part of a test's title.
	for (const file of top) visit(file, []);
	return results;
}

/** `test_x[postgresql]` → `test_x`: pytest's parametrization ids, which the source does not declare. */
export const withoutParameters = (title: string) => title.replace(/\[[^\]]*\]$/, '');

/** What a run says about one proof. */
export type ProofOutcome = 'passed' | 'failed' | 'skipped' | 'missing' | 'not run';

export interface ProofCheck {
	rule: string;
	/** The example, or the decision tree, the proof is listed under. */
	by: string;
	proof: string;
	outcome: ProofOutcome;
}

/** The runner a test file belongs to: an example's folder, `e2e`, `conformance`, or `site`. */
export function suiteOf(file: string): string {
	const example = /^examples\/[^/]+/.exec(file)?.[0];
	if (example) return example;
	if (file.startsWith('e2e/')) return 'e2e';
	if (file.startsWith('conformance/')) return 'conformance';
	return 'site';
}

export interface RunRecord {
	results: TestResult[];
	/** Suites whose report was read (a suite not here did not run in this run). */
	suites: Set<string>;
	/** `npm test` steps and whether each passed; absent: not run. */
	steps: Map<string, boolean>;
}

/** The outcome of one proof in a run. */
export function proofOutcome(proof: Proof, run: RunRecord): ProofOutcome {
	if (!isTestProof(proof)) {
		const step = run.steps.get(proof.step);
		return step === undefined ? 'not run' : step ? 'passed' : 'failed';
	}
	if (!run.suites.has(suiteOf(proof.test))) return 'not run';
	// A proof without parameters stands for every parametrization of its test (`test_x[sqlite]`, `test_x[postgresql]`).
	const matches = run.results.filter((result) => result.file === proof.test && (result.title === proof.title || withoutParameters(result.title) === proof.title));
	if (matches.length === 0) return 'missing';
	if (matches.some((result) => result.status === 'failed')) return 'failed';
	return matches.some((result) => result.status === 'passed') ? 'passed' : 'skipped';
}

/** Every proof of a rules file, with its outcome in `run`. */
export function checkProofs(rules: RulesFile, run: RunRecord): ProofCheck[] {
	const describe = (proof: Proof) => (isTestProof(proof) ? `${proof.test} › ${proof.title}` : `npm test step "${proof.step}"`);
	return rules.rules.flatMap((rule) => [
		...rule.carriedOutBy.flatMap((implementation) =>
			implementation.proofs.map((proof) => ({ rule: rule.id, by: implementation.example, proof: describe(proof), outcome: proofOutcome(proof, run) })),
		),
		...(rule.appliedBy?.proofs ?? []).map((proof) => ({ rule: rule.id, by: `decision tree ${rule.appliedBy!.tree}`, proof: describe(proof), outcome: proofOutcome(proof, run) })),
	]);
}

/**
 * The outcomes that fail `npm test`: a proof that failed or is missing from a suite that ran;
 * with `strict` (CI, where every service is there) a skipped proof too.
 */
export function failingOutcomes(strict: boolean): ProofOutcome[] {
	return strict ? ['failed', 'missing', 'skipped'] : ['failed', 'missing'];
}
