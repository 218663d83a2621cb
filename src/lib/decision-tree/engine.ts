/**
 * The decision-tree engine: walks a validated tree with a set of answers, and keeps the
 * widget's whole state in the URL query string so any step can be shared, bookmarked and
 * reloaded. Pure functions over plain data: the browser widget and the unit tests share it.
 * (Types only from ./schema.ts, so Zod never reaches the browser bundle.)
 */
import type { Addon, DecisionTree, Next, Option, Outcome, Question } from './schema.ts';

export type Answers = Record<string, string>;

/** Everything the widget shows is derived from this, and it round-trips through the URL. */
export interface State {
	answers: Answers;
	/** A question already answered that the reader chose to change. */
	change?: string;
	/** The reader confirmed their answers and asked for the recommendation. */
	result: boolean;
}

export interface Step {
	question: Question;
	option: Option;
	/** Why this answer matters, quoted back in the outcome (option or route `because`). */
	because?: string;
}

export interface Walk {
	steps: Step[];
	facts: Set<string>;
	/** The first question on the path still unanswered, if any. */
	current?: Question;
	outcome?: Outcome;
}

export type View =
	| { kind: 'question'; question: Question; selected?: string; step: number; of: number }
	| { kind: 'check'; walk: Walk }
	| { kind: 'outcome'; walk: Walk; outcome: Outcome; addons: Addon[] };

const questionById = (tree: DecisionTree, id: string) => tree.questions.find((question) => question.id === id);

/** The route a `next` takes given the facts set so far: the first whose `when` matches. */
export function resolveNext(next: Next, facts: Set<string>): { goto: string; because?: string } {
	if (typeof next === 'string') return { goto: next };
	return next.find((route) => !route.when || route.when.some((fact) => facts.has(fact))) ?? next[next.length - 1];
}

/** Follows the answers from the start until an outcome or the first unanswered question. */
export function walk(tree: DecisionTree, answers: Answers): Walk {
	const steps: Step[] = [];
	const facts = new Set<string>();
	let id = tree.start;
	// The validator refuses cycles; the bound keeps a hand-made tree in a test from hanging.
	for (let guard = 0; guard <= tree.questions.length; guard++) {
		const question = questionById(tree, id);
		if (!question) return { steps, facts, outcome: tree.outcomes.find((outcome) => outcome.id === id) };
		const option = question.options.find((candidate) => candidate.value === answers[id]);
		if (!option) return { steps, facts, current: question };
		for (const fact of option.set ?? []) facts.add(fact);
		const route = resolveNext((option.next ?? question.next) as Next, facts);
		steps.push({ question, option, because: option.because ?? route.because });
		id = route.goto;
	}
	throw new Error(`Decision tree ${tree.id}: the walk did not end (cycle at "${id}")`);
}

/** The most questions still to answer from `id` on, over every possible answer. */
export function remaining(tree: DecisionTree, id: string, facts: Set<string>): number {
	const question = questionById(tree, id);
	if (!question) return 0;
	let most = 0;
	for (const option of question.options) {
		const next = new Set([...facts, ...(option.set ?? [])]);
		most = Math.max(most, remaining(tree, resolveNext((option.next ?? question.next) as Next, next).goto, next));
	}
	return 1 + most;
}

/** The question ids reachable from `id`, whatever the answers. */
function reachable(tree: DecisionTree, id: string, found = new Set<string>()): Set<string> {
	const question = questionById(tree, id);
	if (!question || found.has(id)) return found;
	found.add(id);
	for (const option of question.options) {
		const next = option.next ?? question.next;
		for (const target of typeof next === 'string' ? [next] : (next ?? []).map((route) => route.goto)) reachable(tree, target, found);
	}
	return found;
}

/**
 * Keeps only the answers that still fit: those on the path, and those to questions that may
 * still come after the first unanswered one. Returns the kept answers and whether any went.
 */
