/**
 * Refuses to ship localhost links: a build without SITE_URL warns, at its start and again at its
 * end where the warning is not buried, naming every output affected; a build for deployment (CI,
 * or `--production`) without it fails before rendering anything.
 */
import type { AstroIntegration } from 'astro';
import { siteUrlProblem } from '../site-config.ts';

export function siteUrlIntegration(): AstroIntegration {
	const problem = () => siteUrlProblem(process.env, process.argv);
	return {
		name: 'breach-casebook:site-url',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				const found = command === 'build' ? problem() : undefined;
				if (found?.level === 'error') throw new Error(found.message);
				if (found) logger.warn(found.message);
			},
			'astro:build:done': ({ logger }) => {
				const found = problem();
				if (found) logger.warn(found.message);
			},
		},
	};
}
