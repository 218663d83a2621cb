import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Modules a file loads at run time: `import type` and `export type` are erased, so not counted. */
const runtimeImports = (code: string) => [...code.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
/** The frontend's files: everything but the API itself (server/) and its mount in Next (app/api/). */
function frontendFiles(dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const inside = relative(root, path);
    if (/^(node_modules|\.next|server|e2e|app\/api)$/.test(inside)) return [];
    if (statSync(path).isDirectory()) return frontendFiles(path);
    return /\.tsx?$/.test(name) ? [inside] : [];
  });
}

describe('the contract module (server/contract.ts)', () => {
  it('loads Zod and nothing of the API at run time', () => {
    expect(runtimeImports(read('server/contract.ts'))).toEqual(['zod']);
  });

  it('is the only module of server/ the frontend imports: types come from the schema, not from the API', () => {
    const files = frontendFiles();
    expect(files).toContain('lib/api-client.ts');
    const offending = files.flatMap((file) =>
      [...read(file).matchAll(/from\s+'(@\/server\/[^']+|\.\.?\/[^']*server\/[^']+)'/g)]
        .map((match) => match[1]!)
        .filter((specifier) => !/server\/contract$/.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
