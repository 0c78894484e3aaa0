/** schema.org metadata for search engines, derived from the model. */
import type { Incident } from './casebook/model.ts';
import { casebook as casebookData } from './casebook/dataset.ts';
import type { OpenDataFile } from './open-data.ts';
import { register as registerData } from './register/dataset.ts';
import type { Organization, RegisterModel } from './register/model.ts';
import { registerDescription } from './register/text.ts';
import { HHS_PORTAL_URL } from './register/read-hhs-export.ts';
import { absoluteUrl, incidentPath, organizationPath, SHARE_IMAGE_FILE, type SiteRoot } from './urls.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './site-name.ts';
import { sortKey } from '../schemas/partial-date.ts';

/** JSON-LD as the text of a `<script type="application/ld+json">`: `<` escaped, so that no string in it can close the element. */
export function jsonLdText(data: Record<string, unknown>): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}

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

/** A day as a date-time with its time zone, as Google's Article guidance asks: the casebook dates in UTC, as its feeds do. */
export const dayInUtc = (day: string) => `${day}T00:00:00Z`;

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
		datePublished: dayInUtc(data.added),
		dateModified: dayInUtc(data.updated ?? data.added),
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

/** What a schema.org `Dataset` says, for Google's Dataset Search and other catalogues. */
export interface DatasetDescription {
	name: string;
	/** 50 to 5,000 characters, as Google asks. */
	description: string;
	/** The page that describes it. */
	page: string;
	/** Its open-data files, as its dataset lists them: each JSON or CSV file is a download. */
	files: readonly OpenDataFile[];
	/** The period the data covers, as an ISO 8601 interval: `2009-10-21/2026-06-30`. */
	temporalCoverage: string;
	/** The licence's URL; left out where none has been chosen. */
	license?: string;
	keywords: readonly string[];
	isBasedOn?: string;
}

/** A file's media type without its parameters: `text/csv; charset=utf-8` → `text/csv`. */
const mediaType = (f: OpenDataFile) => f.type.split(';')[0]!.trim();
/** The data itself, as JSON or CSV: not a schema or a feed, nor a family of one file per item. */
const isDownload = (f: OpenDataFile) =>
	['application/json', 'text/csv'].includes(mediaType(f)) && !f.path.includes('<slug>');

/** The United States, which both datasets cover. */
const UNITED_STATES = { '@type': 'Country', name: 'United States' };

/** A schema.org `Dataset`, each file a `DataDownload` with its media type. */
export function datasetJsonLd(d: DatasetDescription, site: SiteRoot): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name: d.name,
		description: d.description,
		url: absoluteUrl(d.page, site),
		...(d.license ? { license: d.license } : {}),
		isAccessibleForFree: true,
		creator: casebook(site),
		publisher: casebook(site),
		keywords: d.keywords,
		temporalCoverage: d.temporalCoverage,
		spatialCoverage: UNITED_STATES,
		...(d.isBasedOn ? { isBasedOn: d.isBasedOn } : {}),
		distribution: d.files.filter(isDownload).map((f) => ({
			'@type': 'DataDownload',
			name: f.path,
			description: f.description,
			encodingFormat: mediaType(f),
			contentUrl: absoluteUrl(f.path, site),
		})),
	};
}

/**
 * The HHS register is U.S. government data, free of copyright in the United States (17 U.S.C.
 * 105), which the Public Domain Mark says. The casebook's own licence is not chosen yet, so its
 * Dataset names none.
 */
export const REGISTER_LICENSE = 'https://creativecommons.org/publicdomain/mark/1.0/';

/** The casebook as a `Dataset`: its case studies as JSON and CSV, over the years of their disclosure. */
export function casebookDatasetJsonLd(incidents: readonly Incident[], site: SiteRoot): Record<string, unknown> {
	const disclosed = incidents
		.flatMap((i) => (i.disclosed ? [i.disclosed] : []))
		.sort((a, b) => sortKey(a) - sortKey(b));
	return datasetJsonLd(
		{
			name: `${SITE_TITLE}: case studies of healthcare privacy incidents`,
			description: `${SITE_DESCRIPTION} ${incidents.length} case studies, each with the organization, the dates of exposure, discovery, notification and disclosure, the people affected, the data exposed, how it happened and the sources of every fact.`,
			page: 'data/',
			files: casebookData.files,
			temporalCoverage: disclosed.length ? `${disclosed[0]!.value}/${disclosed.at(-1)!.value}` : '..',
			keywords: ['healthcare', 'data breach', 'privacy', 'HIPAA', 'case studies'],
		},
		site,
	);
}

/** The register as a `Dataset`: every filing, as JSON and CSV, over the dates they were filed. */
export function registerDatasetJsonLd(model: RegisterModel, site: SiteRoot): Record<string, unknown> {
	const filed = model.filings.map((f) => f.record.submitted).sort();
	return datasetJsonLd(
		{
			name: 'The HHS breach register (HIPAA breaches affecting 500 or more people)',
			description: registerDescription(model),
			page: registerData.home,
			files: registerData.files,
			temporalCoverage: filed.length ? `${filed[0]}/${filed.at(-1)}` : '..',
			license: REGISTER_LICENSE,
			keywords: ['healthcare', 'data breach', 'HIPAA', 'HHS Office for Civil Rights', 'breach portal'],
			isBasedOn: HHS_PORTAL_URL,
		},
		site,
	);
}

/** An organization page's schema.org `Organization`: its name, the states its filings name, and the page about it. */
export function organizationJsonLd(organization: Organization, site: SiteRoot): Record<string, unknown> {
	const page = absoluteUrl(organizationPath(organization.slug), site);
	const states = [...new Set(organization.filings.flatMap((f) => (f.record.state ? [f.record.state] : [])))].sort();
	const names = [...new Set(organization.filings.map((f) => f.record.name))].filter((n) => n !== organization.name);
	return {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: organization.name,
		...(names.length ? { alternateName: names } : {}),
		...(states.length
			? {
					address: states.map((state) => ({
						'@type': 'PostalAddress',
						addressRegion: state,
						addressCountry: 'US',
					})),
				}
			: {}),
		mainEntityOfPage: { '@type': 'WebPage', '@id': page },
		subjectOf: organization.caseStudies.map((i) => ({
			'@type': 'Article',
			headline: fitHeadline(i.data.title),
			url: absoluteUrl(incidentPath(i.slug), site),
		})),
	};
}
