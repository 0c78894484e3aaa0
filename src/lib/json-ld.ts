/** schema.org metadata for search engines, derived from the model. */
import type { Incident } from './model.ts';
import { absoluteUrl, incidentPath, type SiteRoot } from './urls.ts';
import { SITE_TITLE } from '../site-config.ts';

/** A schema.org `Article` about the organization. */
export function articleJsonLd(incident: Incident, site: SiteRoot): Record<string, unknown> {
	const { data } = incident;
	return {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: data.title,
		description: data.summary,
		url: absoluteUrl(incidentPath(incident.slug), site),
		datePublished: data.added,
		dateModified: data.updated ?? data.added,
		inLanguage: 'en',
		about: {
			'@type': 'Organization',
			name: data.organization.name,
			...(data.organization.parent
				? { parentOrganization: { '@type': 'Organization', name: data.organization.parent } }
				: {}),
		},
		publisher: { '@type': 'Organization', name: SITE_TITLE, url: absoluteUrl('', site) },
		citation: data.sources.map((s) => ({
			'@type': 'CreativeWork',
			name: s.title,
			url: s.url,
			publisher: s.publisher,
			datePublished: s.published,
		})),
	};
}
