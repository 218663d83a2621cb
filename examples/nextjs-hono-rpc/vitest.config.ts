import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests only: e2e/*.spec.ts belong to Playwright.
  test: { include: ['server/**/*.test.ts', 'lib/**/*.test.ts'] },
});
