import { z } from 'astro/zod';
import { parseYamlData } from '../yaml-data.ts';

/**
 * The shape of a decision tree in `content/decision-trees/*.yaml`. The build reads each tree
 * through `parseDecisionTree`, which checks this schema and then the links between nodes, and
 * names the file and the node in every error.
 */

/** Ids and option values go into the URL query string: keep them short and readable. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');
const text = z.string().trim().min(1);
/** Site paths only (`/playbooks/backend-api/#database`): they are checked against the pages. */
const sitePath = z.string().regex(/^\/[^\s]*$/, 'use a site path starting with "/", such as /playbooks/backend-api/#database');

const routeSchema = z.strictObject({
	when: z.array(slug).min(1).optional(),
	goto: slug,
	because: text.optional(),
});
const nextSchema = z.union([slug, z.array(routeSchema).min(1)]);

const optionSchema = z.strictObject({
	value: slug,
	label: text,
	set: z.array(slug).optional(),
	because: text.optional(),
	next: nextSchema.optional(),
});

const questionSchema = z.strictObject({
	id: slug,
	question: text,
	hint: text.optional(),
	source: sitePath.optional(),
	options: z.array(optionSchema).min(2, 'a question needs at least two options'),
	next: nextSchema.optional(),
});

const linkSchema = z.strictObject({ label: text, href: sitePath });
const checklistItemSchema = z.strictObject({ text, href: sitePath.optional() });

const outcomeSchema = z.strictObject({
	id: slug,
	title: text,
	summary: text,
	/** The trade-offs the outcome accepts: the decision record's consequences. */
	costs: z.array(text).default([]),
	sections: z.array(linkSchema).default([]),
	checklist: z.array(checklistItemSchema).default([]),
	examples: z.array(linkSchema).default([]),
});

const addonSchema = z.strictObject({
	id: slug,
	title: text,
	summary: text,
	when: z.array(slug).min(1),
	outcomes: z.array(slug).min(1),
	costs: z.array(text).default([]),
	sections: z.array(linkSchema).default([]),
	checklist: z.array(checklistItemSchema).default([]),
	/** Examples to start from for the addon's part, listed after the outcome's own. */
	examples: z.array(linkSchema).default([]),
});

export const decisionTreeSchema = z.strictObject({
	id: slug,
	title: text,
	intro: text,
	start: slug,
	questions: z.array(questionSchema).min(1),
	outcomes: z.array(outcomeSchema).min(1),
	addons: z.array(addonSchema).default([]),
});

export type DecisionTree = z.infer<typeof decisionTreeSchema>;
export type Question = DecisionTree['questions'][number];
export type Option = Question['options'][number];
export type Outcome = DecisionTree['outcomes'][number];
export type Addon = DecisionTree['addons'][number];
export type Route = z.infer<typeof routeSchema>;
export type Next = z.infer<typeof nextSchema>;

/** Query-string keys the widget uses for itself: no question may take them as its id. */
export const RESERVED_KEYS = ['change', 'result'] as const;

/** Names the node a Zod issue path points into: `node "duration" option "long"`. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
	const at = (value: unknown, key: PropertyKey) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined);
	const name = (value: unknown, fallback: string) => {
		const id = at(value, 'id') ?? at(value, 'value');
		return typeof id === 'string' ? `"${id}"` : fallback;
	};
	const [list, index, third, fourth, ...rest] = path;
	if (list === undefined) return 'tree';
	if (index === undefined || typeof index !== 'number') return `field "${String(list)}"`;
	const node = at(at(raw, list), index);
	let where = `${list === 'questions' || list === 'outcomes' ? 'node' : String(list).replace(/s$/, '')} ${name(node, `#${index + 1}`)}`;
	if (third === 'options' && typeof fourth === 'number') {
		where += ` option ${name(at(at(node, 'options'), fourth), `#${fourth + 1}`)}`;
		if (rest.length) where += ` field "${rest.join('.')}"`;
	} else if (third !== undefined) {
		where += ` field "${[third, fourth, ...rest].filter((key) => key !== undefined).join('.')}"`;
	}
	return where;
}

/**
 * Parses and validates a decision tree written in YAML. Throws an Error that names the file
 * and the node for a schema error, an unknown target, an unused fact, or a cycle.
 *
 * @example
 * parseDecisionTree(readFileSync(file, 'utf8'), 'content/decision-trees/split-from-nextjs.yaml')
 */