export function pruneAnswers(tree: DecisionTree, answers: Answers): { answers: Answers; dropped: boolean } {
	const path = walk(tree, answers);
	const keep = new Set(path.steps.map((step) => step.question.id));
	if (path.current) for (const id of reachable(tree, path.current.id)) keep.add(id);
	const kept: Answers = {};
	for (const [id, value] of Object.entries(answers)) if (keep.has(id)) kept[id] = value;
	return { answers: kept, dropped: Object.keys(kept).length !== Object.keys(answers).length };
}

/**
 * Reads the state from a query string. Never throws: unknown questions, unknown options and
 * answers that no longer fit are dropped and reported in `notice`, and the reader resumes at
 * the first question that is left unanswered.
 *
 * @example
 * parseQuery(tree, '?duration=long&background=maybe') // background dropped, notice set
 */
export function parseQuery(tree: DecisionTree, search: string): { state: State; notice?: string } {
	const params = new URLSearchParams(search);
	const answers: Answers = {};
	let stale = false;
	for (const [key, value] of params) {
		if (key === 'change' || key === 'result') continue;
		const question = questionById(tree, key);
		if (question && question.options.some((option) => option.value === value)) answers[key] = value;
		else stale = true;
	}
	const pruned = pruneAnswers(tree, answers);
	const state: State = { answers: pruned.answers, result: params.has('result') };
	const path = walk(tree, state.answers);
	const change = params.get('change');
	if (change !== null) {
		if (path.steps.some((step) => step.question.id === change)) state.change = change;
		else stale = true;
	}
	if (state.result && path.current) {
		state.result = false;
		stale = stale || Object.keys(answers).length > 0;
	}
	const notice = stale || pruned.dropped ? 'Some answers in this link no longer fit the questions, so they were left out. Please answer the question below.' : undefined;
	return { state, notice };
}

/** Writes the state as a query string, answers in the order they were asked. */
export function toQuery(tree: DecisionTree, state: State): string {
	const params = new URLSearchParams();
	const path = walk(tree, state.answers);
	const onPath = new Set(path.steps.map((step) => step.question.id));
	for (const step of path.steps) params.set(step.question.id, step.option.value);
	for (const [id, value] of Object.entries(state.answers)) if (!onPath.has(id)) params.set(id, value);
	if (state.change) params.set('change', state.change);
	if (state.result && !path.current) params.set('result', 'yes');
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** What to show for a state: a question (with "Step n of N"), the answers to check, or the outcome. */
export function view(tree: DecisionTree, state: State): View {
	const path = walk(tree, state.answers);
	const index = state.change ? path.steps.findIndex((step) => step.question.id === state.change) : -1;
	if (index >= 0 || path.current) {
		const at = index >= 0 ? index : path.steps.length;
		const question = index >= 0 ? path.steps[index].question : (path.current as Question);
		const facts = new Set(path.steps.slice(0, at).flatMap((step) => step.option.set ?? []));
		return { kind: 'question', question, selected: state.answers[question.id], step: at + 1, of: at + remaining(tree, question.id, facts) };
	}
	if (!state.result || !path.outcome) return { kind: 'check', walk: path };
	const outcome = path.outcome;
	const addons = tree.addons.filter((addon) => addon.outcomes.includes(outcome.id) && addon.when.some((fact) => path.facts.has(fact)));
	return { kind: 'outcome', walk: path, outcome, addons };
}

/** The state after answering `id` with `value`: on to the next unanswered question, or the check page. */
export function answer(tree: DecisionTree, state: State, id: string, value: string): State {
	return { answers: pruneAnswers(tree, { ...state.answers, [id]: value }).answers, result: false };
}

/** The state one step back: the previous question with its answer, or the check page from the outcome. */
export function back(tree: DecisionTree, state: State): State | undefined {
	const path = walk(tree, state.answers);
	if (state.result && !state.change) return { answers: state.answers, result: false };
	const index = state.change ? path.steps.findIndex((step) => step.question.id === state.change) : path.steps.length;
	return index > 0 ? { answers: state.answers, change: path.steps[index - 1].question.id, result: false } : undefined;
}
