/**
 * How to cite a case study: plain text (APA-like), BibTeX and CSL-JSON, from the same facts.
 */
import type { Incident } from './model.ts';
import { partialDate, formatPartialDate } from '../../schemas/partial-date.ts';
import { SITE_TITLE } from '../site-name.ts';

/** What every citation format needs. */
export interface CitationInput {
	incident: Incident;
	/** The canonical URL of the case page. */
	url: string;
}

// A case study changes when its facts are updated, so a citation carries the date of the version
// cited (updated, else first published), as APA 7 advises for pages that change; the date the
// reader accessed it is the reader's, which a reference manager adds when it saves the item.
const issued = (i: Incident) => i.data.updated ?? i.data.added;

/**
 * APA 7 for a web page whose author is the site: "Breach Casebook. (2026, November 23). Title.
 * URL", the site's name given once, as author, not again as the site.
 */
export function plainCitation({ incident, url }: CitationInput): string {
	const d = partialDate(issued(incident));
	const month = formatPartialDate(d).split(' ')[1];
	const updated = incident.data.updated
		? ` (updated ${formatPartialDate(partialDate(incident.data.updated))}; first published ${formatPartialDate(partialDate(incident.data.added))})`
		: '';
	return `${SITE_TITLE}. (${d.year}, ${month} ${d.day}). ${incident.data.title}${updated}. ${url}`;
}

/** Braces every word that holds a capital letter: "Meta Pixel in MyChart" → "{Meta} {Pixel} in {MyChart}". */
export function protectCapitals(title: string): string {
	return title.replace(/\S*\p{Lu}\S*/gu, (word) => `{${word}}`);
}

/**
 * A BibTeX `@misc` entry keyed by the slug. The author is corporate, in double braces, so that
 * BibTeX and biber do not read "Breach Casebook" as first name "Breach", last name "Casebook";
 * every word of the title with a capital is braced, so that styles and reference managers that
 * put titles in sentence case keep its proper nouns (a title braced whole is not protected: Better
 * BibTeX, for one, takes it for title case and lower-cases it).
 */
export function bibtexCitation({ incident, url }: CitationInput): string {
	const d = partialDate(issued(incident));
	const esc = (s: string) => s.replace(/([{}\\&%$#_^~])/g, '\\$1');
	const fields: [string, string][] = [
		['title', `{${protectCapitals(esc(incident.data.title))}}`],
		['author', `{{${SITE_TITLE}}}`],
		['howpublished', `{${SITE_TITLE}}`],
		['year', `{${d.year}}`],
		['month', `{${d.month}}`],
		// biblatex reads the whole day from `date`; BibTeX styles, which know no day, keep year and month.
		...(d.day ? ([['date', `{${issued(incident)}}`]] as [string, string][]) : []),
		['url', `{${url}}`],
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

/**
 * A CSL-JSON item, for Zotero and other reference managers. The casebook is the author and so not
 * also the container: APA omits a site's name that repeats its author's, and CSL styles would print
 * it twice. `issued` is the date of the version the reader sees; an updated case study has no
 * `original-date`, which CSL keeps for a reprint's first edition (APA would print "Original work
 * published", Chicago the year twice).
 */
export function cslCitation({ incident, url }: CitationInput): Record<string, unknown> {
	return {
		id: incident.slug,
		type: 'webpage',
		title: incident.data.title,
		author: [{ literal: SITE_TITLE }],
		abstract: incident.data.summary,
		URL: url,
		issued: dateParts(issued(incident)),
	};
}
