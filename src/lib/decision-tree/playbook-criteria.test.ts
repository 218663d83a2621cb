/**
 * The Backend API playbook's decisions, as the decision aid applies them: each reason to split
 * alone leads to a service, none of the non-reasons does, and the service's language follows the
 * playbook's "Choose TS or Python by". content/rules/backend-api.yaml names these tests as the
 * proofs of those rules, so a change to the tree's routing that breaks a rule fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walk, type Answers } from './engine.ts';
import { parseDecisionTree } from './schema.ts';

const file = 'content/decision-trees/split-from-nextjs.yaml';
const tree = parseDecisionTree(readFileSync(file, 'utf8'), file);

/** No reason to split, and the answers that pick a TypeScript service once one applies. */
const none: Answers = { duration: 'short', background: 'no', consumers: 'nextjs-only', scaling: 'no', ownership: 'no', architecture: 'no' };
const typescriptService: Answers = { clients: 'js', 'work-kind': 'api' };
const outcome = (answers: Answers) => {
	const path = walk(tree, answers);
	expect(path.current, `unanswered question ${path.current?.id}`).toBeUndefined();
	return path.outcome?.id;
};
const services = ['hono', 'fastapi'];

describe("the playbook's reasons to split, as the decision aid applies them", () => {
	it('splits work that takes more than a few seconds per request and does not fit the function timeout', () => {
		expect(outcome({ ...none, duration: 'long', ...typescriptService })).toBe('hono');
	});

	it('does not split work that takes more than a few seconds but fits the function timeout, on its own', () => {
		expect(outcome({ ...none, duration: 'fits-timeout', motive: 'checking' })).toBe('stay');
	});

	it('splits long-running or background work', () => {
		expect(outcome({ ...none, background: 'yes', ...typescriptService })).toBe('hono');
	});

	it('splits work that a non-Next consumer calls (a public API, a mobile app, a partner, a Python batch job)', () => {
		for (const consumers of ['external', 'python-batch']) expect(outcome({ ...none, consumers, ...typescriptService })).toBe('hono');
	});

	it('splits work that needs a different scaling profile', () => {
		expect(outcome({ ...none, scaling: 'yes', ...typescriptService })).toBe('hono');
	});

	it('splits work that another team owns when deploy coupling is painful', () => {
		expect(outcome({ ...none, ownership: 'yes', ...typescriptService })).toBe('hono');
	});

	it('does not split for "microservices scale", "it\'s a separate concern" or "I want to try X"', () => {
		for (const motive of ['microservices-scale', 'separate-concern', 'try-something']) expect(outcome({ ...none, motive })).toBe('stay');
	});

	it('does not split complex logic alone: it gets its own layer in the app until a reason to split applies', () => {
		expect(outcome({ ...none, architecture: 'yes' })).toBe('consider');
		expect(services).not.toContain(outcome({ ...none, architecture: 'yes' }));
	});
});

describe("the playbook's choice of language, as the decision aid applies it", () => {
	const split = { ...none, background: 'yes' };

	it('chooses TypeScript (Hono) when JS / web clients consume the service', () => {
		expect(outcome({ ...split, clients: 'js', 'work-kind': 'api' })).toBe('hono');
	});

	it('chooses Python (FastAPI) for ML, data or pandas-heavy work, whoever consumes it', () => {
		for (const clients of ['js', 'other']) expect(outcome({ ...split, clients, 'work-kind': 'ml-data' })).toBe('fastapi');
	});

	it('chooses by what the team knows otherwise, and TypeScript when in doubt', () => {
		const otherClients = { ...split, clients: 'other', 'work-kind': 'api' };
		expect(outcome({ ...otherClients, team: 'python' })).toBe('fastapi');
		expect(outcome({ ...otherClients, team: 'typescript' })).toBe('hono');
		expect(outcome({ ...otherClients, team: 'unsure' })).toBe('hono');
	});
});
