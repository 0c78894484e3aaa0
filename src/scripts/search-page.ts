/**
 * The /search/ page: query, faceted filters with counts, sort, and results, with all of it in
 * the URL (`?q=…&vector=tracking-technology&sort=affected:desc`) so that a search can be shared
 * and Back and Forward restore it.
 */
import {
	countFilters,
	drawInOrder,
	filtersSummaryText,
	kindCounts,
	prepareCounts,
	preload,
	renderResult,
	resultsText,
	searchNear,
	TYPING_PAUSE_MS,
	type SearchResponse,
	type Selection,
} from './pagefind-client.ts';
import { formatCount } from '../lib/format.ts';
import { KIND_FILTER, SEARCH_SORTS, type SearchKind } from '../lib/search-fields.ts';
import type { SearchFilterOption } from '../lib/search-record.ts';

/** Results shown at a time. */
const PAGE_SIZE = 10;

/** A filter with its values' counts over everything indexed, overall and by kind, worked out at build time. */
type FilterConfig = SearchFilterOption;

interface State {
	q: string;
	sort: string;
	/** Selected slugs per filter. */
	selected: Record<string, string[]>;
}

function readUrl(filters: FilterConfig[]): State {
	const params = new URLSearchParams(location.search);
	const selected: State['selected'] = {};
	for (const f of filters) {
		const known = new Set(f.values.map((v) => v.slug));
		const values = params.getAll(f.key).filter((v) => known.has(v));
		if (values.length) selected[f.key] = values;
	}
	return { q: params.get('q') ?? '', sort: params.get('sort') ?? '', selected };
}

function writeUrl(state: State, push: boolean): void {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const [key, values] of Object.entries(state.selected)) for (const v of values) params.append(key, v);
	if (state.sort) params.set('sort', state.sort);
	const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
	if (next === `${location.pathname}${location.search}`) return;
	if (push) history.pushState(null, '', next);
	else history.replaceState(null, '', next);
}

/** Pagefind filters by label; the URL and the checkboxes use slugs. */
function toLabels(filters: FilterConfig[], selected: State['selected']): Selection {
	const out: Selection = {};
	for (const f of filters) {
		const chosen = selected[f.key];
		if (chosen?.length) out[f.key] = f.values.filter((v) => chosen.includes(v.slug)).map((v) => v.label);
	}
	return out;
}

function parseSort(sort: string): Record<string, 'asc' | 'desc'> | undefined {
	const chosen = SEARCH_SORTS.find((s) => `${s.key}:${s.dir}` === sort);
	return chosen ? { [chosen.key]: chosen.dir } : undefined;
}

