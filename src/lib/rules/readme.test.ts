import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindsOf, loadRules } from './load.ts';
import { codeSpans } from './format.ts';
import { README_BEGIN, README_END, readmeRulesBlock, replaceReadmeRulesBlock } from './readme.ts';
import { parseRules } from './schema.ts';

describe('readmeRulesBlock', () => {
	const rules = parseRules(
		[
			'playbook: Test',
			'page: /playbooks/test/',
			'source: t.txt',
			'sections: [{ id: auth, title: Auth, heading: auth }]',
			'rules:',
			"  - { id: jwt, section: auth, text: 'Short-lived JWT | JWKS.', carriedOutBy: [{ example: svc, does: Verifies tokens., partly: No mTLS., code: [{ file: examples/svc/src/auth.ts, region: verify }], proofs: [{ test: examples/svc/test/auth.test.ts, title: 'authentication › rejects an expired token' }, { step: 'svc: tests' }] }] }",
			"  - { id: keys, section: auth, text: API keys., carriedOutBy: [{ example: other, does: Keys., code: [{ file: examples/other/k.ts }], proofs: [{ step: 'other: tests' }] }] }",
			'  - { id: mtls, section: auth, text: mTLS., notCarriedOut: Needs a private network. }',
		].join('\n'),
		'content/rules/test.yaml',
	);
	const kinds = new Map([
		['svc', 'node' as const],
		['other', 'node' as const],
	]);

	it('writes one row per rule the example carries out, paths from its folder, pipes escaped, and what it leaves out', () => {
		const block = readmeRulesBlock('test', rules, 'svc', kinds);
		expect(block).toContain(
			'| Auth | Short-lived JWT \\| JWKS. | Verifies tokens. **Not covered:** No mTLS. | `src/auth.ts (#region verify)` | `test/auth.test.ts` › authentication › rejects an expired token<br>the `svc: tests` step |',
		);
		expect(block).toContain('This example carries out 1 of the 3 rules');
		expect(block).toContain('- API keys. — Carried out by other.');
		expect(block).toContain('- mTLS. — Needs a private network.');
		expect(block.startsWith(`${README_BEGIN}test.yaml`)).toBe(true);
		expect(block.endsWith(README_END)).toBe(true);
	});

	it('replaces only what is between the markers, and leaves a README without them alone', () => {
		const readme = `# svc\n\nBefore.\n\n${README_BEGIN}test.yaml -->\nold\n${README_END}\n\nAfter.\n`;
		expect(replaceReadmeRulesBlock(readme, 'NEW')).toBe('# svc\n\nBefore.\n\nNEW\n\nAfter.\n');
		expect(replaceReadmeRulesBlock('# no markers', 'NEW')).toBeUndefined();
	});
});

describe('example READMEs', () => {
	// The two services keep their rule tables in the generated block, no hand-kept copy.
	it.each(['hono-service', 'fastapi-service'])('%s README has the rules table the rules file generates (npm run rules:readme)', (example) => {
		const readme = readFileSync(join('examples', example, 'README.md'), 'utf8');
		const block = readmeRulesBlock('backend-api', loadRules('backend-api'), example, kindsOf());
		expect(readme, 'run npm run rules:readme').toContain(block);
	});
});

describe('codeSpans', () => {
	it('splits prose into text and `code` spans, keeping every character', () => {
		expect(codeSpans('Verifies `exp` and `nbf`.')).toEqual([
			{ text: 'Verifies ', code: false },
			{ text: 'exp', code: true },
			{ text: ' and ', code: false },
			{ text: 'nbf', code: true },
			{ text: '.', code: false },
		]);
		expect(codeSpans('an unmatched ` stays text')).toEqual([{ text: 'an unmatched ` stays text', code: false }]);
	});
});
