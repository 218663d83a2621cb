import { defineConfig } from 'vitest/config';

// The handbook's `npm test` sets TEST_REPORTS_DIR to read which tests ran and passed (its check
// that every rule's named proof did); nothing is written without it.
const reports = process.env.TEST_REPORTS_DIR;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite boots a WASM Postgres per file: generous hooks on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    reporters: reports ? ['default', 'json'] : ['default'],
    outputFile: reports ? { json: `${reports}/vitest.json` } : undefined,
  },
});
