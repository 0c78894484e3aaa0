/** Links of this build: the pure helpers of src/lib/urls.ts bound to Astro's base path. */
import { pathWithBase, siteRoot as rootUnder, type SiteRoot } from '../lib/urls.ts';

/** `path` under the configured base: `url('incidents/')` → `/casebook/incidents/`. */
export function url(path = ''): string {
	return pathWithBase(path, import.meta.env.BASE_URL);
}

/** The root of this build's site at `site` (Astro's `site`), for absolute URLs. */
export function siteRoot(site: URL | string | undefined): SiteRoot {
	return rootUnder(site, import.meta.env.BASE_URL);
}
