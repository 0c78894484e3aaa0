/**
 * The register's facets: what readers browse the filings by. Each maps a filing to its values;
 * the browse pages, their counts and the search filters are all derived from this one list.
 */
import {
	breachTypes,
	locations,
	organizationTypes,
	registerStatuses,
	usStates,
	type Vocabulary,
} from '../../vocabularies.ts';
import type { Filing } from './model.ts';

/** One value of a facet: its slug in URLs and its label. */
export interface RegisterFacetValue {
	slug: string;
	label: string;
}

/** A dimension of the register. */
export interface RegisterFacet {
	/** URL segment under /register/browse/ and the search filter name. */
	key: string;
	label: string;
	plural: string;
	definition: string;
	/** A filing's values; every filing has at least one, `unknown` where the portal left it blank. */
	values(filing: Filing): RegisterFacetValue[];
	/** Whether a filing can have several values, so that the counts add up to more than the filings. */
	multiple: boolean;
	order: 'vocabulary' | 'label' | 'year';
	vocabulary?: Vocabulary;
}

/** The value of a filing whose field the portal left blank. */
export const NOT_GIVEN: RegisterFacetValue = { slug: 'unknown', label: 'Not given' };

function vocabularyFacet<K extends string>(
	key: string,
	vocabulary: Vocabulary<K>,
	pick: (f: Filing) => readonly K[],
	multiple: boolean,
): RegisterFacet {
	return {
		key,
		label: vocabulary.label,
		plural: vocabulary.plural,
		definition: vocabulary.definition,
		order: 'vocabulary',
		vocabulary,
		multiple,
		values: (f) => {
			const terms = pick(f);
			return terms.length ? terms.map((t) => ({ slug: t, label: vocabulary.terms[t].label })) : [NOT_GIVEN];
		},
	};
}

/** Every facet of the register, in the order its browse index shows them. */
export const registerFacets: readonly RegisterFacet[] = [
	{
		key: 'year',
		label: 'Year filed',
		plural: 'Years',
		definition: 'The year the breach was reported to OCR (the breach submission date).',
		order: 'year',
		multiple: false,
		values: (f) => [{ slug: f.record.submitted.slice(0, 4), label: f.record.submitted.slice(0, 4) }],
	},
	{
		key: 'state',
		label: 'State',
		plural: 'States',
		definition: 'The state or territory the portal lists for the entity.',
		order: 'label',
		multiple: false,
		values: (f) =>
			f.record.state ? [{ slug: f.record.state.toLowerCase(), label: usStates[f.record.state] }] : [NOT_GIVEN],
	},
	vocabularyFacet('entity-type', organizationTypes, (f) => (f.record.entityType ? [f.record.entityType] : []), false),
	vocabularyFacet('breach-type', breachTypes, (f) => f.record.breachType, true),
	vocabularyFacet('location', locations, (f) => f.record.location, true),
	{
		key: 'business-associate',
		label: 'Business associate',
		plural: 'Business associate present',
		definition: 'Whether the entity reported that a business associate (a vendor) was involved.',
		order: 'label',
		multiple: false,
		values: (f) =>
			f.record.businessAssociatePresent ? [{ slug: 'yes', label: 'Present' }] : [{ slug: 'no', label: 'Not present' }],
	},
	vocabularyFacet('status', registerStatuses, (f) => [f.record.status], false),
];

/** The register facet with this key. */
export function registerFacetByKey(key: string): RegisterFacet {
	const facet = registerFacets.find((f) => f.key === key);
	if (!facet) throw new Error(`unknown register facet "${key}"`);
	return facet;
}

/** One value of a facet with its filings, newest first. */
export interface RegisterFacetGroup {
	value: RegisterFacetValue;
	filings: Filing[];
}

/** Groups filings (newest first) by a facet's values, in the facet's order; "not given" comes last. */
export function groupFilings(filings: readonly Filing[], facet: RegisterFacet): RegisterFacetGroup[] {
	const groups = new Map<string, RegisterFacetGroup>();
	for (const filing of filings)
		for (const value of facet.values(filing)) {
			const g = groups.get(value.slug) ?? { value, filings: [] };
			g.filings.push(filing);
			groups.set(value.slug, g);
		}
	const rank = (g: RegisterFacetGroup) => (g.value.slug === NOT_GIVEN.slug ? 1 : 0);
	const order = facet.vocabulary ? Object.keys(facet.vocabulary.terms) : [];
	const compare = {
		vocabulary: (a: RegisterFacetGroup, b: RegisterFacetGroup) =>
			order.indexOf(a.value.slug) - order.indexOf(b.value.slug),
		year: (a: RegisterFacetGroup, b: RegisterFacetGroup) => b.value.slug.localeCompare(a.value.slug),
		label: (a: RegisterFacetGroup, b: RegisterFacetGroup) => a.value.label.localeCompare(b.value.label, 'en'),
	}[facet.order];
	return [...groups.values()].sort((a, b) => rank(a) - rank(b) || compare(a, b));
}
