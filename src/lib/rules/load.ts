/**
 * The build's one way to read a rules file: parsed, validated against the repository (every
 * file, region, test and step it names exists), and read once per build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listExamples, type ExampleInfo, type ExampleKind } from '../example-project/checks.ts';
import { parseRules, type RulesFile } from './schema.ts';
import { validateRules } from './validate.ts';

const cache = new Map<string, RulesFile>();

/** The rules files in `content/rules/`, by name without `.yaml`. */
export function listRulesFiles(root = process.cwd()): string[] {
	if (!existsSync(join(root, 'content/rules'))) return [];
	return readdirSync(join(root, 'content/rules'))
		.filter((name) => name.endsWith('.yaml'))
		.map((name) => name.slice(0, -'.yaml'.length))
		.sort();
}

/**
 * `content/rules/<name>.yaml`, checked. Throws naming the file and each rule whose proof points
 * at nothing.
 *
 * @example
 * loadRules('backend-api').rules.length
 */
export function loadRules(name: string, root = process.cwd()): RulesFile {
	const cached = cache.get(`${root}\0${name}`);
	if (cached) return cached;
	const file = `content/rules/${name}.yaml`;
	let source: string;
	try {
		source = readFileSync(join(root, file), 'utf8');
	} catch {
		throw new Error(`There is no ${file}. Rules files: ${listRulesFiles(root).join(', ') || 'none'}.`);
	}
	const rules = parseRules(source, file);
	const trees = readdirSync(join(root, 'content/decision-trees')).map((entry) => entry.replace(/\.yaml$/, ''));
	validateRules(rules, file, { root, examples: examplesOf(root), trees });
	cache.set(`${root}\0${name}`, rules);
	return rules;
}

const examples = new Map<string, ExampleInfo[]>();
/** The committed examples, read from git once per build. */
export function examplesOf(root = process.cwd()): ExampleInfo[] {
	if (!examples.has(root)) examples.set(root, listExamples(root));
	return examples.get(root)!;
}

/** The examples' kinds, by name. */
export function kindsOf(root = process.cwd()): Map<string, ExampleKind> {
	return new Map(examplesOf(root).map((example) => [example.name, example.kind]));
}
