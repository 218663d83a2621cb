/**
 * The tests a test file declares, read from its source without running it, so the build can
 * refuse a rule whose proof names a test that does not exist.
 *
 * - TypeScript and JavaScript (Vitest, Playwright, node:test): `describe` / `it` / `test` calls
 *   and their variants (`describe.skip`, `it.each(...)`, `test.describe`), nested; a call to a
 *   function of the same file or of a relatively imported one is followed into its body, so a
 *   suite defined once and run by two files (`defineApiSuite(label)`) is found from each. A title
 *   that is computed (a template literal, a variable, `%s`) matches any text in its place.
 * - Python (pytest): `test_*` functions at module level and in `Test*` classes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { TITLE_SEPARATOR } from './schema.ts';

/** A declared test: the pattern its full title matches, and its title as written (for messages). */
export interface DeclaredTest {
	pattern: RegExp;
	written: string;
}

const GROUPS = new Set(['describe', 'suite', 'context']);
const TESTS = new Set(['it', 'test', 'specify']);
/** Member calls of `test` / `it` that are hooks or settings, never a test. */
const NOT_TESTS = new Set([
	'beforeAll',
	'beforeEach',
	'afterAll',
	'afterEach',
	'use',
	'step',
	'extend',
	'setTimeout',
	'slow',
	'info',
	'expect',
	'configure',
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `%s`, `%d`, `$0` and `${name}` placeholders of `.each` titles match anything. */
const placeholders = (literal: string) => escape(literal).replace(/%[sdifjoO#%]|\\\$\w+|\\\$\\\{[\w.]+\\\}/g, '.+?');

/** A title argument as a regular-expression source and as written. */
function titleOf(node: ts.Expression | undefined, source: ts.SourceFile): { regex: string; written: string } {
	if (!node) return { regex: '.+?', written: '…' };
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { regex: placeholders(node.text), written: node.text };
	if (ts.isTemplateExpression(node)) {
		let regex = placeholders(node.head.text);
		for (const span of node.templateSpans) regex += '.+?' + placeholders(span.literal.text);
		return { regex, written: node.getText(source).slice(1, -1) };
	}
	return { regex: '.+?', written: `{${node.getText(source)}}` };
}

/** `describe.skip.each(x)` → { root: 'describe', members: ['skip', 'each'] }. */
function calleeChain(expression: ts.Expression): { root?: string; members: string[] } {
	const members: string[] = [];
	let node: ts.Expression = expression;
	for (;;) {
		if (ts.isPropertyAccessExpression(node)) {
			members.unshift(node.name.text);
			node = node.expression;
		} else if (ts.isCallExpression(node)) {
			node = node.expression; // `it.each(table)` → `it.each`
		} else break;
	}
	return { root: ts.isIdentifier(node) ? node.text : undefined, members };
}

type FunctionBody = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

interface ParsedModule {
	source: ts.SourceFile;
	/** Functions declared at the top level, by name. */
	functions: Map<string, FunctionBody>;
	/** Imported names from relative modules: local name → [absolute file, exported name]. */
	imports: Map<string, [string, string]>;
}

const modules = new Map<string, ParsedModule | undefined>();

function loadModule(file: string): ParsedModule | undefined {
	if (modules.has(file)) return modules.get(file);
	let parsed: ParsedModule | undefined;
	if (existsSync(file)) {
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const functions = new Map<string, FunctionBody>();
		const imports = new Map<string, [string, string]>();
		for (const statement of source.statements) {
			if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
			if (ts.isVariableStatement(statement)) {
				for (const declaration of statement.declarationList.declarations) {
					const init = declaration.initializer;
					if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
						functions.set(declaration.name.text, init);
					}
				}
			}
			if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
				const specifier = statement.moduleSpecifier.text;
				const bindings = statement.importClause?.namedBindings;
				if (!specifier.startsWith('.') || !bindings || !ts.isNamedImports(bindings)) continue;
				const target = resolveModule(resolve(dirname(file), specifier));
				if (!target) continue;
				for (const element of bindings.elements) imports.set(element.name.text, [target, (element.propertyName ?? element.name).text]);
			}
		}
		parsed = { source, functions, imports };
	}
	modules.set(file, parsed);
	return parsed;
}

function resolveModule(path: string): string | undefined {
	const candidates = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, `${path}.tsx`, `${path}/index.ts`];
	return candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
}

/** Every test a TypeScript or JavaScript test file declares, with the files it imports followed. */
function typescriptTests(file: string): DeclaredTest[] {
	const found: DeclaredTest[] = [];
	const root = loadModule(file);
	if (!root) return found;
	const active = new Set<FunctionBody>();

	const visit = (node: ts.Node, module: ParsedModule, stack: { regex: string; written: string }[]) => {
		if (ts.isCallExpression(node)) {
			const { root: name, members } = calleeChain(node.expression);
			const callback = [...node.arguments].reverse().find((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
			const isGroup = name !== undefined && (GROUPS.has(name) || (TESTS.has(name) && members[0] === 'describe'));
			const isTest = name !== undefined && TESTS.has(name) && !isGroup && !members.some((member) => NOT_TESTS.has(member));
			if (isGroup || isTest) {
				// `it.each(table)('title')`: the title is the argument of the outer call.
				const title = titleOf(node.arguments[0], module.source);
				if (isTest) {
					const chain = [...stack, title];
					found.push({ pattern: new RegExp(`^${chain.map((part) => part.regex).join(escape(TITLE_SEPARATOR))}$`), written: chain.map((part) => part.written).join(TITLE_SEPARATOR) });
					return; // a test's body declares no tests
				}
				if (callback) visit(callback, module, [...stack, title]);
				return;
			}
			// A helper that declares tests: follow it into its body, in this file or an imported one.
			if (ts.isIdentifier(node.expression)) {
				const local = module.functions.get(node.expression.text);
				const imported = module.imports.get(node.expression.text);
				const target = local ? { module, body: local } : imported ? lookup(imported) : undefined;
				if (target && !active.has(target.body)) {
					active.add(target.body);
					if (target.body.body) visit(target.body.body, target.module, stack);
					active.delete(target.body);
				}
			}
		}
		// Function declarations are visited where they are called, not where they stand.
		if (ts.isFunctionDeclaration(node)) return;
		ts.forEachChild(node, (child) => visit(child, module, stack));
	};
	const lookup = ([target, name]: [string, string]) => {
		const module = loadModule(target);
		const body = module?.functions.get(name);
		return module && body ? { module, body } : undefined;
	};
	visit(root.source, root, []);
	return found;
}

/** Every pytest test a Python file declares: `test_x` and `TestClass › test_x`. */
function pythonTests(file: string): DeclaredTest[] {
	const found: DeclaredTest[] = [];
	let testClass: string | undefined;
	for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
		const classMatch = /^class\s+(\w+)/.exec(line);
		if (classMatch) {
			testClass = classMatch[1]!.startsWith('Test') ? classMatch[1] : undefined;
			continue;
		}
		// Anything else at the left margin (a function, an assignment) ends the class.
		if (/^[^\s@#)\]]/.test(line)) testClass = undefined;
		const testMatch = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/.exec(line);
		if (!testMatch) continue;
		const indented = testMatch[1]!.length > 0;
		if (indented && !testClass) continue;
		const written = indented ? `${testClass}${TITLE_SEPARATOR}${testMatch[2]}` : testMatch[2]!;
		found.push({ pattern: new RegExp(`^${escape(written)}$`), written });
	}
	return found;
}

/**
 * The tests `file` declares (an absolute path). Throws when the file does not exist.
 *
 * @example
 * declaredTests('/repo/examples/hono-service/test/api.pglite.test.ts').some((t) => t.pattern.test(title))
 */
export function declaredTests(file: string): DeclaredTest[] {
	if (!existsSync(file)) throw new Error(`test file ${file} does not exist`);
	return file.endsWith('.py') ? pythonTests(file) : typescriptTests(file);
}

/** Forgets what was read, for a caller that changes files between two reads (the tests). */
export function clearTestTitleCache() {
	modules.clear();
}
