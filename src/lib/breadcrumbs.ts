/**
 * A page's breadcrumb trail as schema.org `BreadcrumbList`, from the same `Crumb`s that the
 * visible trail (src/components/Breadcrumbs.astro) draws, so that the two cannot differ.
 */
import type { Crumb } from './dataset.ts';
import { absoluteUrl, type SiteRoot } from './urls.ts';

/**
 * The pages above a page and the page itself as a `BreadcrumbList`: numbered from 1, with
 * absolute URLs, as Google's breadcrumb guidance asks (at least two items).
 */
export function breadcrumbListJsonLd(trail: readonly Crumb[], current: Crumb, site: SiteRoot): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: [...trail, current].map((crumb, i) => ({
			'@type': 'ListItem',
			position: i + 1,
			name: crumb.label,
			item: absoluteUrl(crumb.path, site),
		})),
	};
}
