/**
 * The contract between the search index and the browser code that reads it: the filter, metadata
 * and sort names that case pages and register filing pages give Pagefind (src/lib/search-record.ts
 * writes them), the kinds of result, and the values that stand for "not known" (src/scripts/ reads
 * them). Imports nothing, so the browser bundle stays small.
 */

/** The filters offered on the search page, in order; each belongs to one kind of result or both. */
export const SEARCH_FILTER_KEYS = [
	'kind',
	'year',
	'state',
	'organization-type',
	'breach-type',
	'location',
	'vector',
	'data-class',
	'recipient',
	'status',
	'business-associate',
] as const;

/** A search filter's name. */
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** The filter that tells case studies from register filings. */
export const KIND_FILTER = 'kind' satisfies SearchFilterKey;

/** The kinds of result: the filter value's slug and label, and how a count of them reads. */
export const SEARCH_KINDS = {
	'case-study': { label: 'Case study', one: 'case study', many: 'case studies', dated: 'disclosed' },
	filing: { label: 'Register filing', one: 'filing', many: 'filings', dated: 'filed' },
} as const;

/** A kind of result, by slug. */
export type SearchKind = keyof typeof SEARCH_KINDS;

/** The kind of a result, from the filters Pagefind returns with it. */
export function kindOfResult(filters: Record<string, readonly string[]>): SearchKind {
	return filters[KIND_FILTER]?.includes(SEARCH_KINDS.filing.label) ? 'filing' : 'case-study';
}

/** The metadata of one result, as its page writes it; Pagefind adds `title` itself. */
export interface SearchMeta {
	organization: string;
	/** The date of disclosure (a case study) or of filing (a filing) as readers see it, or `UNKNOWN`. */
	date: string;
	/** The number of individuals affected, with thousands separators, or `UNKNOWN`. */
	affected: string;
	/**
	 * A case study's summary. A filing has none: Pagefind makes every metadata value searchable,
	 * and a line of words that thousands of filings share ("Healthcare provider", "Network
	 * Server") would make each of those words match thousands of pages. Its line is made from its
	 * filters instead (`filingSummary`).
	 */
	summary?: string;
}

/**
 * A filing's summary line, from the filters Pagefind returns with it: "Hacking/IT Incident
 * (Network Server) · Health plan, Indiana".
 */
export function filingSummary(filters: Record<string, readonly string[]>): string {
	const what = filters['breach-type']?.join(', ') || 'Breach of an unreported type';
	const where = filters['location']?.join(', ');
	const who = filters['organization-type']?.[0] ?? 'Entity of an unreported type';
	const state = filters['state']?.[0];
	return `${what}${where ? ` (${where})` : ''} · ${who}${state ? `, ${state}` : ''}`;
}

/** What a metadata value holds when the fact is not known. */
export const UNKNOWN = 'unknown';

/** The sort keys of a result, and the order each offers. */
export const SEARCH_SORTS = [
	{ key: 'date', dir: 'desc', label: 'Newest first' },
	{ key: 'date', dir: 'asc', label: 'Oldest first' },
	{ key: 'affected', dir: 'desc', label: 'Most individuals affected' },
	{ key: 'affected', dir: 'asc', label: 'Fewest individuals affected' },
] as const;

/** A key that results can be sorted by. */
export type SearchSortKey = (typeof SEARCH_SORTS)[number]['key'];
