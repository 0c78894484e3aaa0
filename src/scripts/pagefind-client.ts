/**
 * The browser side of search: loads Pagefind from this site (never another origin) on first use,
 * runs searches, and counts filter values. Shared by the search page and the ⌘K dialog.
 */
import { formatCaseStudies, formatCount } from '../lib/format.ts';
import type { SearchMeta } from '../lib/search-fields.ts';
import { url } from '../site/urls.ts';

/** What Pagefind returns for one result once its data is loaded. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Partial<SearchMeta> & { title?: string };
	filters: Record<string, string[]>;
}

interface PagefindResult {
	id: string;
	data(): Promise<ResultData>;
}

/** A search's results, and the counts of each loaded filter's values among them. */
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
export const TYPING_PAUSE_MS = 50;

const loaded = new Map<string, Promise<Pagefind>>();

/**
 * A Pagefind module from `<base>pagefind/`, loaded once per `copy`. Each copy is a separate module
 * instance with its own web worker, so the two below never wait for each other.
 */
function loadCopy(copy: string, withFilterCounts: boolean): Promise<Pagefind> {
	let loading = loaded.get(copy);
	if (!loading) {
		loading = (async () => {
			const module = url(`pagefind/pagefind.js${copy ? `?${copy}` : ''}`);
			const pagefind = (await import(/* @vite-ignore */ module)) as Pagefind;
			await pagefind.options({ baseUrl: url(), highlightParam: 'highlight', excerptLength: 24 });
			await pagefind.init();
			// Loading the whole filter index makes every search count every filter value.
			if (withFilterCounts) await pagefind.filters();
			return pagefind;
		})();
		loading.catch(() => loaded.delete(copy));
		loaded.set(copy, loading);
	}
	return loading;
}

/**
 * The Pagefind that finds results. It loads only the filter index a search filters by, so its
 * searches do not count filter values: Pagefind counts each loaded filter value against the
 * results by a linear scan of the result list (pagefind_web/src/filter.rs, Pagefind 1.6), which
 * at 10,000 case studies took 320 ms of a 350 ms search for a common word, against 30 ms without
 * (docs/BENCHMARKS.md).
 */
export function loadPagefind(): Promise<Pagefind> {
	return loadCopy('', false);
}

/** The Pagefind that counts filter values, in its own worker; only the search page uses it. */
function loadCounter(): Promise<Pagefind> {
	return loadCopy('counts', true);
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
	const term = termOf(query);
	if (term === null) return;
	const pagefind = await loadPagefind();
	await pagefind.preload(term);
}

/** Pagefind's term for what a reader typed: null for nothing, which lists every case study. */
function termOf(query: string): string | null {
	const term = query.trim();
	return term === '' ? null : term;
}

/** Runs a search; an empty query with no filters lists every case study. */
export async function searchIndex(
	query: string,
	selection: Selection = {},
	sort?: Record<string, 'asc' | 'desc'>,
): Promise<SearchResponse> {
	const pagefind = await loadPagefind();
	const response = await pagefind.search(termOf(query), {
		filters: toPagefindFilters(selection),
		...(sort ? { sort } : {}),
	});
	return response ?? { results: [], filters: {}, unfilteredResultCount: 0 };
}

/** A search, as `searchIndex` runs it. */
export type SearchFunction = (
	query: string,
	selection?: Selection,
	sort?: Record<string, 'asc' | 'desc'>,
) => Promise<SearchResponse>;

/** The shortest a word is cut back to when nothing matches it as typed. */
const SHORTEST_PREFIX = 4;

/** A search's results, and the words they match when those differ from what was typed. */
export interface NearResponse extends SearchResponse {
	/** The query as searched: what was typed, or its words cut back to the letters that match. */
	matched: string;
}

