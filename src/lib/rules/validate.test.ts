import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRules } from './schema.ts';
import { validateRules } from './validate.ts';

/** A one-example repository: a route with a region, and a test file. */
const root = mkdtempSync(join(tmpdir(), 'rules-validate-'));
const write = (path: string, text: string) => {
	mkdirSync(join(root, path, '..'), { recursive: true });
	writeFileSync(join(root, path), text);
};
write('examples/svc/src/auth.ts', '// #region verify\nexport const verify = () => true;\n// #endregion\n');
write('examples/svc/test/auth.test.ts', "describe('authentication', () => { it('rejects an expired token', () => {}); });");
const examples = [{ name: 'svc', kind: 'node' as const, dockerfile: false }];

const rulesWith = (implementation: string) =>
	parseRules(
		[
			'playbook: Test',
			'page: /playbooks/test/',
			'source: test.txt',
			'sections: [{ id: auth, title: Auth, heading: auth }]',
			'rules:',
			'  - id: short-lived-jwt',
			'    section: auth',
			'    text: Short-lived JWT.',
			'    carriedOutBy:',
			implementation,
		].join('\n'),
		'content/rules/test.yaml',
	);
const proven = (proof: string, code = '{ file: examples/svc/src/auth.ts, region: verify }') =>
	rulesWith(`      - { example: svc, does: Verifies tokens., code: [${code}], proofs: [${proof}] }`);
const validate = (rules: ReturnType<typeof rulesWith>) => () => validateRules(rules, 'content/rules/test.yaml', { root, examples });

describe('validateRules', () => {
	it('accepts proofs whose files, regions, tests and steps exist', () => {
		expect(validate(proven("{ test: examples/svc/test/auth.test.ts, title: 'authentication › rejects an expired token' }, { step: 'svc: tests' }"))).not.toThrow();
	});

	it('fails naming the rule, the file and the closest title when a test title does not exist', () => {
		expect(validate(proven("{ test: examples/svc/test/auth.test.ts, title: 'authentication › rejects an old token' }"))).toThrow(
			'rule "short-lived-jwt" (svc): examples/svc/test/auth.test.ts has no test "authentication › rejects an old token" (describe blocks and test joined with " › "); closest: "authentication › rejects an expired token"',
		);
	});

	it('fails on a missing test file, code file or region, naming each', () => {
		expect(validate(proven("{ test: examples/svc/test/gone.test.ts, title: 'x' }"))).toThrow('test file examples/svc/test/gone.test.ts does not exist');
		expect(validate(proven("{ step: 'svc: tests' }", '{ file: examples/svc/src/gone.ts }'))).toThrow('file "examples/svc/src/gone.ts" not found');
		expect(validate(proven("{ step: 'svc: tests' }", '{ file: examples/svc/src/auth.ts, region: sign }'))).toThrow('region "sign" not found in examples/svc/src/auth.ts');
	});

	it('fails on an unknown example, code outside the example and a step npm test does not run', () => {
		expect(validate(rulesWith("      - { example: other, does: x, code: [{ file: examples/other/a.ts }], proofs: [{ step: 'other: tests' }] }"))).toThrow('there is no example "other"');
		expect(validate(proven("{ step: 'svc: tests' }", '{ file: src/lib/x.ts }'))).toThrow('code src/lib/x.ts is not in examples/svc/');
		expect(validate(proven("{ step: 'svc: lint (ruff)' }"))).toThrow('npm test has no step "svc: lint (ruff)" (this example\'s steps: svc: install, svc: tests)');
	});

	it('lists every problem at once', () => {
		const rules = proven("{ test: examples/svc/test/auth.test.ts, title: 'nope' }, { step: 'nope' }", '{ file: examples/svc/src/gone.ts }');
		expect(validate(rules)).toThrow(/3 proofs point at nothing/);
	});
});
