/**
 * How a proof and a code reference read to an engineer: paths from the example's own folder (as
 * its README and a downloaded zip have them), and the command that runs just that test.
 */
import { isTestProof, TITLE_SEPARATOR, type CodeRef, type Proof } from './schema.ts';

export interface ProofView {
	/** The test file from the example's folder (`test/api.pglite.test.ts`), or from the repository root. */
	file?: string;
	/** The full title (`describe › test`), or the step's name. */
	title: string;
	/** A shell command, run in the example's folder, that runs this one test. */
	command?: string;
	/** What kind of proof: a test, or a step of `npm test` (a linter, a formatter). */
	kind: 'test' | 'step';
}

/** `examples/hono-service/src/app.ts` → `src/app.ts` inside `hono-service`; other paths stay whole. */
export function pathIn(example: string | undefined, file: string): string {
	const prefix = example ? `examples/${example}/` : undefined;
	return prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @example
 * proofView({ test: 'examples/fastapi-service/tests/test_api.py', title: 'TestUsers › test_x' }, 'fastapi-service').command
 * // "uv run pytest 'tests/test_api.py::TestUsers::test_x'"
 */
export function proofView(proof: Proof, example?: string): ProofView {
	if (!isTestProof(proof)) return { title: proof.step, kind: 'step' };
	const file = pathIn(example, proof.test);
	const inExample = file !== proof.test;
	if (proof.test.endsWith('.py')) {
		const id = [file, ...proof.title.split(TITLE_SEPARATOR)].join('::');
		return { file, title: proof.title, kind: 'test', command: inExample ? `uv run pytest ${quote(id)}` : undefined };
	}
	const name = proof.title.split(TITLE_SEPARATOR).at(-1)!;
	// Vitest's -t is a pattern over the full name: anchor the test's own title at the end.
	const command = inExample && !proof.test.includes('/e2e/') ? `npx vitest run ${file} -t ${quote(`${escapeRegExp(name)}$`)}` : undefined;
	return { file, title: proof.title, kind: 'test', command };
}

/** `src/app.ts` (region `report-bucket`) → `src/app.ts#report-bucket`. */
export function codeLabel(code: CodeRef, example: string): string {
	return `${pathIn(example, code.file)}${code.region ? ` (#region ${code.region})` : ''}`;
}

/** A rules file's prose split into plain text and `code spans`, for rendering as HTML. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
	return text.split(/(`[^`]+`)/).filter(Boolean).map((part) => (/^`[^`]+`$/.test(part) ? { text: part.slice(1, -1), code: true } : { text: part, code: false }));
}
