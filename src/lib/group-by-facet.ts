/**
 * Facets in general: a dimension that maps each item (a case study, a register filing) to its
 * values, and the grouping by those values that browse pages, counts and search filters are
 * derived from. The casebook's facets (`casebook/facets.ts`) and the register's (`register/facets.ts`) are
 * both lists of these.
 */
import { usStates, type UsState, type Vocabulary } from '../vocabularies.ts';

/** One value of a facet: a stable slug for its URL and a label for readers. */
export interface FacetValue {
	slug: string;
	label: string;
}

/** A dimension to browse and filter items of type `T` by. */
export interface Facet<T> {
	/** URL segment under the browse pages and the search filter name, e.g. `data-class`. */
	key: string;
	label: string;
	plural: string;
	definition: string;
	/** The item's values for this facet; empty (the item is left out) or `notGiven` when unknown. */
	values(item: T): FacetValue[];
	/** How its values are ordered: by vocabulary order, by label, or newest year first. */
	order: 'vocabulary' | 'label' | 'year';
	/** The vocabulary, where the facet has one, so that order and definitions follow it. */
	vocabulary?: Vocabulary;
	/** The value of an item whose field was left blank, listed after every other value. */
	notGiven?: FacetValue;
	/** Whether an item can have several values, so that the counts add up to more than the items. */
	multiple?: boolean;
}

/** One value with the items that have it, in the order the items were given. */
export interface FacetGroup<T> {
	value: FacetValue;
	items: T[];
}

/**
 * Groups items by their values, in the order the values are first met. Each group keeps the
 * order of the items, and lists an item once however often it names the value.
 */
export function groupBy<T>(items: readonly T[], valuesOf: (item: T) => readonly FacetValue[]): FacetGroup<T>[] {
	const groups = new Map<string, FacetGroup<T>>();
	for (const item of items) {
		for (const value of valuesOf(item)) {
			const group = groups.get(value.slug) ?? { value, items: [] };
			// Items come one at a time, so a value named twice by one item is the last one pushed.
			if (group.items.at(-1) !== item) group.items.push(item);
			groups.set(value.slug, group);
		}
	}
	return [...groups.values()];
}

/**
 * Groups items by a facet's values, in the facet's order, its `notGiven` value last. Values no
 * item has are left out. Each group keeps the order of the items: pass them newest first.
 */
export function groupByFacet<T>(
	items: readonly T[],
	facet: Pick<Facet<T>, 'values' | 'order' | 'vocabulary' | 'notGiven'>,
): FacetGroup<T>[] {
	const terms = facet.vocabulary ? Object.keys(facet.vocabulary.terms) : [];
	const compare: (a: FacetValue, b: FacetValue) => number =
		facet.order === 'vocabulary' && facet.vocabulary
			? (a, b) => terms.indexOf(a.slug) - terms.indexOf(b.slug)
			: facet.order === 'year'
				? (a, b) => Number(b.slug) - Number(a.slug)
				: (a, b) => a.label.localeCompare(b.label, 'en');
	const last = (v: FacetValue) => (v.slug === facet.notGiven?.slug ? 1 : 0);
	return groupBy(items, (item) => facet.values(item)).sort(
		(a, b) => last(a.value) - last(b.value) || compare(a.value, b.value),
	);
}

/**
 * A facet over a vocabulary's terms, ordered and defined by the vocabulary. An item with no term
 * has the value `notGiven` where one is given, and no value otherwise.
 */
export function vocabularyFacet<T, K extends string>(
	key: string,
	vocabulary: Vocabulary<K>,
	pick: (item: T) => readonly K[],
	notGiven?: FacetValue,
): Facet<T> {
	return {
		key,
		label: vocabulary.label,
		plural: vocabulary.plural,
		definition: vocabulary.definition,
		order: 'vocabulary',
		vocabulary,
		notGiven,
		values: (item) => {
			const terms = pick(item);
			return terms.length === 0 && notGiven
				? [notGiven]
				: terms.map((term) => ({ slug: term, label: vocabulary.terms[term].label }));
		},
	};
}

/** The state or territory facet; an item with none has the value `notGiven` where one is given, and no value otherwise. */
export function stateFacet<T>(
	definition: string,
	pick: (item: T) => UsState | null | undefined,
	notGiven?: FacetValue,
): Facet<T> {
	return {
		key: 'state',
		label: 'State',
		plural: 'States',
		definition,
		order: 'label',
		notGiven,
		values: (item) => {
			const state = pick(item);
			return state ? [{ slug: state.toLowerCase(), label: usStates[state] }] : notGiven ? [notGiven] : [];
		},
	};
}

/** A facet by year, newest first; an item with no year is left out. */
export function yearFacet<T>(
	label: string,
	definition: string,
	pick: (item: T) => string | number | undefined,
): Facet<T> {
	return {
		key: 'year',
		label,
		plural: 'Years',
		definition,
		order: 'year',
		values: (item) => {
			const year = pick(item);
			return year === undefined ? [] : [{ slug: String(year), label: String(year) }];
		},
	};
}
