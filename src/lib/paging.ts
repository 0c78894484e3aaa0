/** How the listings that grow with the casebook are split into pages. */
import { formatCount, type Noun } from './format.ts';

/**
 * Case studies per page of a browse listing (cards). At 10,000 case studies the most common value
 * listed 9,500 of them on one 4.8 MB page (docs/BENCHMARKS.md). Pages of 50 stay short without
 * adding thousands of pages to a large build.
 */
export const BROWSE_PAGE_SIZE = 50;

/**
 * Rows per page of the all-incidents table. The rows are compact, but at 10,000 case studies the
 * single table was 6.9 MB (docs/BENCHMARKS.md).
 */
export const INDEX_PAGE_SIZE = 200;

/** How many pages of `size` a listing of `count` items takes; an empty listing still has its first page. */
export const pageCount = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

/** The items on page `n` (1-based) of pages of `size`, and the number of the last page. */
export function pageOf<T>(items: readonly T[], n: number, size: number): { items: T[]; last: number } {
	return { items: items.slice((n - 1) * size, n * size), last: pageCount(items.length, size) };
}

/**
 * The routes of every page of a listing of `count` items in pages of `size`, for a `[...page]`
 * route: the first at the listing's own path (no `page` parameter), then `2/` and on.
 */
export function listingPages(count: number, size: number): { params: { page?: string }; props: { current: number } }[] {
	return Array.from({ length: pageCount(count, size) }, (_, i) => ({
		params: { page: i === 0 ? undefined : String(i + 1) },
		props: { current: i + 1 },
	}));
}

/** The routes of pages 2 and on (`page/2/`), for a `page/[page]` route beside the listing's first page. */
export function laterPages(count: number, size: number): { params: { page: string }; props: { current: number } }[] {
	return listingPages(count, size)
		.slice(1)
		.map(({ params, props }) => ({ params: { page: params.page! }, props }));
}

/** One page of a listing: its items, which page it is, and of how many items in pages of what size. */
export interface ListingPage<T> {
	items: T[];
	current: number;
	last: number;
	count: number;
	size: number;
}

/** Page `current` (1-based) of a listing of `items` in pages of `size`. */
export function listingPage<T>(items: readonly T[], current: number, size: number): ListingPage<T> {
	return { ...pageOf(items, current, size), current, count: items.length, size };
}

/**
 * Which items a page of a listing shows, as a sentence: "Filings 201–400 are on this page.";
 * nothing where the listing fits on one page.
 */
export function pageRange(page: ListingPage<unknown>, noun: Noun): string {
	if (page.last <= 1) return '';
	const first = (page.current - 1) * page.size + 1;
	const items = noun.many[0]!.toUpperCase() + noun.many.slice(1);
	return `${items} ${formatCount(first)}–${formatCount(first + page.items.length - 1)} are on this page.`;
}

/**
 * Rows per page of a facet's index table (`/browse/organization/`). Organizations grow with the
 * casebook: at 10,000 case studies the single table listed 6,743 of them in 1.6 MB
 * (docs/BENCHMARKS.md). The vocabulary facets never come near this.
 */
export const FACET_INDEX_PAGE_SIZE = 200;

/**
 * Guide words for the pages of an alphabetical listing, as at the top of a dictionary page: for
 * each page, its first and last label, each cut to the shortest prefix (at least two letters)
 * that tells it apart from the label across the page boundary.
 */
export function guideWords(pages: readonly (readonly string[])[]): string[] {
	const distinct = (label: string, other: string | undefined) => {
		if (other === undefined) return label.slice(0, 2).trimEnd();
		let n = 0;
		while (n < label.length && label[n]?.toLowerCase() === other[n]?.toLowerCase()) n++;
		return label.slice(0, Math.max(2, n + 1)).trimEnd();
	};
	return pages.map((labels, i) => {
		const first = labels[0] ?? '';
		const last = labels.at(-1) ?? '';
		const from = distinct(first, pages[i - 1]?.at(-1));
		const to = distinct(last, pages[i + 1]?.[0]);
		if (first === last) return from.length >= to.length ? from : to;
		return from === to ? from : `${from}–${to}`;
	});
}

/** One page of an index table; an alphabetical one has every page's guide words. */
export interface IndexPage<T> {
	items: T[];
	current: number;
	last: number;
	labels?: string[];
}

/** Page `n` of an index in pages of FACET_INDEX_PAGE_SIZE; `labelOf` makes it alphabetical, its pages named by guide words. */
export function indexPage<T>(items: readonly T[], n: number, labelOf?: (item: T) => string): IndexPage<T> {
	const { items: onPage, last } = pageOf(items, n, FACET_INDEX_PAGE_SIZE);
	const labels =
		last > 1 && labelOf
			? guideWords(
					Array.from({ length: last }, (_, i) => pageOf(items, i + 1, FACET_INDEX_PAGE_SIZE).items.map(labelOf)),
				)
			: undefined;
	return { items: onPage, current: n, last, labels };
}

/** An index page's title: the index's, then which page by its guide words or number, where it has pages. */
export function indexPageTitle(title: string, page: IndexPage<unknown>): string {
	return page.last > 1 ? `${title} (${page.labels?.[page.current - 1] ?? `page ${page.current}`})` : title;
}
