/**
 * A page's breadcrumb trail: the links back up the site above its heading. The visible trail and
 * its schema.org `BreadcrumbList` are both drawn from one `BreadcrumbTrail`, so they cannot differ.
 */
import type { SiteRoot } from './urls.ts';

/** One link of a trail: its text and its href as the page links it (base included: `url('register/')`). */
export interface Crumb {
	label: string;
	href: string;
}

/** The links above a page, outermost first, and the page itself (its heading and its own href). */
export interface BreadcrumbTrail {
	links: readonly Crumb[];
	current: Crumb;
}

/**
 * The trail as a schema.org `BreadcrumbList`: each link, then the page itself, numbered from 1,
 * with absolute URLs, as Google's breadcrumb guidance asks (at least two items).
 */
export function breadcrumbListJsonLd(trail: BreadcrumbTrail, site: SiteRoot): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: [...trail.links, trail.current].map((crumb, i) => ({
			'@type': 'ListItem',
			position: i + 1,
			name: crumb.label,
			item: new URL(crumb.href, site).href,
		})),
	};
}
