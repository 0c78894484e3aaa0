/** How the listings that grow with the casebook are split into pages. */

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
