/**
 * The browser side of search: loads Pagefind from this site (never another origin) on first use,
 * runs searches, counts filter values and draws results. Shared by the search page and the ⌘K
 * dialog.
 */
import { formatCount } from '../lib/format.ts';
import {
	filingSummary,
	KIND_FILTER,
	kindOfResult,
	SEARCH_KINDS,
	UNKNOWN,
	type SearchKind,
	type SearchMeta,
} from '../lib/search-fields.ts';
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
	/** Loads the index chunks for a term and the filter chunks for `filters`; null for no term. */
	preload(term: string | null, o?: { filters?: unknown }): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * How long typing must pause before a search runs. Short, because the index chunks are already
 * being fetched (see `preload`); long enough that a search is not run for every keystroke.
 */
export const TYPING_PAUSE_MS = 50;

/**
 * Pagefind's ranking, changed in one respect: no penalty for a long page. Pagefind scales a page's
 * score down by its length against the average page's (by 0.1 of the ratio, by default). The
 * register's 7,800 filing pages index only a name and a state, a few words each, so the average
 * is a few words and a case study of 1,500 words was scored as 300 times too long: every filing
 * that named an organization outranked the organization's own case study ("Kaiser Permanente"
 * listed six filings first), and case studies ranked among themselves by length more than by
 * what they say. Without the penalty, case studies rank among themselves much as they did before the
 * register was indexed, and a query for an organization finds its case study first, then its
 * filings (tests/e2e/search.spec.ts).
 */
const RANKING = { pageLength: 0 };

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
			await pagefind.options({ baseUrl: url(), highlightParam: 'highlight', excerptLength: 24, ranking: RANKING });
			await pagefind.init();
			// Loading the whole filter index makes every search count every filter value; loading only
			// the kind filter's (two values) makes every search count its case studies and filings.
			if (withFilterCounts) await pagefind.filters();
			else await pagefind.preload(null, { filters: toPagefindFilters(EVERY_KIND) });
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

const KINDS = Object.keys(SEARCH_KINDS) as SearchKind[];
const EVERY_KIND: Selection = { [KIND_FILTER]: KINDS.map((k) => SEARCH_KINDS[k].label) };

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

/** Pagefind's term for what a reader typed: null for nothing, which lists every result. */
function termOf(query: string): string | null {
	const term = query.trim();
	return term === '' ? null : term;
}

/** Runs a search; an empty query with no filters lists every case study and filing. */
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

/** The words Pagefind marked in an excerpt, lower-cased, without their punctuation. */
function markedWords(excerpt: string): string[] {
	return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * A search's response, or an empty one when all it found is Pagefind's allowance for stemming
 * applied to a word nobody typed. Pagefind lets a query word match any indexed word that begins
 * it, so that "breaches" finds the stem "breach"; but it does so for a word of one or two letters
 * too, and then a misspelling finds every page with a name's initial ("Kristina T Nguyen" for
 * "tracqqqqqq") or an article ("a", "an" for "anthme") instead of being cut back to the letters
 * that match. Judged by the best-ranked result, whose excerpt the reader is shown first anyway:
 * when every word marked in it is that short, and none was typed as such, nothing real matched.
 */
async function realMatches(typed: string, response: SearchResponse): Promise<SearchResponse> {
	const best = response.results[0];
	if (!best || typed === '') return response;
	const marked = markedWords((await best.data()).excerpt);
	const typedWords = new Set(typed.toLowerCase().split(/\s+/));
	if (marked.length === 0 || marked.some((w) => w.length > 2 || typedWords.has(w))) return response;
	const none = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((v) => [v, 0]));
	return {
		results: [],
		filters: Object.fromEntries(Object.entries(response.filters).map(([key, counts]) => [key, none(counts)])),
		unfilteredResultCount: 0,
	};
}

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
	const response = await realMatches(typed, await search(query, selection, sort));
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
			found = await realMatches(prefix, await search(prefix));
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

/**
 * How many results of each kind a search found, for the kinds the selection allows: from the
 * counts of the kind filter, which every search returns (see `loadCopy`).
 */
export function kindCounts(response: SearchResponse, selection: Selection = {}): Partial<Record<SearchKind, number>> {
	const chosen = selection[KIND_FILTER] ?? [];
	const counts = response.filters[KIND_FILTER] ?? {};
	return Object.fromEntries(
		KINDS.filter((k) => chosen.length === 0 || chosen.includes(SEARCH_KINDS[k].label)).map((k) => [
			k,
			counts[SEARCH_KINDS[k].label] ?? 0,
		]),
	);
}

