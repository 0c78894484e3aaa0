import { normalizeBase } from './lib/urls.ts';

/** The site's public URL and base path, from SITE_URL and BASE_PATH. */
export function siteConfig(env: Record<string, string | undefined> = process.env): { site: string; base: string } {
	const site = (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
	return { site, base: normalizeBase(env.BASE_PATH) };
}

/** The casebook's name and one-line description, used in titles, feeds and metadata. */
export const SITE_TITLE = 'Breach Casebook';
export const SITE_DESCRIPTION =
	'Case studies of healthcare privacy incidents: what leaked, how, for how long, and what it cost. Every fact with its source.';
