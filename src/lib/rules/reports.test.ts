import { describe, expect, it } from 'vitest';
import { checkProofs, failingOutcomes, fromNodeTestJUnit, fromPlaywright, fromPytestJUnit, fromVitest, proofOutcome, suiteOf, type RunRecord } from './reports.ts';
import { parseRules } from './schema.ts';

const vitestReport = {
	testResults: [
		{
			name: '/repo/examples/svc/test/api.pglite.test.ts',
			assertionResults: [
				{ ancestorTitles: ['API on PGlite', 'authentication'], title: 'rejects an expired token', status: 'passed' },
				{ ancestorTitles: ['API on PGlite', 'authentication'], title: 'rejects a token without exp', status: 'failed' },
			],
		},
		{ name: '/repo/examples/svc/test/api.postgres.test.ts', assertionResults: [{ ancestorTitles: ['API on PostgreSQL'], title: 'needs DATABASE_URL', status: 'skipped' }] },
	],
};

// What pytest --junitxml -o junit_family=xunit1 writes (trimmed).
const junit = `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="4">
<testcase classname="tests.test_api.TestAuthentication" name="test_expired_token_is_401" file="tests/test_api.py" line="128" time="0.1" />
<testcase classname="tests.test_api.TestAuthentication" name="test_wrong_claim_is_401[aud-x]" file="tests/test_api.py" line="144" time="0.1" />
<testcase classname="tests.test_api.TestAuthentication" name="test_wrong_claim_is_401[iss-y]" file="tests/test_api.py" line="144" time="0.1"><failure message="assert 200 == 401">boom</failure></testcase>
<testcase classname="tests.test_process" name="test_drain &amp; exit" file="tests/test_process.py" line="1" time="0.1"><skipped type="pytest.skip" message="needs DATABASE_URL" /></testcase>
</testsuite></testsuites>`;

const playwrightReport = {
	config: { rootDir: '/repo/e2e' },
	suites: [
		{
			title: 'site.spec.ts',
			file: 'site.spec.ts',
			specs: [{ title: 'the sitemap lists the handbook pages', file: 'site.spec.ts', tests: [{ status: 'expected' }] }],
			suites: [{ title: 'search', file: 'site.spec.ts', specs: [{ title: 'finds Retry-After', file: 'site.spec.ts', tests: [{ status: 'unexpected' }] }] }],
		},
	],
};

describe('reading reports', () => {
	it('reads Vitest JSON: files from the repository root, titles joined with " › "', () => {
		expect(fromVitest(vitestReport, 'examples/svc', '/repo/examples/svc')).toEqual([
			{ file: 'examples/svc/test/api.pglite.test.ts', title: 'API on PGlite › authentication › rejects an expired token', status: 'passed' },
			{ file: 'examples/svc/test/api.pglite.test.ts', title: 'API on PGlite › authentication › rejects a token without exp', status: 'failed' },
			{ file: 'examples/svc/test/api.postgres.test.ts', title: 'API on PostgreSQL › needs DATABASE_URL', status: 'skipped' },
		]);
	});

	it('reads pytest JUnit XML: class › function with its parameters, skipped and failed told apart', () => {
		expect(fromPytestJUnit(junit, 'examples/py')).toEqual([
			{ file: 'examples/py/tests/test_api.py', title: 'TestAuthentication › test_expired_token_is_401', status: 'passed' },
			{ file: 'examples/py/tests/test_api.py', title: 'TestAuthentication › test_wrong_claim_is_401[aud-x]', status: 'passed' },
			{ file: 'examples/py/tests/test_api.py', title: 'TestAuthentication › test_wrong_claim_is_401[iss-y]', status: 'failed' },
			{ file: 'examples/py/tests/test_process.py', title: 'test_drain & exit', status: 'skipped' },
		]);
	});

	it('asks for xunit1 when the JUnit report has no files', () => {
		expect(() => fromPytestJUnit('<testsuites><testsuite><testcase classname="tests.test_a" name="test_x"/></testsuite></testsuites>', 'x')).toThrow(/junit_family=xunit1/);
	});

	it('reads Playwright JSON: describe blocks without the file, unexpected as failed', () => {
		expect(fromPlaywright(playwrightReport, 'e2e')).toEqual([
			{ file: 'e2e/site.spec.ts', title: 'the sitemap lists the handbook pages', status: 'passed' },
			{ file: 'e2e/site.spec.ts', title: 'search › finds Retry-After', status: 'failed' },
		]);
	});

	it('reads node:test JUnit XML: nested describe blocks, files from the repository root', () => {
		// What node --test-reporter=junit writes (trimmed).
		const xml = `<?xml version="1.0" encoding="utf-8"?><testsuites>
<testsuite name="group" tests="2" failures="0" skipped="1"><testcase name="works" classname="group" file="/repo/examples/app/src/a.test.ts"/>
<testsuite name="inner"><testcase name="deep" classname="inner" file="/repo/examples/app/src/a.test.ts"><failure message="boom"/></testcase></testsuite>
<testcase name="skipped" classname="group" file="/repo/examples/app/src/a.test.ts"><skipped type="skipped" message="true"/></testcase></testsuite>
<testcase name="top" classname="test" file="/repo/examples/app/src/b.test.ts"/></testsuites>`;
		expect(fromNodeTestJUnit(xml, '/repo')).toEqual([
			{ file: 'examples/app/src/b.test.ts', title: 'top', status: 'passed' },
			{ file: 'examples/app/src/a.test.ts', title: 'group › works', status: 'passed' },
			{ file: 'examples/app/src/a.test.ts', title: 'group › skipped', status: 'skipped' },
			{ file: 'examples/app/src/a.test.ts', title: 'group › inner › deep', status: 'failed' },
		]);
	});

	it('refuses a file that is not the report it claims to be', () => {
		expect(() => fromVitest({}, '', '/repo')).toThrow(/not a Vitest JSON report/);
		expect(() => fromPlaywright({}, 'e2e')).toThrow(/not a Playwright JSON report/);
		expect(() => fromPytestJUnit('<html/>', 'x')).toThrow(/not a JUnit XML report/);
	});
});

