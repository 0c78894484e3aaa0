/**
 * How to cite a case study: plain text (APA-like), BibTeX and CSL-JSON, from the same facts.
 */
import type { Incident } from './model.ts';
import { partialDate, formatPartialDate } from '../schemas/partial-date.ts';
import { SITE_TITLE } from '../site-config.ts';

/** What every citation format needs. */
export interface CitationInput {
	incident: Incident;
	/** The canonical URL of the case page. */
	url: string;
	/** When the reader accessed it (YYYY-MM-DD); the build date. */
	accessed: string;
}

const issued = (i: Incident) => i.data.updated ?? i.data.added;

/** "Breach Casebook. (2026, November 23). Title. Retrieved …, from URL" */
export function plainCitation({ incident, url, accessed }: CitationInput): string {
	const d = partialDate(issued(incident));
	const month = formatPartialDate(d).split(' ')[1];
	const updated = incident.data.updated
		? ` (updated ${formatPartialDate(partialDate(incident.data.updated))}; first published ${formatPartialDate(partialDate(incident.data.added))})`
		: '';
	return `${SITE_TITLE}. (${d.year}, ${month} ${d.day}). ${incident.data.title}${updated}. ${SITE_TITLE}. Retrieved ${formatPartialDate(partialDate(accessed))}, from ${url}`;
}

/** A BibTeX `@misc` entry keyed by the slug. */
export function bibtexCitation({ incident, url, accessed }: CitationInput): string {
	const d = partialDate(issued(incident));
	const esc = (s: string) => s.replace(/([{}\\&%$#_^~])/g, '\\$1');
	const fields: [string, string][] = [
		['title', `{${esc(incident.data.title)}}`],
		['author', `{${SITE_TITLE}}`],
		['howpublished', `{${SITE_TITLE}}`],
		['year', `{${d.year}}`],
		['month', `{${d.month}}`],
		['url', `{${url}}`],
		['urldate', `{${accessed}}`],
		[
			'note',
			`{First published ${incident.data.added}${incident.data.updated ? `, updated ${incident.data.updated}` : ''}}`,
		],
	];
	const key = incident.slug.replace(/-/g, '_');
	return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

const dateParts = (text: string) => {
	const d = partialDate(text);
	return { 'date-parts': [[d.year, ...(d.month ? [d.month] : []), ...(d.day ? [d.day] : [])]] };
};

/** A CSL-JSON item, for Zotero and other reference managers. */
export function cslCitation({ incident, url, accessed }: CitationInput): Record<string, unknown> {
	return {
		id: incident.slug,
		type: 'webpage',
		title: incident.data.title,
		'container-title': SITE_TITLE,
		author: [{ literal: SITE_TITLE }],
		abstract: incident.data.summary,
		URL: url,
		issued: dateParts(issued(incident)),
		...(incident.data.updated ? { 'original-date': dateParts(incident.data.added) } : {}),
		accessed: dateParts(accessed),
	};
}