export function parseDecisionTree(source: string, file: string): DecisionTree {
	const fail = (message: string): never => {
		throw new Error(`Decision tree ${file}: ${message}`);
	};
	const tree = parseYamlData(source, { kind: 'Decision tree', file, schema: decisionTreeSchema, describePath });
	checkLinks(tree, fail);
	return tree;
}

/** The node ids a `next` may lead to. */
export function targetsOf(next: Next | undefined): string[] {
	if (next === undefined) return [];
	return typeof next === 'string' ? [next] : next.map((route) => route.goto);
}

function checkLinks(tree: DecisionTree, fail: (message: string) => never) {
	const questions = new Map(tree.questions.map((question) => [question.id, question]));
	const outcomes = new Set(tree.outcomes.map((outcome) => outcome.id));
	const seen = new Set<string>();
	for (const id of [...tree.questions, ...tree.outcomes].map((node) => node.id)) {
		if (seen.has(id)) fail(`node "${id}" is defined twice`);
		if ((RESERVED_KEYS as readonly string[]).includes(id)) fail(`node "${id}" uses a reserved id (${RESERVED_KEYS.join(', ')})`);
		seen.add(id);
	}
	if (!questions.has(tree.start)) fail(`start "${tree.start}" is not a question`);

	const factsSet = new Set(tree.questions.flatMap((question) => question.options.flatMap((option) => option.set ?? [])));
	const checkNext = (next: Next, where: string) => {
		if (Array.isArray(next)) {
			next.forEach((route, index) => {
				const last = index === next.length - 1;
				if (last && route.when) fail(`${where} needs a last route without "when" (the fallback)`);
				if (!last && !route.when) fail(`${where} has a route without "when" before its last route`);
				for (const fact of route.when ?? []) {
					if (!factsSet.has(fact)) fail(`${where} routes on fact "${fact}" that no option sets`);
				}
			});
		}
		for (const target of targetsOf(next)) {
			if (!seen.has(target)) fail(`${where} points to unknown node "${target}"`);
		}
	};

	for (const question of questions.values()) {
		const values = new Set<string>();
		for (const option of question.options) {
			const where = `node "${question.id}" option "${option.value}"`;
			if (values.has(option.value)) fail(`${where} is defined twice`);
			values.add(option.value);
			const next = option.next ?? question.next;
			if (next === undefined) fail(`${where} has no "next" (and its question has none)`);
			checkNext(next as Next, where);
		}
		if (question.next) checkNext(question.next, `node "${question.id}"`);
	}
	for (const addon of tree.addons) {
		for (const id of addon.outcomes) if (!outcomes.has(id)) fail(`addon "${addon.id}" names unknown outcome "${id}"`);
		for (const fact of addon.when) if (!factsSet.has(fact)) fail(`addon "${addon.id}" depends on fact "${fact}" that no option sets`);
	}

	// A cycle would let the widget ask questions forever: refuse it, naming a node on it.
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (id: string) => {
		const question = questions.get(id);
		if (!question || state.get(id) === 'done') return;
		if (state.get(id) === 'visiting') fail(`node "${id}" is part of a cycle`);
		state.set(id, 'visiting');
		for (const option of question.options) for (const target of targetsOf(option.next ?? question.next)) visit(target);
		state.set(id, 'done');
	};
	visit(tree.start);
	for (const id of questions.keys()) if (!state.has(id)) fail(`node "${id}" is not reachable from start "${tree.start}"`);
	const targeted = new Set(tree.questions.flatMap((q) => q.options.flatMap((option) => targetsOf(option.next ?? q.next))));
	for (const id of outcomes) if (!targeted.has(id)) fail(`outcome "${id}" is not reachable: no option leads to it`);
}