/** "60 case studies and 7,808 filings", "1 filing": a count of each kind given. */
export function kindsText(counts: Partial<Record<SearchKind, number>>): string {
	return KINDS.filter((k) => counts[k] !== undefined)
		.map((k) => formatCount(counts[k]!, SEARCH_KINDS[k]))
		.join(' and ');
}

/**
 * "3 case studies and 12 filings for “anthem”", or, when the words were cut back, which beginnings
 * matched.
 */
export function resultsText(counts: Partial<Record<SearchKind, number>>, typed: string, matched: string): string {
	const count = kindsText(counts);
	const q = typed.trim();
	if (!q) return count;
	if (matched === q) return `${count} for “${q}”`;
	return `${count} for words starting “${matched}” (none contain “${q}”)`;
}

/**
 * What a result shows under its line: for a case study, Pagefind's excerpt for a query, which is
 * text from our own pages with the matches wrapped in <mark> (so `html`), else its summary; for a
 * filing, always its summary (`text`): its page indexes only its name and state.
 */
export function resultExcerpt(data: ResultData, hasQuery: boolean): { html: string } | { text: string } {
	if (kindOfResult(data.filters) === 'filing') return { text: filingSummary(data.filters) };
	return hasQuery ? { html: data.excerpt } : { text: data.meta.summary ?? '' };
}

/** Whether two names differ only in case, spaces and punctuation: "Anthem Inc." and "Anthem, Inc.". */
const sameName = (a: string, b: string) => {
	const letters = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
	return letters(a) === letters(b);
};

/**
 * A result's kind and what identifies it, in one line: "Case study · Anthem · disclosed 4 February
 * 2015 · 78,800,000 affected", "Register filing · filed 13 February 2015 · 78,800,000 affected". The
 * organization is left out where it is the result's title but for punctuation, as it mostly is
 * for a filing.
 */
export function resultLine(data: ResultData): string {
	const kind = kindOfResult(data.filters);
	const { meta } = data;
	return [
		SEARCH_KINDS[kind].label,
		meta.organization && !sameName(meta.organization, meta.title ?? '') ? meta.organization : undefined,
		meta.date && meta.date !== UNKNOWN ? `${SEARCH_KINDS[kind].dated} ${meta.date}` : `date unknown`,
		meta.affected && meta.affected !== UNKNOWN ? `${meta.affected} affected` : 'count unknown',
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * How each place draws a result: in the ⌘K dialog the whole result is one link, for the arrow keys
 * to move between; on the search page its title is a heading that links, as the page's outline
 * wants. Both show the same three parts: the title, the line (resultLine) and the excerpt.
 */
export type ResultPlace = 'dialog' | 'page';

/** Each place's elements and classes: the item's, the link's, and its line's and excerpt's. */
const LOOKS = {
	dialog: {
		item: '',
		link: 'block rounded px-3 py-2 no-underline hover:bg-surface focus:bg-surface',
		part: 'span',
		line: 'block text-sm text-muted',
		excerpt: 'block text-sm text-fg',
	},
	page: {
		item: 'border-b border-border py-4',
		link: '',
		part: 'p',
		line: 'text-sm text-muted',
		excerpt: 'mt-1',
	},
} as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
	const made = document.createElement(tag);
	if (className) made.className = className;
	if (text !== undefined) made.textContent = text;
	return made;
}

/** A result as a list item for `place`; `hasQuery` decides its excerpt (resultExcerpt). */
export function renderResult(data: ResultData, hasQuery: boolean, place: ResultPlace): HTMLLIElement {
	const look = LOOKS[place];
	const title = data.meta.title ?? data.url;
	const line = element(look.part, look.line, resultLine(data));
	const excerpt = element(look.part, look.excerpt);
	const shown = resultExcerpt(data, hasQuery);
	if ('html' in shown) excerpt.innerHTML = shown.html;
	else excerpt.textContent = shown.text;
	const link = element('a', look.link);
	link.href = data.url;
	const item = element('li', look.item);
	if (place === 'dialog') {
		link.append(element('span', 'block font-medium text-link', title), line, excerpt);
		item.append(link);
	} else {
		link.textContent = title;
		const heading = element('h2', 'text-lg font-semibold');
		heading.append(link);
		item.append(heading, line, excerpt);
	}
	return item;
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
