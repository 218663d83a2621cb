/**
 * Checks that everything a rules file names exists: each example, each code file and `#region`,
 * each test file and test title, each `npm test` step. The build calls it (through
 * `loadRules`), so a proof that points at nothing fails the build, naming the rule.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleChecks, listExamples, type ExampleInfo } from '../example-project/checks.ts';
import { readCode } from '../read-code.ts';
import { withoutParameters } from './reports.ts';
import { isTestProof, TITLE_SEPARATOR, type Proof, type RulesFile } from './schema.ts';
import { declaredTests, type DeclaredTest } from './test-titles.ts';

export interface ValidateOptions {
	root?: string;
	/** The committed examples; read from git when left out. */
	examples?: ExampleInfo[];
	/** Decision trees that exist (file names without `.yaml`). */
	trees?: string[];
}

/** The declared titles that share the most words with `title`, for a "did you mean". */
function closest(title: string, tests: DeclaredTest[]): string[] {
	const words = new Set(title.toLowerCase().split(/[^a-z0-9]+/));
	const score = (test: DeclaredTest) => test.written.toLowerCase().split(/[^a-z0-9]+/).filter((word) => words.has(word)).length;
	return [...tests].sort((a, b) => score(b) - score(a)).slice(0, 2).map((test) => `"${test.written}"`);
}

/** Where a test of this file runs: the folder whose runner reports it. */
function checkTestFile(file: string, example: string | undefined): string | undefined {
	const inExample = /^examples\/([^/]+)\//.exec(file)?.[1];
	if (inExample && example && inExample !== example && !file.startsWith('conformance/')) {
		return `test file ${file} belongs to example "${inExample}", not "${example}"`;
	}
	if (!/^(examples\/[^/]+\/|e2e\/|src\/|scripts\/|conformance\/)/.test(file)) {
		return `test file ${file} is not in examples/<name>/, e2e/, src/, scripts/ or conformance/, where npm test's runners look`;
	}
	return undefined;
}

/**
 * Throws one Error listing every missing file, region, test and step, each with its rule.
 *
 * @example
 * validateRules(parseRules(source, file), file)
 */
export function validateRules(rules: RulesFile, file: string, options: ValidateOptions = {}): void {
	const root = options.root ?? process.cwd();
	const examples = new Map((options.examples ?? listExamples(root)).map((example) => [example.name, example]));
	const problems: string[] = [];
	const testsOf = new Map<string, DeclaredTest[]>();

	const checkProof = (proof: Proof, where: string, example: string | undefined) => {
		if (!isTestProof(proof)) {
			const steps = example ? exampleChecks(examples.get(example)!).map((check) => check.name) : [];
			if (!steps.includes(proof.step)) {
				problems.push(`${where}: npm test has no step "${proof.step}"${steps.length ? ` (this example's steps: ${steps.join(', ')})` : ''}`);
			}
			return;
		}
		const location = checkTestFile(proof.test, example);
		if (location) return void problems.push(`${where}: ${location}`);
		const absolute = resolve(root, proof.test);
		if (!existsSync(absolute)) return void problems.push(`${where}: test file ${proof.test} does not exist`);
		if (!testsOf.has(absolute)) testsOf.set(absolute, declaredTests(absolute));
		const tests = testsOf.get(absolute)!;
		// pytest's parameter ids (`[postgresql]`) come from fixtures, not the source: check the function.
		const title = proof.test.endsWith('.py') ? withoutParameters(proof.title) : proof.title;
		if (!tests.some((test) => test.pattern.test(title))) {
			const hint = tests.length > 0 ? `; closest: ${closest(proof.title, tests).join(' or ')}` : '; it declares no test';
			problems.push(`${where}: ${proof.test} has no test "${proof.title}" (describe blocks and test joined with "${TITLE_SEPARATOR}")${hint}`);
		}
	};

	for (const rule of rules.rules) {
		for (const implementation of rule.carriedOutBy) {
			const where = `rule "${rule.id}" (${implementation.example})`;
			if (!examples.has(implementation.example)) {
				problems.push(`${where}: there is no example "${implementation.example}" (examples: ${[...examples.keys()].join(', ')})`);
				continue;
			}
			for (const code of implementation.code) {
				if (!code.file.startsWith(`examples/${implementation.example}/`)) {
					problems.push(`${where}: code ${code.file} is not in examples/${implementation.example}/`);
					continue;
				}
				try {
					readCode({ file: code.file, region: code.region, root });
				} catch (error) {
					problems.push(`${where}: ${(error as Error).message}`);
				}
			}
			for (const proof of implementation.proofs) checkProof(proof, where, implementation.example);
		}
		if (rule.appliedBy) {
			const where = `rule "${rule.id}" (decision tree ${rule.appliedBy.tree})`;
			if (options.trees && !options.trees.includes(rule.appliedBy.tree)) {
				problems.push(`${where}: there is no content/decision-trees/${rule.appliedBy.tree}.yaml`);
			}
			for (const proof of rule.appliedBy.proofs) checkProof(proof, where, undefined);
		}
	}
	if (problems.length > 0) throw new Error(`Rules ${file}: ${problems.length} proof${problems.length === 1 ? '' : 's'} point at nothing:\n- ${problems.join('\n- ')}`);
}
