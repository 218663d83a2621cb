import { z } from 'astro/zod';
import { parseYamlData } from '../yaml-data.ts';

/**
 * The shape of a playbook's rules file, `content/rules/<playbook>.yaml`: every rule in the
 * playbook's own words, and for each example that carries it out what it does, where (code) and
 * what proves it (tests). `parseRules` checks the shape and the links inside the file;
 * `validateRules` (validate.ts) checks that every file, region and test it names exists.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');
const text = z.string().trim().min(1);
/** A path from the repository root, never outside it. */
const repoPath = z
	.string()
	.regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\s]+$/, 'give a path from the repository root, e.g. examples/hono-service/src/app.ts');

const codeSchema = z.strictObject({
	file: repoPath,
	/** A `#region` name in that file; the whole file when left out. */
	region: z.string().min(1).optional(),
});

/** A test that fails when the rule is broken: its file and its full title (describe blocks › test). */
const testProofSchema = z.strictObject({
	test: repoPath,
	title: text,
});
/** A step of `npm test` (scripts/test.ts) that fails when the rule is broken (a linter, a formatter). */
const stepProofSchema = z.strictObject({
	step: text,
});
const proofSchema = z.union([testProofSchema, stepProofSchema]);

const implementationSchema = z.strictObject({
	/** A folder name in `examples/`. */
	example: slug,
	/** What the example does for this rule: true word for word of its code. */
	does: text,
	/** What of the rule it leaves out; absent when it carries out the whole rule. */
	partly: text.optional(),
	code: z.array(codeSchema).min(1),
	proofs: z.array(proofSchema).min(1, 'a rule an example carries out names at least one test that proves it'),
});

/** A decision the handbook's decision aid applies (no code carries a decision out). */
const appliedBySchema = z.strictObject({
	/** A tree in `content/decision-trees/`. */
	tree: slug,
	does: text,
	proofs: z.array(proofSchema).min(1),
});

const ruleSchema = z.strictObject({
	id: slug,
	section: slug,
	/** The playbook's own words. */
	text,
	/** A one-line name where `text` is several lines (the playbook's folder trees). */
	label: text.optional(),
	carriedOutBy: z.array(implementationSchema).default([]),
	appliedBy: appliedBySchema.optional(),
	/** Why no example carries the rule out. */
	notCarriedOut: text.optional(),
});

const sectionSchema = z.strictObject({
	id: slug,
	title: text,
	/** The heading id on the playbook page (Starlight's, so `rate-limiting--abuse` too). */
	heading: z.string().regex(/^[a-z0-9-]+$/, 'use the heading id as Starlight makes it: lowercase letters, digits and dashes'),
});

export const rulesFileSchema = z.strictObject({
	playbook: text,
	/** The playbook's page: a site path. */
	page: z.string().regex(/^\/[^\s]*\/$/, 'use a site path with a trailing slash, such as /playbooks/backend-api/'),
	/** The source text's file name in the handbook's sources. */
	source: text,
	sections: z.array(sectionSchema).min(1),
	rules: z.array(ruleSchema).min(1),
});

export type RulesFile = z.infer<typeof rulesFileSchema>;
export type Rule = RulesFile['rules'][number];
export type Implementation = Rule['carriedOutBy'][number];
export type Proof = z.infer<typeof proofSchema>;
export type TestProof = z.infer<typeof testProofSchema>;
export type CodeRef = z.infer<typeof codeSchema>;

/** The separator of a test's full title: `authentication › rejects an expired token`. */
export const TITLE_SEPARATOR = ' › ';

export const isTestProof = (proof: Proof): proof is TestProof => 'test' in proof;

/** A rule in one line: its label, else its text. */
export const ruleLabel = (rule: Rule) => rule.label ?? rule.text;

/** Names where a Zod issue points: `rule "short-lived-jwt" field "carriedOutBy.0.proofs"`. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
	const [list, index, ...rest] = path;
	if (list === undefined) return 'file';
	if (typeof index !== 'number') return `field "${String(list)}"`;
	const node = (raw as Record<string, unknown[]> | undefined)?.[String(list)]?.[index] as { id?: unknown } | undefined;
	const name = typeof node?.id === 'string' ? `"${node.id}"` : `#${index + 1}`;
	const where = `${String(list).replace(/s$/, '')} ${name}`;
	return rest.length > 0 ? `${where} field "${rest.join('.')}"` : where;
}

/**
 * Parses a rules file and checks its shape and its links inside the file (sections, ids, a status
 * for every rule). Throws an Error naming the file and the rule.
 *
 * @example
 * parseRules(readFileSync('content/rules/backend-api.yaml', 'utf8'), 'content/rules/backend-api.yaml')
 */
export function parseRules(source: string, file: string): RulesFile {
	const fail = (message: string): never => {
		throw new Error(`Rules ${file}: ${message}`);
	};
	const rules = parseYamlData(source, { kind: 'Rules', file, schema: rulesFileSchema, describePath });
	const sections = new Set<string>();
	for (const section of rules.sections) {
		if (sections.has(section.id)) fail(`section "${section.id}" is defined twice`);
		sections.add(section.id);
	}
	const ids = new Set<string>();
	for (const rule of rules.rules) {
		const where = `rule "${rule.id}"`;
		if (ids.has(rule.id)) fail(`${where} is defined twice`);
		ids.add(rule.id);
		if (!sections.has(rule.section)) fail(`${where} is in unknown section "${rule.section}" (sections: ${[...sections].join(', ')})`);
		const carried = rule.carriedOutBy.length > 0 || rule.appliedBy !== undefined;
		if (!carried && !rule.notCarriedOut) {
			fail(`${where} says neither who carries it out (carriedOutBy, appliedBy) nor why no example does (notCarriedOut)`);
		}
		if (carried && rule.notCarriedOut && rule.carriedOutBy.every((implementation) => !implementation.partly)) {
			fail(`${where} is carried out in full, so "notCarriedOut" contradicts it: move the text to "partly" or drop it`);
		}
		const examples = new Set<string>();
		for (const implementation of rule.carriedOutBy) {
			if (examples.has(implementation.example)) fail(`${where} lists example "${implementation.example}" twice`);
			examples.add(implementation.example);
		}
	}
	return rules;
}
