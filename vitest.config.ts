import { defineConfig } from 'vitest/config';

// Two projects: `unit` (the site's pure modules and the scripts' helpers, seconds) and `build`
// (whole Astro builds that must succeed or fail with a given message, minutes).
// `npm run test:unit` and `npm run test:build` run one each; `npm test` runs both.
const buildTests = ['scripts/site-build.test.ts', 'scripts/site-plugins.test.ts'];

export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: buildTests } },
			// Build-failure tests run whole Astro builds: give them room on a 2-core machine.
			{ test: { name: 'build', include: buildTests, testTimeout: 120_000 } },
		],
	},
});