/**
 * Runs a search; when nothing matches, each word that matches nothing on its own is cut back a
 * letter at a time (to four letters) until it matches, and the search runs again with those
 * beginnings. Pagefind forgives a typo only among the words of the index chunks it loads, so
 * whether "ransomwre" finds "ransomware" depended on where the index happened to split: it did in
 * a 1,000-case index and did not in a 10,000-case one. Cutting it back to "ransomw" finds it in
 * any index.
 */
export async function searchNear(
	query: string,
	selection: Selection = {},
	sort?: Record<string, 'asc' | 'desc'>,
	search: SearchFunction = searchIndex,
): Promise<NearResponse> {
	const typed = query.trim();
	const response = await search(query, selection, sort);
	if (response.results.length > 0 || typed === '') return { ...response, matched: typed };
	const typedWords = typed.split(/\s+/);
	const words: string[] = [];
	// The search that found a word's beginning; for one word with no filter or sort, the answer.
	let found: SearchResponse | undefined;
	for (const word of typedWords) {
		// A word that matches on its own stays as typed; one that matches nothing at all, too. A
		// query of one word has just been searched as typed.
		let kept = word;
		const first = typedWords.length === 1 ? word.slice(0, -1) : word;
		for (let prefix = first; prefix.length >= SHORTEST_PREFIX; prefix = prefix.slice(0, -1)) {
			found = await search(prefix);
			if (found.results.length > 0) {
				kept = prefix;
				break;
			}
		}
		words.push(kept);
	}
	const matched = words.join(' ');
	if (matched === typed) return { ...response, matched: typed };
	const plain = typedWords.length === 1 && Object.keys(toPagefindFilters(selection)).length === 0 && !sort;
	return { ...(plain && found ? found : await search(matched, selection, sort)), matched };
}

/** "12 case studies for “anthem”", or, when the words were cut back, which beginnings matched. */
export function resultsText(n: number, typed: string, matched: string): string {
	const count = formatCaseStudies(n);
	const q = typed.trim();
	if (!q) return count;
	if (matched === q) return `${count} for “${q}”`;
	return `${count} for words starting “${matched}” (none contain “${q}”)`;
}

/** The folded filters' control on a narrow screen: "Filters", or "Filters · 2 active". */
export function filtersSummaryText(active: number): string {
	return active === 0 ? 'Filters' : `Filters · ${formatCount(active)} active`;
}

/**
 * Loads the data of every result in `results` at once and passes each to `draw` in order, as soon
 * as it and those before it have loaded, so the first result is drawn without waiting for the
 * last. Each result's data is a request, and Pagefind unpacks them one after another: at 10,000
 * case studies one took 5–10 ms and ten about 45 ms (docs/BENCHMARKS.md). `start` runs once, just
 * before the first result is drawn, or at once when there are none, so that a caller can clear
 * the previous results and announce the count with the first new one. Stops, returning false,
 * once `current()` is false because a newer search has started.
 */
export async function drawInOrder(
	results: readonly PagefindResult[],
	draw: (data: ResultData, index: number) => void,
	current: () => boolean,
	start: () => void = () => {},
): Promise<boolean> {
	if (results.length === 0) start();
	const loading = results.map((r) => r.data());
	// Results abandoned by a newer search must not fail unobserved.
	void Promise.allSettled(loading);
	for (const [index, data] of loading.entries()) {
		const loaded = await data;
		if (!current()) return false;
		if (index === 0) start();
		draw(loaded, index);
	}
	return current();
}

/**
 * Loads the counting Pagefind and its filter index ahead of the first query, so that the query's
 * counts do not wait for them. Loading only: counting every filter value over a whole casebook
 * took 1.1–1.2 s at 10,000 case studies, which is why the unfiltered counts come with the page.
 */
export function prepareCounts(): void {
	void loadCounter().catch(() => {});
}

/** For each filter, the number of results with each value, for a query and a selection. */
export async function countFilters(
	query: string,
	selection: Selection = {},
): Promise<Record<string, Record<string, number>>> {
	const counter = await loadCounter();
	const response = await counter.search(termOf(query), { filters: toPagefindFilters(selection) });
	return response?.filters ?? {};
}
