import { describe, expect, it } from 'vitest';
import { extractRegion, languageFor, listRegions, RegionError, stripRegionMarkers } from './code-region.ts';

const ts = `import { a } from './a.ts';

// #region handler
export function handler() {
  return a;
}
// #endregion

export const other = 1;
`;

describe('extractRegion', () => {
	it('returns the lines between the markers, without the markers', () => {
		expect(extractRegion(ts, 'handler')).toBe('export function handler() {\n  return a;\n}');
	});

	it('dedents an indented region and accepts a named #endregion', () => {
		const source = 'app\n  // #region route\n  .get("/", h)\n    .post("/", p)\n  // #endregion route\n';
		expect(extractRegion(source, 'route')).toBe('.get("/", h)\n  .post("/", p)');
	});

	it('reads "# #region" markers in YAML, Python and Dockerfiles', () => {
		const py = 'x = 1\n# #region models\nclass A:\n    pass\n# #endregion models\n';
		expect(extractRegion(py, 'models')).toBe('class A:\n    pass');
	});

	it('keeps nested regions inside the outer one and drops their markers', () => {
		const source = '// #region outer\na\n// #region inner\nb\n// #endregion\nc\n// #endregion\nd';
		expect(extractRegion(source, 'outer')).toBe('a\nb\nc');
		expect(extractRegion(source, 'inner')).toBe('b');
	});

	it('does not take a region whose name only starts with the requested one', () => {
		const source = '// #region handler-two\nx\n// #endregion\n';
		expect(() => extractRegion(source, 'handler')).toThrow(RegionError);
	});

	it('fails naming the file, the region and the regions that exist', () => {
		expect(() => extractRegion(ts, 'missing', 'examples/x/src/app.ts')).toThrow(
			/region "missing" not found in examples\/x\/src\/app\.ts\. Regions in that file: handler/,
		);
	});

	it('fails when a region is never closed', () => {
		expect(() => extractRegion('// #region open\nx\n', 'open', 'a.ts')).toThrow(/region "open" in a\.ts has no matching "#endregion"/);
	});

	it('handles CRLF line endings', () => {
		expect(extractRegion('// #region r\r\nx\r\n// #endregion\r\n', 'r')).toBe('x');
	});
});

describe('stripRegionMarkers', () => {
	it('shows a whole file without any region marker lines', () => {
		expect(stripRegionMarkers(ts)).toBe(
			"import { a } from './a.ts';\n\nexport function handler() {\n  return a;\n}\n\nexport const other = 1;",
		);
	});
});

describe('listRegions', () => {
	it('lists region names in order', () => {
		expect(listRegions('// #region a\n// #region b\n// #endregion\n// #endregion')).toEqual(['a', 'b']);
	});
});

describe('languageFor', () => {
	it('infers the language from the extension or the file name', () => {
		expect(languageFor('examples/hono-service/src/app.ts')).toBe('ts');
		expect(languageFor('examples/fastapi-service/src/app/main.py')).toBe('python');
		expect(languageFor('compose.yaml')).toBe('yaml');
		expect(languageFor('examples/x/Dockerfile')).toBe('dockerfile');
		expect(languageFor('examples/x/LICENSE')).toBe('text');
	});
});
