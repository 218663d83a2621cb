import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearTestTitleCache, declaredTests } from './test-titles.ts';

const dir = mkdtempSync(join(tmpdir(), 'test-titles-'));
const write = (name: string, text: string) => {
	mkdirSync(join(dir, name, '..'), { recursive: true });
	writeFileSync(join(dir, name), text);
	return join(dir, name);
};
const matches = (file: string, title: string) => declaredTests(file).some((test) => test.pattern.test(title));
afterEach(() => clearTestTitleCache());

describe('declaredTests', () => {
	it('joins nested describe blocks and the test title with " › "', () => {
		const file = write('nested.test.ts', `describe('auth', () => { describe('tokens', () => { it('rejects an expired token', () => {}); }); test.skip('skipped one', () => {}); });`);
		expect(declaredTests(file).map((test) => test.written)).toEqual(['auth › tokens › rejects an expired token', 'auth › skipped one']);
		expect(matches(file, 'auth › tokens › rejects an expired token')).toBe(true);
		expect(matches(file, 'tokens › rejects an expired token')).toBe(false);
		expect(matches(file, 'auth › tokens › rejects an expired')).toBe(false);
	});

	it('lets a computed part of a title (template, variable, %s) match any text, and nothing else', () => {
		const file = write('computed.test.ts', 'for (const scope of scopes) it(`answers 403 without ${scope}`, () => {});\nit.each(rows)("row %s is valid", () => {});\ndescribe(name, () => { it("x", () => {}); });');
		expect(matches(file, 'answers 403 without users:read')).toBe(true);
		expect(matches(file, 'answers 401 without users:read')).toBe(false);
		expect(matches(file, 'row 3 is valid')).toBe(true);
		expect(matches(file, 'hono-service › x')).toBe(true);
	});

	it('follows a helper that declares tests into its file, with the caller’s describe blocks around it', () => {
		write('suite.ts', 'export function defineSuite(label: string) { describe(`API on ${label}`, () => { it("reads your own invoice", () => {}); }); }');
		const runner = write('api.test.ts', "import { defineSuite } from './suite.ts';\ndescribe('outer', () => defineSuite('PGlite'));");
		expect(matches(runner, 'outer › API on PGlite › reads your own invoice')).toBe(true);
		expect(matches(runner, 'API on PGlite › reads your own invoice')).toBe(false);
	});

	it('reads Playwright’s test.describe and ignores hooks and steps', () => {
		const file = write('site.spec.ts', "test.describe('search', () => { test.beforeEach(() => {}); test('finds it', async () => { await test.step('types', () => {}); }); });");
		expect(declaredTests(file).map((test) => test.written)).toEqual(['search › finds it']);
	});

	it('reads pytest functions at module level and in Test classes, and nothing in other classes', () => {
		const file = write(
			'tests/test_api.py',
			[
				'import pytest',
				'',
				'class Helper:',
				'    def test_not_a_test(self): ...',
				'',
				'class TestUsers:',
				'    @pytest.mark.parametrize("x", [1, 2])',
				'    async def test_registers(self, x):',
				'        pass',
				'',
				'    def helper(self): ...',
				'',
				'def test_module_level():',
				'    pass',
			].join('\n'),
		);
		expect(declaredTests(file).map((test) => test.written)).toEqual(['TestUsers › test_registers', 'test_module_level']);
	});

	it('refuses a file that does not exist', () => {
		expect(() => declaredTests(join(dir, 'missing.test.ts'))).toThrow(/does not exist/);
	});
});
