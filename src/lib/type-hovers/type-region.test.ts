import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegion } from '../code-region.ts';
import { typeRegion, TypeRegionError } from './type-region.ts';

/** The identifier each hover covers, read from the region as the page shows it. */
function covered(file: string, region: string) {
	const lines = extractRegion(readFileSync(file, 'utf8'), region).split('\n');
	return typeRegion({ file, region }).map((hover) => ({ text: lines[hover.line]!.slice(hover.start, hover.end), type: hover.type }));
}

describe('typeRegion', () => {
	it("gives the Hono RPC client's identifiers the types TypeScript infers from the backend", () => {
		const hovers = covered('examples/nextjs-hono-rpc/lib/api-client.ts', 'api-client');
		expect(hovers).toContainEqual({ text: 'createApiClient', type: 'const createApiClient: (baseUrl: string) => ApiClient' });
		const appType = hovers.find((hover) => hover.text === 'AppType');
		expect(appType?.type).toMatch(/^\(alias\) type AppType = Hono<[\s\S]*"\/users"/);
	}, 60_000);

	it("types the generated client's hook results, positions mapped onto the dedented region", () => {
		const hovers = covered('examples/nextjs-openapi-client/src/components/invoice-list.tsx', 'invoice-list');
		expect(hovers).toContainEqual({ text: 'data', type: 'const data: InvoiceList | undefined' });
		expect(hovers).toContainEqual({ text: 'invoices', type: 'const invoices: Invoice[]' });
	}, 60_000);

	it('fails naming the file, the line and the error when the file no longer type-checks', () => {
		const root = mkdtempSync(join(tmpdir(), 'type-region-'));
		mkdirSync(join(root, 'examples', 'broken', 'src'), { recursive: true });
		writeFileSync(join(root, 'examples', 'broken', 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' } }));
		writeFileSync(
			join(root, 'examples', 'broken', 'src', 'client.ts'),
			"// #region call\nexport const total: number = 'not a number';\n// #endregion call\n",
		);
		const check = () => typeRegion({ file: 'examples/broken/src/client.ts', region: 'call', root });
		expect(check).toThrow(TypeRegionError);
		expect(check).toThrow(/^examples\/broken\/src\/client\.ts no longer type-checks[\s\S]*examples\/broken\/src\/client\.ts:2:14 TS2322: Type 'string' is not assignable to type 'number'/);
	});

	it('names the region when it is missing', () => {
		expect(() => typeRegion({ file: 'examples/nextjs-hono-rpc/lib/api-client.ts', region: 'no-such-region' })).toThrow(/region "no-such-region" not found in examples\/nextjs-hono-rpc\/lib\/api-client\.ts/);
	});
});
