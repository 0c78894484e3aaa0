/**
 * The browser side of search: loads Pagefind from this site (never another origin) on first use,
 * and runs searches. Shared by the search page and the ⌘K dialog.
 */

/** What Pagefind returns for one result once its data is loaded. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

interface PagefindResult {
	id: string;
	data(): Promise<ResultData>;
}

/** A search's results and the counts of each filter value among them. */
export interface SearchResponse {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
	unfilteredResultCount: number;
}

interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(
		term: string | null,
		o?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<SearchResponse | null>;
	preload(term: string): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * How long typing must pause before a search runs. Short, because the index chunks are already
 * being fetched (see `preload`); long enough that a search is not run for every keystroke.
 */
export const TYPING_PAUSE_MS = 80;

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
let loading: Promise<Pagefind> | undefined;

/** Pagefind, loaded once from `<base>pagefind/`. */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= (async () => {
		const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
		await pagefind.options({ baseUrl: BASE, highlightParam: 'highlight', excerptLength: 24 });
		await pagefind.init();
		// Loading the filter index makes every search report its counts per filter value.
		await pagefind.filters();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** Selected filter values per filter name; within a filter any value matches, across filters all must. */
export type Selection = Record<string, string[]>;

/** Pagefind's filter object for a selection. */
export function toPagefindFilters(selection: Selection): Record<string, { any: string[] }> {
	return Object.fromEntries(
		Object.entries(selection)
			.filter(([, v]) => v.length > 0)
			.map(([k, v]) => [k, { any: v }]),
	);
}

/**
 * Starts fetching the index chunks for a query while the caller waits for typing to pause, so the
 * search that follows does not wait for the network.
 */
export async function preload(query: string): Promise<void> {
	const term = query.trim();
	if (term === '') return;
	const pagefind = await loadPagefind();
	await pagefind.preload(term);
}

/** Runs a search; an empty query with no filters lists every case study. */
export async function search(
	query: string,
	selection: Selection = {},
	sort?: Record<string, 'asc' | 'desc'>,
): Promise<SearchResponse> {
	const pagefind = await loadPagefind();
	const term = query.trim() === '' ? null : query.trim();
	const response = await pagefind.search(term, { filters: toPagefindFilters(selection), ...(sort ? { sort } : {}) });
	return response ?? { results: [], filters: {}, unfilteredResultCount: 0 };
}
