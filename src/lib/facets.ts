/**
 * The facets readers browse and filter by. Each maps an incident to its values; browse pages,
 * the facts panel's links and the search filters are all derived from this one list.
 */
import {
	breachTypes,
	dataClasses,
	lessons,
	locations,
	organizationTypes,
	usStates,
	vectors,
	type Vocabulary,
} from '../vocabularies.ts';
import { disclosureYear, newestFirst, type Incident } from './model.ts';
import { slugify } from '../schemas/slug.ts';

/** One value of a facet: a stable slug for its URL and a label for readers. */
export interface FacetValue {
	slug: string;
	label: string;
}

/** A dimension to browse and filter by. */
export interface Facet {
	/** URL segment under /browse/ and the search filter name, e.g. `data-class`. */
	key: string;
	label: string;
	plural: string;
	definition: string;
	/** The incident's values for this facet; empty when unknown. */
	values(incident: Incident): FacetValue[];
	/** How the index page orders values: by vocabulary order, by label, or newest year first. */
	order: 'vocabulary' | 'label' | 'year';
	/** The vocabulary, where the facet has one, so that order and definitions follow it. */
	vocabulary?: Vocabulary;
}

function vocabularyFacet<K extends string>(
	key: string,
	vocabulary: Vocabulary<K>,
	pick: (i: Incident) => readonly K[],
): Facet {
	return {
		key,
		label: vocabulary.label,
		plural: vocabulary.plural,
		definition: vocabulary.definition,
		order: 'vocabulary',
		vocabulary,
		values: (i) => pick(i).map((term) => ({ slug: term, label: vocabulary.terms[term].label })),
	};
}

const named = (name: string): FacetValue => ({ slug: slugify(name), label: name });

/** Every facet, in the order the browse index shows them. */
export const facets: readonly Facet[] = [
	{
		key: 'organization',
		label: 'Organization',
		plural: 'Organizations',
		definition: 'The organization responsible for the data.',
		order: 'label',
		values: (i) => [named(i.data.organization.name)],
	},
	vocabularyFacet('organization-type', organizationTypes, (i) => [i.data.organization.type]),
	{
		key: 'state',
		label: 'State',
		plural: 'States',
		definition: 'The US state where the organization is headquartered.',
		order: 'label',
		values: (i) =>
			i.data.organization.state
				? [{ slug: i.data.organization.state.toLowerCase(), label: usStates[i.data.organization.state] }]
				: [],
	},
	vocabularyFacet('data-class', dataClasses, (i) => i.data.dataClasses),
	vocabularyFacet('breach-type', breachTypes, (i) => i.data.breachType),
	vocabularyFacet('location', locations, (i) => i.data.location),
	vocabularyFacet('vector', vectors, (i) => i.data.vector),
	{
		key: 'recipient',
		label: 'Recipient',
		plural: 'Recipients',
		definition: 'A third party that received the data, such as an advertising platform.',
		order: 'label',
		values: (i) => i.data.recipients.map(named),
	},
	{
		key: 'year',
		label: 'Year disclosed',
		plural: 'Years',
		definition: 'The year the incident became public.',
		order: 'year',
		values: (i) => {
			const year = disclosureYear(i);
			return year === undefined ? [] : [{ slug: String(year), label: String(year) }];
		},
	},
	vocabularyFacet('lesson', lessons, (i) => i.data.lessons),
	{
		key: 'tag',
		label: 'Tag',
		plural: 'Tags',
		definition: 'A free keyword an editor gave the case study.',
		order: 'label',
		values: (i) => i.data.tags.map((t) => ({ slug: t, label: t.replace(/-/g, ' ') })),
	},
];

/** The facet with this key. */
export function facetByKey(key: string): Facet {
	const facet = facets.find((f) => f.key === key);
	if (!facet) throw new Error(`unknown facet "${key}"`);
	return facet;
}

/** One value of a facet with the case studies that have it, newest first. */
export interface FacetGroup {
	value: FacetValue;
	incidents: Incident[];
}

/** Groups incidents by a facet's values. Values without a case study are left out. */
export function groupByFacet(incidents: readonly Incident[], facet: Facet): FacetGroup[] {
	const groups = new Map<string, FacetGroup>();
	for (const incident of incidents) {
		for (const value of facet.values(incident)) {
			const group = groups.get(value.slug) ?? { value, incidents: [] };
			// Incidents come one at a time, so a value named twice by one incident is the last one pushed.
			if (group.incidents.at(-1) !== incident) group.incidents.push(incident);
			groups.set(value.slug, group);
		}
	}
	const list = [...groups.values()].map((g) => ({ ...g, incidents: newestFirst(g.incidents) }));
	if (facet.order === 'vocabulary' && facet.vocabulary) {
		const order = Object.keys(facet.vocabulary.terms);
		return list.sort((a, b) => order.indexOf(a.value.slug) - order.indexOf(b.value.slug));
	}
	if (facet.order === 'year') return list.sort((a, b) => Number(b.value.slug) - Number(a.value.slug));
	return list.sort((a, b) => a.value.label.localeCompare(b.value.label, 'en'));
}
