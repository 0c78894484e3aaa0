/** schema.org metadata for search engines, derived from the model. */
import type { Incident } from './casebook/model.ts';
import { absoluteUrl, incidentPath, SHARE_IMAGE_FILE, type SiteRoot } from './urls.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './site-name.ts';

/** The longest headline search engines show in full; Google's Article guidance. */
export const HEADLINE_LIMIT = 110;

/** `title` cut at a word to at most HEADLINE_LIMIT characters, with an ellipsis where it was cut. */
export function fitHeadline(title: string, limit = HEADLINE_LIMIT): string {
	if (title.length <= limit) return title;
	const cut = title.slice(0, limit - 1);
	// Drop the word the cut went through, unless it ended just there, and any punctuation left hanging.
	const whole = /\s/.test(title[limit - 1]!) ? cut : cut.replace(/\s+\S*$/, '');
	const word = whole.replace(/[\s,;:–—-]+$/, '');
	return `${word.length > limit / 2 ? word : cut}…`;
}

const casebook = (site: SiteRoot) => ({ '@type': 'Organization', name: SITE_TITLE, url: absoluteUrl('', site) });

/** A schema.org `Article` about the organization. */
export function articleJsonLd(incident: Incident, site: SiteRoot): Record<string, unknown> {
	const { data } = incident;
	const page = absoluteUrl(incidentPath(incident.slug), site);
	return {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: fitHeadline(data.title),
		...(data.title.length > HEADLINE_LIMIT ? { alternativeHeadline: data.title } : {}),
		description: data.summary,
		url: page,
		mainEntityOfPage: { '@type': 'WebPage', '@id': page },
		image: absoluteUrl(`${incidentPath(incident.slug)}${SHARE_IMAGE_FILE}`, site),
		datePublished: data.added,
		dateModified: data.updated ?? data.added,
		inLanguage: 'en',
		author: casebook(site),
		about: {
			'@type': 'Organization',
			name: data.organization.name,
			...(data.organization.legalName ? { legalName: data.organization.legalName } : {}),
			...(data.organization.parent
				? { parentOrganization: { '@type': 'Organization', name: data.organization.parent } }
				: {}),
		},
		publisher: casebook(site),
		citation: data.sources.map((s) => ({
			'@type': 'CreativeWork',
			name: s.title,
			url: s.url,
			publisher: s.publisher,
			datePublished: s.published,
		})),
	};
}

/** The home page's schema.org `WebSite`, with the search page as its `SearchAction`. */
export function webSiteJsonLd(site: SiteRoot): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'WebSite',
		name: SITE_TITLE,
		description: SITE_DESCRIPTION,
		url: absoluteUrl('', site),
		inLanguage: 'en',
		publisher: casebook(site),
		potentialAction: {
			'@type': 'SearchAction',
			target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('search/', site)}?q={search_term_string}` },
			'query-input': 'required name=search_term_string',
		},
	};
}
