import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit and integration tests only: e2e/*.spec.ts belong to Playwright.
  test: { include: ['lib/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 60_000 },
});
