import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// Build-failure tests run whole Astro builds: give them room on a 2-core machine.
		testTimeout: 120_000,
	},
});
