import { describe, expect, it } from 'vitest';
import { parseRules } from './schema.ts';
import { rulesOfExample } from './summary.ts';
import { exampleRulesIn, rulesToc } from './toc.ts';

describe('rulesToc', () => {
	const rules = parseRules(
		[
			'playbook: T',
			'page: /p/',
			'source: s',
			'sections: [{ id: auth, title: Auth, heading: auth }, { id: db, title: Database, heading: database }]',
			'rules:',
			"  - { id: jwt, section: auth, text: JWT., carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [{ step: s }] }] }",
			'  - { id: mtls, section: auth, text: mTLS., notCarriedOut: Network. }',
			"  - { id: shape, section: db, text: \"Structure:\\n  src/\", label: Structure, carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [{ step: s }] }] }",
		].join('\n'),
		'content/rules/t.yaml',
	);

	it('lists each section with its rules under it, by label, then the rules left out', () => {
		expect(rulesToc(rulesOfExample(rules, 'svc', new Map([['svc', 'node' as const]])))).toEqual([
			{ depth: 2, slug: 'auth', text: 'Auth', children: [{ depth: 3, slug: 'jwt', text: 'JWT.', children: [] }] },
			{ depth: 2, slug: 'db', text: 'Database', children: [{ depth: 3, slug: 'shape', text: 'Structure', children: [] }] },
			{ depth: 2, slug: 'not-carried-out', text: 'Rules it does not carry out', children: [] },
		]);
	});

	it('finds the example a page renders, and nothing on other pages', () => {
		expect(exampleRulesIn('Intro.\n\n<ExampleRules example="hono-service" />')).toEqual({ example: 'hono-service', rules: 'backend-api' });
		expect(exampleRulesIn('<Example name="hono-service" />')).toBeUndefined();
	});
});
