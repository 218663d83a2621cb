import { describe, expect, it } from 'vitest';
import { parseDecisionTree } from './schema.ts';
import { smallTree } from './fixtures.ts';

const file = 'content/decision-trees/small.yaml';
const parseWith = (from: string, to: string) => () => parseDecisionTree(smallTree.replace(from, to), file);

describe('parseDecisionTree', () => {
	it('accepts a valid tree', () => {
		const tree = parseDecisionTree(smallTree, file);
		expect(tree.questions.map((question) => question.id)).toEqual(['first', 'second']);
		expect(tree.outcomes[0].sections).toEqual([]);
	});

	it('names the file, node and option of a target that does not exist', () => {
		expect(parseWith('next: go-a', 'next: foo')).toThrow(
			'Decision tree content/decision-trees/small.yaml: node "second" option "a" points to unknown node "foo"',
		);
	});

	it('names the node and field of a schema error', () => {
		expect(parseWith('question: Second?', 'question: 42')).toThrow(/node "second" field "question"/);
		expect(parseWith("      - value: a\n", "      - value: A B\n")).toThrow(/node "second" option "A B" field "value": use lowercase/);
	});

	it('refuses a question with one option', () => {
		expect(parseWith("      - value: b\n        label: B\n        next: go-b\n", '')).toThrow(/node "second" field "options".*at least two options/);
	});

	it('refuses a cycle, naming a node on it', () => {
		expect(parseWith('next: go-b', 'next: first')).toThrow(/node "first" is part of a cycle/);
	});

	it('refuses an option with nowhere to go', () => {
		const tree = smallTree.replace(/    next:\n      - when: \[reason\]\n        goto: second\n      - goto: stay\n/, '');
		expect(() => parseDecisionTree(tree, file)).toThrow(/node "first" option "yes" has no "next"/);
	});

	it('refuses a route on a fact no option sets, and a fallback that is not last', () => {
		expect(parseWith('when: [reason]\n        goto: second', 'when: [typo]\n        goto: second')).toThrow(
			/node "first" option "yes" routes on fact "typo" that no option sets/,
		);
		expect(parseWith('      - when: [reason]\n        goto: second\n      - goto: stay', '      - goto: second\n      - when: [reason]\n        goto: stay')).toThrow(
			/route without "when" before its last route/,
		);
	});

	it('refuses duplicate ids, reserved ids, unknown addon outcomes and unreachable nodes', () => {
		expect(parseWith('id: go-b', 'id: go-a')).toThrow(/node "go-a" is defined twice/);
		expect(parseWith('id: second', 'id: result').bind(null)).toThrow(/reserved id|unknown node "second"/);
		expect(parseWith('outcomes: [go-a]', 'outcomes: [nope]')).toThrow(/addon "extra" names unknown outcome "nope"/);
		expect(parseWith('        next: go-b\n', '        next: go-a\n')).toThrow(/outcome "go-b" is not reachable/);
	});

	it('reports YAML syntax errors with the file name', () => {
		expect(() => parseDecisionTree('id: [unclosed', file)).toThrow(/small\.yaml: is not valid YAML/);
	});

	it('refuses unknown fields, so a typo in a key does not pass silently', () => {
		expect(parseWith('    summary: Stay put.', '    sumary: Stay put.')).toThrow(/node "stay"/);
	});
});
