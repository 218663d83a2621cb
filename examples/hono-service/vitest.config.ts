import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite boots a WASM Postgres per file: generous hooks on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
