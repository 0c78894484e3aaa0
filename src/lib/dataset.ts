/**
 * A dataset, described once: its items, facets, nouns, paths, how an unknown value is shown, its
 * open-data files and its feed. The casebook (`casebook/dataset.ts`) and the register
 * (`register/dataset.ts`) are each one of these, and the views every dataset has (the browse
 * index, a facet's index, the listing of one value, breadcrumbs) are written once against it.
 */
import { groupByFacet, type Facet, type FacetGroup, type FacetValue } from './group-by-facet.ts';
import { formatCount, formatList, type Noun } from './format.ts';
import type { OpenDataFile } from './open-data.ts';
import { FACET_INDEX_PAGE_SIZE, laterPages, listingPages } from './paging.ts';

/** A link in a breadcrumb trail: what it is called and its site path. */
export interface Crumb {
	label: string;
	path: string;
}

/** One dataset the site publishes, for the views written against it. */
export interface Dataset<T> {
	/** `casebook`, `register`. */
	key: string;
	/** What one item is called: "case study", "filing". */
	noun: Noun;
	/** Its facets, in the order its browse index shows them. */
	facets: readonly Facet<T>[];
	/** The listing of every item: its home. */
	home: string;
	/** The path of an item's page, by its id. */
	itemPath: (id: string) => string;
	/** The browse index, a facet's index, or the listing of one value. */
	browsePath: (facet?: string, value?: string) => string;
	/** The trail above the browse index, from the dataset's home, ending with the browse index itself. */
	trail: readonly Crumb[];
	/** How a facet's index is titled and described: "<title> state", "<description> state: …". */
	byFacet: { title: string; description: string };
	/**
	 * How an item with no value for a facet is shown: listed under this value, so that a facet's
	 * counts add up to the items; or, where there is none, left out of the facet.
	 */
	notGiven?: FacetValue;
	/** How the listing of one value is split into pages: so many items a page, page 2 at `<value>/2/`. */
	listingPageSize: number;
	/** Its open-data files, as the /data/ page lists them. */
	files: readonly OpenDataFile[];
	/** The path of its Atom feed of new and changed items, one of its files. */
	feed: string;
}

/** The facet of `dataset` with this key, or an error naming the dataset's facets. */
export function facetOf<F extends { key: string }>(dataset: { key: string; facets: readonly F[] }, key: string): F {
	const facet = dataset.facets.find((f) => f.key === key);
	if (!facet)
		throw new Error(
			`${dataset.key} has no facet "${key}" (expected one of: ${dataset.facets.map((f) => f.key).join(', ')})`,
		);
	return facet;
}

/** The facets of `dataset` in a sentence, each named as its index is titled: "year filed, state, … or status". */
export function facetsText(dataset: { facets: readonly Pick<Facet<unknown>, 'label'>[] }): string {
	return formatList(
		dataset.facets.map((f) => f.label.toLowerCase()),
		'or',
	);
}

/** What a facet's value means, where the facet has a vocabulary that defines it. */
export function valueDefinition(facet: Pick<Facet<unknown>, 'vocabulary'>, slug: string): string | undefined {
	const terms: Record<string, { definition: string } | undefined> = facet.vocabulary?.terms ?? {};
	return terms[slug]?.definition;
}

/** The trail above a facet's index, or above the listing of one of its values. */
export function facetTrail(dataset: Pick<Dataset<unknown>, 'trail' | 'browsePath'>, facet?: Facet<unknown>): Crumb[] {
	return facet ? [...dataset.trail, { label: facet.plural, path: dataset.browsePath(facet.key) }] : [...dataset.trail];
}

/**
 * What a facet's counts add up to, where every item has a value (an unknown one is listed as
 * such): "7,808 filings; the counts add up to 7,808.", or, where an item can have several values,
 * "… A filing can list several values, so the counts add up to 9,120.". Nothing where items
 * without a value are left out, whose counts add up to nothing in particular.
 */
export function facetCountsSummary<T>(
	dataset: Pick<Dataset<T>, 'noun' | 'notGiven'>,
	facet: Pick<Facet<T>, 'multiple'>,
	groups: readonly FacetGroup<T>[],
	total: number,
): { text: string; sum: number } | undefined {
	if (!dataset.notGiven) return undefined;
	const sum = groups.reduce((n, g) => n + g.items.length, 0);
	const items = formatCount(total, dataset.noun);
	return {
		sum,
		text: facet.multiple
			? `${items}. A ${dataset.noun.one} can list several values, so the counts add up to ${formatCount(sum)}.`
			: `${items}; the counts add up to ${formatCount(sum)}.`,
	};
}

/** Every facet of `dataset` with the groups of `items` by it, leaving out facets no item has a value of. */
export function facetSections<T>(dataset: Pick<Dataset<T>, 'facets'>, items: readonly T[]) {
	return dataset.facets
		.map((facet) => ({ facet, groups: groupByFacet(items, facet) }))
		.filter(({ groups }) => groups.length > 0);
}

/** The routes of each facet's index, its first page: `<browse>/<facet>/`. */
export function facetIndexRoutes<T>(dataset: Pick<Dataset<T>, 'facets'>, items: readonly T[]) {
	return facetSections(dataset, items).map(({ facet, groups }) => ({
		params: { facet: facet.key },
		props: { facet, groups },
	}));
}

/**
 * The routes of pages 2 and on of each facet's index (`<browse>/<facet>/page/2/`), which only a
 * facet with more than FACET_INDEX_PAGE_SIZE values has. A value whose slug is "page" and whose
 * own listing has pages would clash with them, and is an error.
 */
export function facetIndexLaterRoutes<T>(
	dataset: Pick<Dataset<T>, 'facets' | 'listingPageSize' | 'browsePath'>,
	items: readonly T[],
) {
	return facetSections(dataset, items).flatMap(({ facet, groups }) => {
		const pages = laterPages(groups.length, FACET_INDEX_PAGE_SIZE);
		const clash = groups.find((g) => g.value.slug === 'page' && g.items.length > dataset.listingPageSize);
		if (pages.length > 0 && clash) {
			throw new Error(
				`${facet.label} “${clash.value.label}” has the slug "page", which the pages of ${facet.plural.toLowerCase()} use (${dataset.browsePath(facet.key)}page/2/).`,
			);
		}
		return pages.map(({ params, props }) => ({
			params: { ...params, facet: facet.key },
			props: { ...props, facet, groups },
		}));
	});
}

/** The routes of every page of every value's listing: `<browse>/<facet>/<value>/`, then `2/` and on. */
export function valueListingRoutes<T>(dataset: Pick<Dataset<T>, 'facets' | 'listingPageSize'>, items: readonly T[]) {
	return facetSections(dataset, items).flatMap(({ facet, groups }) =>
		groups.flatMap((group) =>
			listingPages(group.items.length, dataset.listingPageSize).map(({ params, props }) => ({
				params: { facet: facet.key, value: group.value.slug, ...params },
				props: { facet, group, ...props },
			})),
		),
	);
}
