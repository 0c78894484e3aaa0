/**
 * What Pagefind indexes for a case study besides its text: filters (from the facets, with their
 * labels), sort keys and result metadata. Derived from the model, like every other view.
 */
import { facets } from './facets.ts';
import { formatCount } from './format.ts';
import type { Incident } from './model.ts';
import { formatPartialDate, sortKey } from '../schemas/partial-date.ts';
import { SEARCH_FILTER_KEYS, UNKNOWN, type SearchMeta, type SearchSortKey } from './search-fields.ts';

/** Filters, metadata and sort keys of one case study, as `[name, value]` pairs. */
export function searchRecord(incident: Incident) {
	const filters: [string, string][] = [];
	for (const key of SEARCH_FILTER_KEYS) {
		const facet = facets.find((f) => f.key === key)!;
		for (const value of facet.values(incident)) filters.push([key, value.label]);
	}
	const count = incident.data.individualsAffected.count;
	const meta: SearchMeta = {
		organization: incident.data.organization.name,
		date: incident.disclosed ? formatPartialDate(incident.disclosed) : UNKNOWN,
		affected: count === null ? UNKNOWN : formatCount(count),
		summary: incident.data.summary,
	};
	const sort: Record<SearchSortKey, string> = {
		// Zero-padded so that Pagefind's string sort is also numeric.
		disclosed: String(incident.disclosed ? sortKey(incident.disclosed) : 0).padStart(6, '0'),
		affected: String(count ?? 0).padStart(12, '0'),
	};
	return { filters, meta: Object.entries(meta), sort: Object.entries(sort) };
}
