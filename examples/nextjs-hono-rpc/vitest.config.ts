import { defineConfig } from 'vitest/config';

// The handbook's `npm test` sets TEST_REPORTS_DIR to read which tests ran and passed (its check
// that every rule's named proof did); nothing is written without it.
const reports = process.env.TEST_REPORTS_DIR;

export default defineConfig({
  // Unit tests only: e2e/*.spec.ts belong to Playwright.
  test: {
    include: ['server/**/*.test.ts', 'lib/**/*.test.ts'],
    reporters: reports ? ['default', 'json'] : ['default'],
    outputFile: reports ? { json: `${reports}/vitest.json` } : undefined,
  },
});
