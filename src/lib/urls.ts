/**
 * Base-aware internal URLs. Every link to a page of this site is built here, so that the site
 * works at `/` and under a sub-path such as `/casebook/`.
 */
// import.meta.env exists under Vite (Astro, Vitest); plain Node scripts (docs, checks) get the root.
const BASE: string = import.meta.env?.BASE_URL ?? '/';

/** `path` under the configured base: `url('incidents/')` → `/casebook/incidents/`. */
export function url(path = ''): string {
	const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
	return base + path.replace(/^\/+/, '');
}

/** The absolute URL of a path, for canonical links, feeds and exports. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
	return new URL(url(path), site ?? 'http://localhost').href;
}

/** The page of one case study. */
export const incidentPath = (slug: string) => `incidents/${slug}/`;
/** The file name of a share image (`og:image`), beside the page it shows: `share.png`, `incidents/<slug>/share.png`. */
export const SHARE_IMAGE_FILE = 'share.png';
/** The browse page of one facet value. */
export const browsePath = (facet: string, value?: string) => (value ? `browse/${facet}/${value}/` : `browse/${facet}/`);
/** The timeline, or the timeline of one year of disclosure (`2024`, `unknown`), or of one month in it (`03`, `unknown`). */
export const timelinePath = (year?: string, month?: string) =>
	year ? (month ? `timeline/${year}/${month}/` : `timeline/${year}/`) : 'timeline/';
/**
 * Page `n` of a listing at `path`: the first page is the listing itself, then `path/2/` and on,
 * or `path/page/2/` where the listing's own children are other pages (case studies).
 */
export const pagePath = (path: string, n: number, segment = '') => (n <= 1 ? path : `${path}${segment}${n}/`);
/** The register's listing, or the page of one filing. */
export const registerPath = (id?: string) => (id ? `register/${id}/` : 'register/');
/** The register's browse index, a facet's values, or the filings with one value. */
export const registerBrowsePath = (facet?: string, value?: string) =>
	facet ? (value ? `register/browse/${facet}/${value}/` : `register/browse/${facet}/`) : 'register/browse/';
/** The index of organizations, or one organization's page. */
export const organizationPath = (slug?: string) => (slug ? `organizations/${slug}/` : 'organizations/');
/** The register's statistics, and what each import changed (with its Atom feed). */
export const registerStatsPath = 'register/stats/';
export const registerChangesPath = 'register/changes/';
export const registerChangesFeedPath = 'register/changes.xml';
