import { defineConfig } from 'vitest/config';

/**
 * Two lanes. `unit` (npm run test:unit) calls code in process, and is what a developer runs on
 * every save: it starts no build, spawns no script and stays under 15 s. `slow` (npm run
 * test:slow) holds the proofs that need a real build or a real command line: the build stops on a
 * bad write-up and keeps the previous site, a build without SITE_URL warns or fails, `npm run new`
 * scaffolds, and a full build of 1,200 synthetic case studies. Its files run one after another,
 * because builds share Astro's cache in .astro/; `npm test` runs the lane once.
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					// The files share one module graph per worker rather than importing the model afresh each:
					// importing was most of the lane's time. No test keeps state in a module.
					isolate: false,
				},
			},
			{
				test: {
					name: 'slow',
					include: ['tests/slow/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 180_000,
				},
			},
		],
	},
});
