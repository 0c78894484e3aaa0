/**
 * The contract between the search index and the browser code that reads it: the filter, metadata
 * and sort names a case page gives Pagefind (src/lib/search-record.ts writes them) and the values
 * that stand for "not known" (src/scripts/ reads them). Imports nothing, so the browser bundle
 * stays small.
 */

/** The facets offered as search filters, by facet key. */
export const SEARCH_FILTER_KEYS = [
	'year',
	'breach-type',
	'vector',
	'data-class',
	'organization-type',
	'state',
	'recipient',
] as const;

/** The metadata of one result, as the case page writes it; Pagefind adds `title` itself. */
export interface SearchMeta {
	organization: string;
	/** The date of disclosure as readers see it, or `UNKNOWN`. */
	date: string;
	/** The number of individuals affected, formatted, or `UNKNOWN`. */
	affected: string;
	summary: string;
}

/** What a metadata value holds when the fact is not known. */
export const UNKNOWN = 'unknown';

/** The sort keys of a result, and the order each offers. */
export const SEARCH_SORTS = [
	{ key: 'disclosed', dir: 'desc', label: 'Newest disclosure first' },
	{ key: 'disclosed', dir: 'asc', label: 'Oldest disclosure first' },
	{ key: 'affected', dir: 'desc', label: 'Most individuals affected' },
	{ key: 'affected', dir: 'asc', label: 'Fewest individuals affected' },
] as const;

/** A key that results can be sorted by. */
export type SearchSortKey = (typeof SEARCH_SORTS)[number]['key'];
