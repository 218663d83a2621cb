import { describe, expect, it } from 'vitest';
import { answer, back, parseQuery, toQuery, view, walk } from './engine.ts';
import { decisionRecord } from './record.ts';
import { parseDecisionTree } from './schema.ts';
import { smallTree } from './fixtures.ts';

const tree = parseDecisionTree(smallTree, 'small.yaml');

describe('walk', () => {
	it('stops at the first unanswered question', () => {
		expect(walk(tree, {}).current?.id).toBe('first');
		expect(walk(tree, { first: 'yes' }).current?.id).toBe('second');
	});

	it('routes on the facts set by earlier answers', () => {
		expect(walk(tree, { first: 'no' }).outcome?.id).toBe('stay');
		const path = walk(tree, { first: 'yes', second: 'a' });
		expect(path.outcome?.id).toBe('go-a');
		expect([...path.facts]).toEqual(['reason']);
		expect(path.steps.map((step) => step.because)).toEqual(['You said yes.', undefined]);
	});
});

describe('view', () => {
	it('counts steps on the longest path still possible', () => {
		expect(view(tree, { answers: {}, result: false })).toMatchObject({ kind: 'question', step: 1, of: 2 });
		expect(view(tree, { answers: { first: 'yes' }, result: false })).toMatchObject({ step: 2, of: 2 });
	});

	it('asks to check the answers before showing the outcome', () => {
		expect(view(tree, { answers: { first: 'no' }, result: false }).kind).toBe('check');
		expect(view(tree, { answers: { first: 'no' }, result: true }).kind).toBe('outcome');
	});

	it('adds an addon only to its outcomes and only when its fact is set', () => {
		const outcome = view(tree, { answers: { first: 'yes', second: 'a' }, result: true });
		expect(outcome.kind === 'outcome' && outcome.addons.map((addon) => addon.id)).toEqual(['extra']);
		const other = view(tree, { answers: { first: 'yes', second: 'b' }, result: true });
		expect(other.kind === 'outcome' && other.addons).toEqual([]);
	});

	it('shows a changed question with its answer selected', () => {
		expect(view(tree, { answers: { first: 'yes', second: 'a' }, change: 'first', result: false })).toMatchObject({
			kind: 'question',
			selected: 'yes',
			step: 1,
		});
	});
});

describe('answer and back', () => {
	it('keeps the other answers when one is changed, and returns to the check page', () => {
		const changed = answer(tree, { answers: { first: 'yes', second: 'a' }, change: 'first', result: false }, 'first', 'yes');
		expect(changed).toEqual({ answers: { first: 'yes', second: 'a' }, result: false });
		expect(view(tree, changed).kind).toBe('check');
	});

	it('drops answers that no longer fit the path', () => {
		expect(answer(tree, { answers: { first: 'yes', second: 'a' }, result: false }, 'first', 'no').answers).toEqual({ first: 'no' });
	});

	it('goes back from the outcome to the check page, then question by question', () => {
		const answers = { first: 'yes', second: 'a' };
		expect(back(tree, { answers, result: true })).toEqual({ answers, result: false });
		expect(back(tree, { answers, result: false })).toEqual({ answers, change: 'second', result: false });
		expect(back(tree, { answers, change: 'second', result: false })).toEqual({ answers, change: 'first', result: false });
		expect(back(tree, { answers, change: 'first', result: false })).toBeUndefined();
	});
});

describe('URL state', () => {
	it('round-trips through the query string in the order asked', () => {
		const state = { answers: { second: 'a', first: 'yes' }, result: true };
		expect(toQuery(tree, state)).toBe('?first=yes&second=a&result=yes');
		expect(parseQuery(tree, '?first=yes&second=a&result=yes')).toEqual({ state, notice: undefined });
		expect(parseQuery(tree, '?first=yes&second=a&change=first').state.change).toBe('first');
	});

	it('drops an unknown question or option with a notice, resuming at the first unanswered question', () => {
		const unknownOption = parseQuery(tree, '?first=yes&second=zzz&result=yes');
		expect(unknownOption.notice).toMatch(/no longer fit/);
		expect(view(tree, unknownOption.state)).toMatchObject({ kind: 'question', question: { id: 'second' } });
		expect(parseQuery(tree, '?nope=1&first=no').notice).toMatch(/no longer fit/);
	});

	it('drops answers off the path, and a change of a question not answered', () => {
		expect(parseQuery(tree, '?first=no&second=a')).toMatchObject({ state: { answers: { first: 'no' } }, notice: expect.any(String) });
		const unanswered = parseQuery(tree, '?first=yes&change=second');
		expect(unanswered.state.change).toBeUndefined();
		expect(unanswered.notice).toMatch(/no longer fit/);
	});

	it('never throws on garbage', () => {
		for (const search of ['?%E0%A4%A', '?=&&=', '?result', '?first=yes&first=no', '?change=change']) {
			expect(() => view(tree, parseQuery(tree, search).state)).not.toThrow();
		}
		expect(parseQuery(tree, '').notice).toBeUndefined();
	});
});

describe('decisionRecord', () => {
	it('writes the answers, the decision, the reasons, the rules and absolute links', () => {
		const result = view(tree, { answers: { first: 'yes', second: 'a' }, result: true });
		if (result.kind !== 'outcome') throw new Error('expected an outcome');
		const adr = decisionRecord(tree, result.walk, result.outcome, result.addons, {
			url: 'https://handbook.test/decisions/small/?first=yes&second=a&result=yes',
			origin: 'https://handbook.test',
			date: '2026-11-20',
		});
		expect(adr).toContain('# ADR: Go A, and add extra');
		expect(adr).toContain('- First? **Yes**');
		expect(adr).toContain('- Second? **A**');
		expect(adr).toContain('- You said yes.');
		expect(adr).toContain('- [ ] Do A things. ([playbook](https://handbook.test/playbooks/backend-api/#service-shape))');
		expect(adr).toContain('- Date: 2026-11-20');
		expect(adr).toMatch(/## Consequences\n\n- A costs something\./);
	});
});