/** Wires up the search page inside `root`. */
export function mountSearchPage(root: HTMLElement): void {
	const filters = JSON.parse(root.dataset.filters ?? '[]') as FilterConfig[];
	const form = root.querySelector<HTMLFormElement>('#search-form')!;
	const input = root.querySelector<HTMLInputElement>('#search-q')!;
	const sortSelect = root.querySelector<HTMLSelectElement>('#search-sort')!;
	const status = root.querySelector<HTMLElement>('#search-status')!;
	const list = root.querySelector<HTMLOListElement>('#search-results')!;
	const boxes = [...root.querySelectorAll<HTMLInputElement>('#search-filters input[type=checkbox]')];
	let state = readUrl(filters);
	const more = root.querySelector<HTMLButtonElement>('#search-more')!;
	let run = 0;
	let results: SearchResponse['results'] = [];

	/**
	 * Shows the next page of results, each as soon as it has loaded (each result's data is a
	 * request, so only what is shown is fetched). `fresh` starts the list again: the previous
	 * results stay until the first new one is drawn, and `onFirst` runs as it is.
	 */
	const showMore = async (ticket: number, fresh = false, onFirst = () => {}) => {
		const from = fresh ? 0 : list.children.length;
		const page = results.slice(from, from + PAGE_SIZE);
		const hasQuery = state.q.trim() !== '';
		const complete = await drawInOrder(
			page,
			(data) => list.append(renderResult(data, hasQuery, 'page')),
			() => ticket === run,
			() => {
				if (!fresh) return;
				list.replaceChildren();
				more.hidden = true;
				onFirst();
			},
		);
		if (!complete) return;
		const left = results.length - list.children.length;
		more.hidden = left <= 0;
		more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more of ${formatCount(left)} remaining`;
	};

	const fold = root.querySelector<HTMLDetailsElement>('#search-filters-fold')!;
	const foldSummary = fold.querySelector<HTMLElement>('[data-filters-summary]')!;
	// From md up the filters are a column of their own, never folded (the summary is hidden there).
	const wide = matchMedia('(min-width: 48rem)');
	const unfoldWhenWide = () => {
		if (wide.matches) fold.open = true;
	};
	wide.addEventListener('change', unfoldWhenWide);
	unfoldWhenWide();

	const showState = () => {
		input.value = state.q;
		sortSelect.value = state.sort;
		for (const box of boxes) box.checked = state.selected[box.name]?.includes(box.value) ?? false;
		showActiveCount();
	};
	const showActiveCount = () => {
		foldSummary.textContent = filtersSummaryText(Object.values(state.selected).flat().length);
	};

	const filterGroup = root.querySelector<HTMLElement>('#search-filters')!;
	/**
	 * Per filter and value label, as Pagefind counts, the counts with no query and no filter but
	 * the kind filter (`kinds`, none for every kind). The kind filter's own counts are never
	 * narrowed by it, as with every filter below.
	 */
	const counted = (kinds: SearchKind[]) =>
		Object.fromEntries(
			filters.map((f) => [
				f.key,
				Object.fromEntries(
					f.values.map((v) => [
						v.label,
						kinds.length === 0 || f.key === KIND_FILTER ? v.count : kinds.reduce((n, k) => n + v.byKind[k], 0),
					]),
				),
			]),
		);

	/**
	 * How many results each filter value would give for `q` and `labels`. With no query and no
	 * filter but the kind, the counts that came with the page: counting them in the browser took
	 * over a second at 10,000 pages. Counts for a filter with a selection come from the search
	 * without that filter, so that its other values show what choosing them would add.
	 */
	const countsFor = async (q: string, labels: Selection): Promise<Record<string, Record<string, number>>> => {
		if (q.trim() === '' && Object.keys(labels).every((key) => key === KIND_FILTER)) {
			const chosen = state.selected[KIND_FILTER] ?? [];
			return counted(chosen as SearchKind[]);
		}
		const [all, ...own] = await Promise.all([
			countFilters(q, labels),
			...Object.keys(labels).map(async (key) => {
				const { [key]: _, ...others } = labels;
				return [key, (await countFilters(q, others))[key] ?? {}] as const;
			}),
		]);
		return { ...all, ...Object.fromEntries(own) };
	};

	/**
	 * Shows how many results each filter value would give for `q` (none at all for null: a query
	 * that matches nothing); marked busy until the counts arrive.
	 */
	const updateCounts = async (ticket: number, q: string | null, labels: Selection) => {
		const counts = q === null ? {} : await countsFor(q, labels);
		if (ticket !== run) return;
		for (const box of boxes) {
			const n = counts[box.name]?.[box.dataset.label!] ?? 0;
			const span = box.parentElement!.querySelector<HTMLElement>('[data-count]')!;
			span.textContent = formatCount(n);
			box.parentElement!.classList.toggle('text-muted', n === 0 && !box.checked);
		}
		filterGroup.removeAttribute('aria-busy');
	};

	const update = async () => {
		const ticket = ++run;
		const labels = toLabels(filters, state.selected);
		status.textContent = 'Searching…';
		filterGroup.setAttribute('aria-busy', 'true');
		// What the results match: the query as typed, or its words cut back (searchNear); null when
		// it matches nothing whatever the filters, which searchNear may have judged from Pagefind's
		// matches (a misspelling found only in names' initials) and the count must not undo.
		let matched: string | null = state.q;
		try {
			const main = await searchNear(state.q, labels, parseSort(state.sort));
			if (ticket !== run) return;
			matched = main.unfilteredResultCount > 0 || state.q.trim() === '' ? main.matched : null;
			results = main.results;
			// The count is announced with the first result, not before it.
			await showMore(ticket, true, () => {
				status.textContent = resultsText(kindCounts(main, labels), state.q, main.matched);
			});
			if (ticket !== run) return;
		} catch (error) {
			status.textContent = 'Search could not load. Try reloading the page.';
			console.warn(error);
			return;
		}
		// Results first; the filter counts follow, from a second Pagefind in its own worker.
		try {
			await updateCounts(ticket, matched, labels);
		} catch (error) {
			filterGroup.removeAttribute('aria-busy');
			console.warn(error);
		}
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		// The index chunks load while typing pauses; the search itself waits for the pause.
		void preload(input.value).catch(() => {});
		timer = setTimeout(() => {
			state = { ...state, q: input.value };
			writeUrl(state, false);
			void update();
		}, TYPING_PAUSE_MS);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		state = { ...state, q: input.value };
		writeUrl(state, true);
		void update();
	});
	sortSelect.addEventListener('change', () => {
		state = { ...state, sort: sortSelect.value };
		writeUrl(state, true);
		void update();
	});
	for (const box of boxes) {
		box.addEventListener('change', () => {
			const current = new Set(state.selected[box.name] ?? []);
			if (box.checked) current.add(box.value);
			else current.delete(box.value);
			state = { ...state, selected: { ...state.selected, [box.name]: [...current] } };
			if (current.size === 0) delete state.selected[box.name];
			showActiveCount();
			writeUrl(state, true);
			void update();
		});
	}
	root.querySelector('#search-clear')!.addEventListener('click', () => {
		state = { q: '', sort: '', selected: {} };
		showState();
		writeUrl(state, true);
		void update();
	});
	more.addEventListener('click', () => void showMore(run));
	addEventListener('popstate', () => {
		state = readUrl(filters);
		showState();
		void update();
	});

	showState();
	void update();
	// The counting Pagefind (its own module and its whole filter index) loads when the reader first
	// turns to the form or the filters, not with the page, whose main thread it kept busy while the
	// first results loaded (Lighthouse's Total Blocking Time); a query's counts load it themselves.
	for (const type of ['focusin', 'pointerdown'] as const) root.addEventListener(type, prepareCounts, { once: true });
}
