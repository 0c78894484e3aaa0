import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		// The bad-content tests run the real check and build; give them room on a 2-core machine.
		testTimeout: 120_000,
		// Files one at a time: the bad-content and scale tests both run real builds, which share
		// Astro's cache in .astro/ and must not overlap.
		fileParallelism: false,
	},
});
