/**
 * Timing marks of a build, for the benchmark (scripts/bench/): when CASEBOOK_BUILD_MARKS names a
 * file, each boundary between phases appends one JSON line `{"mark":…,"at":<epoch ms>,…}` to it,
 * from Astro's integration hooks and from scripts/build.ts. Without it the integration does
 * nothing, so that the harness need not read Astro's log text.
 */
import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/** The environment variable that names the marks file. */
export const BUILD_MARKS = 'CASEBOOK_BUILD_MARKS';

/** One mark: its name, when (ms since the epoch), and what it counted. */
export interface BuildMark {
	mark: 'configured' | 'synced' | 'bundled' | 'rendered' | 'done' | 'checked' | 'indexed' | 'images';
	at: number;
	/** Pages written (done) or indexed (indexed), share images drawn rather than taken from the cache (images). */
	pages?: number;
	/** Duration of the step, when the step times itself (checked, indexed). */
	ms?: number;
}

/** Appends a mark, when a marks file is named. */
export function buildMark(mark: BuildMark['mark'], detail: Pick<BuildMark, 'pages' | 'ms'> = {}): void {
	const file = process.env[BUILD_MARKS];
	if (file) appendFileSync(file, `${JSON.stringify({ mark, at: Date.now(), ...detail })}\n`);
}

/** The integration: Astro's phases as marks. */
export function buildMarksIntegration(): AstroIntegration {
	return {
		name: 'breach-casebook:build-marks',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				if (!process.env[BUILD_MARKS]) return;
				// Vite runs the `post` buildApp hooks once the bundles are built, ours before Astro's,
				// which renders the pages.
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'breach-casebook:bundled',
								buildApp: { order: 'post', handler: async () => buildMark('bundled') },
							},
						],
					},
				});
			},
			'astro:config:done': () => buildMark('configured'),
			'astro:build:start': () => buildMark('synced'),
			'astro:build:generated': () => buildMark('rendered'),
			'astro:build:done': ({ pages }) => buildMark('done', { pages: pages.length }),
		},
	};
}
