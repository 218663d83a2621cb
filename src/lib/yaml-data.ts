/**
 * Reads a YAML data file of the handbook (a decision tree, a rules file) against its Zod schema,
 * with every problem named by file and by node: the one way both are read, so their errors read
 * alike.
 */
import { parse } from 'yaml';
import type { z } from 'astro/zod';

/**
 * Parses `source` and checks it against `schema`. Throws `<kind> <file>: <problems>`, each schema
 * issue placed by `describePath` (e.g. `rule "jwt" field "proofs"`).
 *
 * @example
 * parseYamlData(source, { kind: 'Rules', file, schema: rulesFileSchema, describePath })
 */
export function parseYamlData<Schema extends z.ZodType>(
	source: string,
	options: { kind: string; file: string; schema: Schema; describePath: (raw: unknown, path: readonly PropertyKey[]) => string },
): z.output<Schema> {
	const fail = (message: string): never => {
		throw new Error(`${options.kind} ${options.file}: ${message}`);
	};
	let raw: unknown;
	try {
		raw = parse(source);
	} catch (error) {
		return fail(`is not valid YAML: ${(error as Error).message}`);
	}
	const result = options.schema.safeParse(raw);
	if (!result.success) return fail(result.error.issues.map((issue) => `${options.describePath(raw, issue.path)}: ${issue.message}`).join('; '));
	return result.data;
}
