import { describe, expect, it } from 'vitest';
import { parseRules } from './schema.ts';

const file = 'content/rules/test.yaml';
const head = ['playbook: Test', 'page: /playbooks/test/', 'source: test.txt', 'sections: [{ id: auth, title: Auth, heading: auth }]', 'rules:'];
const parse = (...rules: string[]) => () => parseRules([...head, ...rules].join('\n'), file);

describe('parseRules', () => {
	it('accepts a rule carried out by an example, a decision, and a rule no example carries out', () => {
		const rules = parseRules(
			[
				...head,
				"  - { id: a, section: auth, text: A., carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [{ step: 'svc: tests' }] }] }",
				"  - { id: b, section: auth, text: B., appliedBy: { tree: split, does: D., proofs: [{ test: src/x.test.ts, title: t }] } }",
				'  - { id: c, section: auth, text: C., notCarriedOut: Needs a private network. }',
			].join('\n'),
			file,
		);
		expect(rules.rules.map((rule) => rule.id)).toEqual(['a', 'b', 'c']);
	});

	it('refuses a rule that says neither who carries it out nor why nobody does', () => {
		expect(parse('  - { id: a, section: auth, text: A. }')).toThrow('Rules content/rules/test.yaml: rule "a" says neither who carries it out');
	});

	it('refuses an implementation without a proof, naming the rule and the field', () => {
		expect(parse('  - { id: a, section: auth, text: A., carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [] }] }')).toThrow(
			/rule "a" field "carriedOutBy\.0\.proofs": a rule an example carries out names at least one test that proves it/,
		);
	});

	it('refuses unknown sections, duplicate ids, unknown fields and paths outside the repository', () => {
		expect(parse('  - { id: a, section: nope, text: A., notCarriedOut: x }')).toThrow('rule "a" is in unknown section "nope"');
		expect(parse('  - { id: a, section: auth, text: A., notCarriedOut: x }', '  - { id: a, section: auth, text: B., notCarriedOut: x }')).toThrow('rule "a" is defined twice');
		expect(parse('  - { id: a, section: auth, text: A., notCarriedOut: x, note: y }')).toThrow(/rule "a"/);
		expect(parse("  - { id: a, section: auth, text: A., carriedOutBy: [{ example: svc, does: D., code: [{ file: ../etc/passwd }], proofs: [{ step: 's' }] }] }")).toThrow(/repository root/);
	});

	it('refuses "notCarriedOut" beside implementations that carry out the whole rule', () => {
		expect(parse("  - { id: a, section: auth, text: A., notCarriedOut: x, carriedOutBy: [{ example: svc, does: D., code: [{ file: examples/svc/a.ts }], proofs: [{ step: 's' }] }] }")).toThrow(
			/carried out in full/,
		);
	});

	it('reports YAML syntax errors with the file name', () => {
		expect(() => parseRules('rules: [', file)).toThrow(/^Rules content\/rules\/test\.yaml: is not valid YAML/);
	});
});
