import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Relative modules a file loads at run time: `import type` / `export type` are erased, so not counted. */
function runtimeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) => join(dirname(file), specifier));
}

/** Every module of src/ that importing `entry` loads, following relative imports. */
function loadedModules(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of runtimeImports(file)) visit(next);
  };
  visit(entry);
  return [...seen].map((file) => relative(src, file)).sort();
}

describe('the contract module (src/contract.ts)', () => {
  it('loads only the schemas and the error-code table at run time: none of the service’s internals', () => {
    const modules = loadedModules(join(src, 'contract.ts'));
    expect(modules).toContain('schemas/index.ts');
    // The codes are part of the contract (the OpenAPI ErrorCode enum is built from them), in schemas/.
    expect(modules).toContain('schemas/error-codes.ts');
    const allowed = (module: string) => module === 'contract.ts' || module.startsWith('schemas/');
    expect(modules.filter((module) => !allowed(module))).toEqual([]);
  });

  it('is what package.json exports to clients, and nothing else of the service', () => {
    const manifest = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8')) as { exports?: Record<string, string> };
    expect(manifest.exports).toEqual({ './contract': './src/contract.ts' });
  });

  it('pulls in no package but Zod (through @hono/zod-openapi)', () => {
    const schemaImports = loadedModules(join(src, 'contract.ts')).flatMap((module) =>
      [...readFileSync(join(src, module), 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'([^.'][^']*)'/gm)].map((match) => match[1]!),
    );
    expect([...new Set(schemaImports)].sort()).toEqual(['@hono/zod-openapi']);
  });
});
