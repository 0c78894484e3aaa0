import { OPEN_DATA_FILES } from './datasets.ts';
import { absoluteUrlOutputs } from './lib/open-data.ts';
import { normalizeBase } from './lib/urls.ts';

/** The origin a build without SITE_URL writes into its absolute URLs: right for `npm run dev`, wrong anywhere else. */
export const PLACEHOLDER_SITE = 'http://localhost:4321';

/** The site's public URL and base path, from SITE_URL and BASE_PATH. */
export function siteConfig(env: Record<string, string | undefined> = process.env): { site: string; base: string } {
	const site = (env.SITE_URL || PLACEHOLDER_SITE).replace(/\/+$/, '');
	return { site, base: normalizeBase(env.BASE_PATH) };
}

/** Every output that carries an absolute URL built from SITE_URL, named in the warning of a build without it. */
export const SITE_URL_OUTPUTS: readonly string[] = [
	'canonical links, og:url and og:image on every page',
	'the JSON-LD of the home page and of every case study',
	'rss.xml, atom.xml and the register’s feeds (its changes, each state, each organization followed)',
	'the sitemap and the Sitemap line of robots.txt',
	'every "Cite this case study" block (plain text, BibTeX, CSL-JSON)',
	...absoluteUrlOutputs(OPEN_DATA_FILES),
];

/**
 * A build for deployment: in CI (the CI variable that GitHub Actions, GitLab, Netlify and
 * Cloudflare Pages set) or when asked for with `--production`.
 */
export function isDeployBuild(env: Record<string, string | undefined>, argv: readonly string[]): boolean {
	const ci = env.CI?.trim().toLowerCase();
	return argv.includes('--production') || (!!ci && ci !== 'false' && ci !== '0');
}

/**
 * What is wrong with building without SITE_URL: nothing when it is set; a warning naming every
 * affected output in a local build; an error in a build for deployment, which must not ship
 * localhost links.
 */
export function siteUrlProblem(
	env: Record<string, string | undefined>,
	argv: readonly string[],
): { level: 'warning' | 'error'; message: string } | undefined {
	if (env.SITE_URL) return undefined;
	const outputs = SITE_URL_OUTPUTS.map((o) => `  - ${o}`).join('\n');
	const fix = 'Set SITE_URL to the public origin, e.g. SITE_URL=https://casebook.example.org npm run build';
	if (isDeployBuild(env, argv))
		return {
			level: 'error',
			message: `SITE_URL is not set, and this is a build for deployment (${argv.includes('--production') ? '--production' : `CI=${env.CI}`}): every absolute URL would point at ${PLACEHOLDER_SITE}.\n${fix}.`,
		};
	return {
		level: 'warning',
		message: `SITE_URL is not set: these outputs point at ${PLACEHOLDER_SITE}, fine for a local look, wrong once deployed:\n${outputs}\n${fix}.`,
	};
}
