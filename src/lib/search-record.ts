/**
 * What Pagefind indexes for a case study besides its text: filters (from the facets, with their
 * labels), sort keys and result metadata. Derived from the model, like every other view.
 */
import { facets } from './facets.ts';
import { formatCount } from './format.ts';
import type { Incident } from './model.ts';
import { formatPartialDate, sortKey } from './partial-date.ts';

/** The facets offered as search filters. */
export const SEARCH_FILTER_KEYS = [
	'year',
	'breach-type',
	'vector',
	'data-class',
	'organization-type',
	'state',
	'recipient',
] as const;

/** Filters, metadata and sort keys of one case study, as `[name, value]` pairs. */
export function searchRecord(incident: Incident) {
	const filters: [string, string][] = [];
	for (const key of SEARCH_FILTER_KEYS) {
		const facet = facets.find((f) => f.key === key)!;
		for (const value of facet.values(incident)) filters.push([key, value.label]);
	}
	const count = incident.data.individualsAffected.count;
	const meta: [string, string][] = [
		['organization', incident.data.organization.name],
		['date', incident.disclosed ? formatPartialDate(incident.disclosed) : 'unknown'],
		['affected', count === null ? 'unknown' : formatCount(count)],
		['summary', incident.data.summary],
	];
	const sort: [string, string][] = [
		// Zero-padded so that Pagefind's string sort is also numeric.
		['disclosed', String(incident.disclosed ? sortKey(incident.disclosed) : 0).padStart(6, '0')],
		['affected', String(count ?? 0).padStart(12, '0')],
	];
	return { filters, meta, sort };
}
