/**
 * Internal URLs, base-aware: the site works at `/` and under a sub-path such as `/casebook/`. The
 * base is an argument here; src/site/urls.ts binds it to Astro's, and every link goes through one
 * of the two.
 */

/** A base path in its one form, with a slash at each end: `casebook`, `/casebook` → `/casebook/`. */
export function normalizeBase(base: string | undefined = '/'): string {
	const trimmed = base.replace(/^\/*|\/*$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** `path` under `base`: `pathWithBase('incidents/', '/casebook')` → `/casebook/incidents/`. */
export function pathWithBase(path: string, base: string | undefined): string {
	return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** The site's origin and base path, against which absolute URLs are made. */
export type SiteRoot = URL & { readonly __siteRoot: true };

/** The root of a site at `site` (the public origin) under `base`. */
export function siteRoot(site: URL | string | undefined, base: string | undefined): SiteRoot {
	return new URL(normalizeBase(base), site ?? 'http://localhost') as SiteRoot;
}

/** The absolute URL of a path, for canonical links, feeds and exports. */
export function absoluteUrl(path: string, root: SiteRoot): string {
	return new URL(path.replace(/^\/+/, ''), root).href;
}

/** The page of one case study. */
export const incidentPath = (slug: string) => `incidents/${slug}/`;
/** The file name of a share image (`og:image`), beside the page it shows: `share.png`, `incidents/<slug>/share.png`. */
export const SHARE_IMAGE_FILE = 'share.png';
/** The casebook's browse index, a facet's values, or the case studies with one value. */
export const browsePath = (facet?: string, value?: string) =>
	facet ? (value ? `browse/${facet}/${value}/` : `browse/${facet}/`) : 'browse/';
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
/** What one import changed: `register/changes/2026-07-01/`. */
export const registerImportPath = (snapshot: string) => `${registerChangesPath}${snapshot}/`;
/** The filings still at a 500 or 501 placeholder. */
export const registerPlaceholdersPath = 'register/placeholders/';
/** The Atom feed beside a page that has one (a state's filings, an organization): `<page>feed.xml`. */
export const feedPathOf = (pagePath: string) => `${pagePath}feed.xml`;
