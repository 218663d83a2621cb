import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegion, stripRegionMarkers } from './code-region.ts';
import { readCode } from './read-code.ts';

const ts = '// #region handler\nexport const handler = () => 1;\n// #endregion\nexport const other = 2;\n';

describe('readCode', () => {
	const root = mkdtempSync(join(tmpdir(), 'code-region-'));
	mkdirSync(join(root, 'examples/demo/src'), { recursive: true });
	writeFileSync(join(root, 'examples/demo/src/app.ts'), ts);

	it('reads a file from the repository root, whole or by region', () => {
		expect(readCode({ file: 'examples/demo/src/app.ts', root })).toBe(stripRegionMarkers(ts));
		expect(readCode({ file: 'examples/demo/src/app.ts', region: 'handler', root })).toBe(extractRegion(ts, 'handler'));
	});

	it('fails on a missing file, naming the file and the region', () => {
		expect(() => readCode({ file: 'examples/demo/src/gone.ts', region: 'handler', root })).toThrow(
			/file "examples\/demo\/src\/gone\.ts" not found \(looking for region "handler"\)/,
		);
	});

	it('fails on a missing region, naming the file and the region', () => {
		expect(() => readCode({ file: 'examples/demo/src/app.ts', region: 'nope', root })).toThrow(/region "nope" not found in examples\/demo\/src\/app\.ts/);
	});

	it('refuses paths outside the repository', () => {
		expect(() => readCode({ file: '../etc/passwd', root })).toThrow(/outside the repository/);
		rmSync(root, { recursive: true, force: true });
	});
});