describe('checking proofs against a run', () => {
	const run: RunRecord = {
		results: [...fromVitest(vitestReport, 'examples/svc', '/repo/examples/svc'), ...fromPytestJUnit(junit, 'examples/py')],
		suites: new Set(['examples/svc', 'examples/py']),
		steps: new Map([
			['py: lint (ruff)', true],
			['py: style (black)', false],
		]),
	};
	const outcome = (test: string, title: string) => proofOutcome({ test, title }, run);

	it('passes a proof whose test passed, and fails one whose test failed in any of its runs', () => {
		expect(outcome('examples/svc/test/api.pglite.test.ts', 'API on PGlite › authentication › rejects an expired token')).toBe('passed');
		expect(outcome('examples/svc/test/api.pglite.test.ts', 'API on PGlite › authentication › rejects a token without exp')).toBe('failed');
		expect(outcome('examples/py/tests/test_api.py', 'TestAuthentication › test_wrong_claim_is_401')).toBe('failed');
	});

	it('lets a proof name one parametrization of a pytest test, or all of them', () => {
		expect(outcome('examples/py/tests/test_api.py', 'TestAuthentication › test_wrong_claim_is_401[aud-x]')).toBe('passed');
		expect(outcome('examples/py/tests/test_api.py', 'TestAuthentication › test_wrong_claim_is_401[iss-y]')).toBe('failed');
		expect(outcome('examples/py/tests/test_api.py', 'TestAuthentication › test_wrong_claim_is_401[nope]')).toBe('missing');
	});

	it('calls a test that its suite did not report missing, and a suite that did not run not run', () => {
		expect(outcome('examples/svc/test/api.pglite.test.ts', 'API on PGlite › authentication › renamed')).toBe('missing');
		expect(outcome('e2e/site.spec.ts', 'search › finds it')).toBe('not run');
	});

	it('tells a skipped proof apart, and fails it only in strict runs (CI)', () => {
		expect(outcome('examples/py/tests/test_process.py', 'test_drain & exit')).toBe('skipped');
		expect(failingOutcomes(false)).not.toContain('skipped');
		expect(failingOutcomes(true)).toContain('skipped');
	});

	it('reads step proofs from the steps that ran', () => {
		expect(proofOutcome({ step: 'py: lint (ruff)' }, run)).toBe('passed');
		expect(proofOutcome({ step: 'py: style (black)' }, run)).toBe('failed');
		expect(proofOutcome({ step: 'py: tests' }, run)).toBe('not run');
	});

	it('checks every proof of a rules file, naming the rule and the example', () => {
		const rules = parseRules(
			[
				'playbook: T',
				'page: /p/',
				'source: s',
				'sections: [{ id: s, title: S, heading: s }]',
				'rules:',
				"  - { id: jwt, section: s, text: J., carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [{ test: examples/svc/test/api.pglite.test.ts, title: 'API on PGlite › authentication › rejects a token without exp' }] }] }",
			].join('\n'),
			'content/rules/t.yaml',
		);
		expect(checkProofs(rules, run)).toEqual([
			{ rule: 'jwt', by: 'svc', proof: 'examples/svc/test/api.pglite.test.ts › API on PGlite › authentication › rejects a token without exp', outcome: 'failed' },
		]);
	});

	it('knows which runner reports a test file', () => {
		expect(['examples/svc/test/a.test.ts', 'e2e/site.spec.ts', 'conformance/src/run.ts', 'src/lib/x.test.ts', 'scripts/preview.test.ts'].map(suiteOf)).toEqual([
			'examples/svc',
			'e2e',
			'conformance',
			'site',
			'site',
		]);
	});
});
