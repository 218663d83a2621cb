/**
 * Checks each OpenAPI document the API reference is built from before starlight-openapi reads
 * it. The plugin only parses: a document that parses but is not valid OpenAPI (no `info`, a
 * response that is not an object) crashes its page rendering with a bare TypeError. Here every
 * problem stops the build with the file named and each error pointed at.
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import type { AstroIntegration } from 'astro';

/** An error for the build log that names the document and says what to do. */
export class OpenApiDocumentError extends Error {
	override name = 'OpenApiDocumentError';
}

/**
 * Throws an `OpenApiDocumentError` naming `file` when it cannot be read, does not parse, or is
 * not a valid OpenAPI document. `file` is a path from the repository root, as in the message.
 *
 * @example
 * await checkOpenApiDocument('examples/hono-service/openapi.json')
 */
export async function checkOpenApiDocument(file: string, path = file): Promise<void> {
	const advice = `The API reference pages are built from it: fix the document (regenerate it from the service) and build again.`;
	let result: Awaited<ReturnType<typeof validate>>;
	try {
		result = await validate(path);
	} catch (error) {
		// Unreadable or not JSON/YAML: the parser's message carries the line and column.
		throw new OpenApiDocumentError(`${file} does not parse as an OpenAPI document.\n${(error as Error).message.replace(path, file)}\n${advice}`);
	}
	if (!result.valid) {
		throw new OpenApiDocumentError(`${file} is not a valid OpenAPI document.\n${compileErrors(result)}\n${advice}`);
	}
}

/** An integration that checks every document (paths from the repository root) when the build starts. */
export function openApiDocumentsCheck(files: string[]): AstroIntegration {
	return {
		name: 'handbook:openapi-documents',
		hooks: {
			async 'astro:config:setup'() {
				for (const file of files) await checkOpenApiDocument(file);
			},
		},
	};
}
