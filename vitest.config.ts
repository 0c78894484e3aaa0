import { defineConfig } from 'vitest/config';

/**
 * Two lanes. `unit` (npm run test:unit) calls code in process; its only builds are the few
 * build-level proofs in tests/unit/bad-content.test.ts, which run one after another in that file.
 * `scale` (npm run test:scale) is the one slow proof: a full build of 2,400 synthetic case studies.
 * Builds share Astro's cache in .astro/, so the lanes run one after the other, never together.
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					// The bad-content file's builds, on a 2-core machine.
					testTimeout: 120_000,
				},
			},
			{
				test: {
					name: 'scale',
					include: ['tests/slow/**/*.test.ts'],
					testTimeout: 120_000,
				},
			},
		],
	},
});
