import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOpenApiDocument } from './openapi-documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'openapi-documents-'));
const write = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

describe('checkOpenApiDocument', () => {
	it("accepts the hono-service example's committed document", async () => {
		await expect(checkOpenApiDocument('examples/hono-service/openapi.json')).resolves.toBeUndefined();
	});

	it('names the file and the place when the document does not parse', async () => {
		const path = write('truncated.json', '{ "openapi": "3.1.0", "info": ');
		await expect(checkOpenApiDocument('examples/broken/openapi.json', path)).rejects.toThrow(
			/^examples\/broken\/openapi\.json does not parse as an OpenAPI document\.\n.*examples\/broken\/openapi\.json.*\(\d+:\d+\)/s,
		);
	});

	it('names the file and each problem when the document parses but is not OpenAPI', async () => {
		const path = write('no-info.json', JSON.stringify({ openapi: '3.1.0', paths: { '/x': { get: { responses: 5 } } } }));
		const error = await checkOpenApiDocument('examples/broken/openapi.json', path).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^examples\/broken\/openapi\.json is not a valid OpenAPI document\./);
		expect((error as Error).message).toContain("must have required property 'info'");
		expect((error as Error).message).toContain('type must be object');
	});

	it('names the file when it is missing', async () => {
		await expect(checkOpenApiDocument('examples/gone/openapi.json')).rejects.toThrow(/^examples\/gone\/openapi\.json does not parse.*ENOENT/s);
	});
});
