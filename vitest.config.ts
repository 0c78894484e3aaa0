import { defineConfig } from 'vitest/config';

/**
 * Four lanes. `unit` (npm run test:unit) calls code in process, and is what a developer runs on
 * every save: it starts no build, spawns no script and stays under 15 s. `slow` (npm run
 * test:slow) holds the proofs that need a real build: the build stops on a bad write-up and keeps
 * the previous site, a build without SITE_URL warns or fails, and a full build of 800 synthetic
 * case studies. Its files run one after another, because builds share Astro's cache in .astro/.
 * `tools` (npm run test:tools) runs the command-line tools as a user would, each in a folder of
 * its own: `npm run new`, `fetch:hhs` in Chromium against a stand-in portal, and the register
 * rebuilt from every export. It builds nothing, so `npm test` runs it beside the production build.
 * `dist` (npm run test:dist) runs both HTML validators over the production build in dist/: it
 * reads files only, so `npm test` runs it beside the slow lane.
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
			{
				test: {
					name: 'tools',
					include: ['tests/tools/**/*.test.ts'],
					testTimeout: 180_000,
				},
			},
			{
				test: {
					name: 'dist',
					include: ['tests/dist/**/*.test.ts'],
					testTimeout: 180_000,
				},
			},
		],
	},
});
