/**
 * What Pagefind indexes for a case study and for a register filing besides their text: filters
 * (from the facets, with their labels), sort keys and result metadata; and the filter values with
 * their counts that the search page offers. Derived from the models, like every other view: the
 * casebook's facets and the register's, from their dataset descriptions,, joined under one
 * filter where their vocabularies coincide.
 */
import { groupByFacet, type Facet, type FacetValue } from './group-by-facet.ts';
import { casebook } from './casebook/dataset.ts';
import { facetOf } from './dataset.ts';
import { formatCount } from './format.ts';
import type { Incident } from './casebook/model.ts';
import { register } from './register/dataset.ts';
import type { Filing } from './register/model.ts';
import { formatPartialDate, partialDate, sortKey, type PartialDate } from '../schemas/partial-date.ts';
import { breachTypes, locations, organizationTypes } from '../vocabularies.ts';
import {
	SEARCH_FILTER_KEYS,
	SEARCH_KINDS,
	UNKNOWN,
	type SearchFilterKey,
	type SearchKind,
	type SearchMeta,
	type SearchSortKey,
} from './search-fields.ts';

/** One search filter: a facet over both kinds of result, with each kind's values. */
interface SearchFilter extends Pick<Facet<unknown>, 'label' | 'order' | 'vocabulary'> {
	key: SearchFilterKey;
	caseStudy?: (incident: Incident) => FacetValue[];
	filing?: (filing: Filing) => FacetValue[];
}

const kindValue = (kind: SearchKind): FacetValue => ({ slug: kind, label: SEARCH_KINDS[kind].label });

/** A register facet's values without "not given": a case study's unknown has no value either. */
const registerValues = (key: string) => {
	const facet = facetOf(register, key);
	return (filing: Filing) => facet.values(filing).filter((v) => v.slug !== facet.notGiven?.slug);
};

/** A casebook facet as a filter of case studies alone, or of both kinds with the register facet `shared`. */
function fromFacet(key: SearchFilterKey, shared?: string, label?: string): SearchFilter {
	const facet = facetOf(casebook, key);
	return {
		key,
		label: label ?? facet.label,
		order: facet.order,
		vocabulary: facet.vocabulary,
		caseStudy: facet.values,
		...(shared ? { filing: registerValues(shared) } : {}),
	};
}

/** A register facet as a filter of filings alone. */
function fromRegisterFacet(key: SearchFilterKey): SearchFilter {
	const facet = facetOf(register, key);
	return { key, label: facet.label, order: facet.order, vocabulary: facet.vocabulary, filing: registerValues(key) };
}

/** Every search filter, in `SEARCH_FILTER_KEYS` order. */
export const searchFilters: readonly SearchFilter[] = (() => {
	const all: SearchFilter[] = [
		{
			key: 'kind',
			label: 'Kind',
			// "Case study" before "Register filing".
			order: 'label',
			caseStudy: () => [kindValue('case-study')],
			filing: () => [kindValue('filing')],
		},
		// A case study's year is the year it became public; a filing's, the year it was filed.
		fromFacet('year', 'year', 'Year disclosed or filed'),
		fromFacet('state', 'state'),
		fromFacet('organization-type', 'entity-type', organizationTypes.label),
		fromFacet('breach-type', 'breach-type', breachTypes.label),
		fromFacet('location', 'location', locations.label),
		fromFacet('vector'),
		fromFacet('data-class'),
		fromFacet('recipient'),
		fromRegisterFacet('status'),
		fromRegisterFacet('business-associate'),
	];
	return SEARCH_FILTER_KEYS.map((key) => all.find((f) => f.key === key)!);
})();

/** Filters, metadata and sort keys of one result, as `[name, value]` pairs, as its page writes them. */
export interface SearchRecord {
	filters: [string, string][];
	meta: [string, string][];
	sort: [string, string][];
}

function searchRecordOf(
	valuesOf: (filter: SearchFilter) => FacetValue[],
	meta: SearchMeta,
	date: PartialDate | undefined,
	count: number | null,
): SearchRecord {
	const filters: [string, string][] = [];
	for (const filter of searchFilters) for (const value of valuesOf(filter)) filters.push([filter.key, value.label]);
	const sort: Record<SearchSortKey, string> = {
		// Zero-padded so that Pagefind's string sort is also numeric.
		date: String(date ? sortKey(date) : 0).padStart(6, '0'),
		affected: String(count ?? 0).padStart(12, '0'),
	};
	return { filters, meta: Object.entries(meta), sort: Object.entries(sort) };
}

const formatAffected = (count: number | null) => (count === null ? UNKNOWN : formatCount(count));

/** The search record of a case study. */
export function searchRecord(incident: Incident): SearchRecord {
	const count = incident.data.individualsAffected.count;
	return searchRecordOf(
		(filter) => filter.caseStudy?.(incident) ?? [],
		{
			organization: incident.data.organization.name,
			date: incident.disclosed ? formatPartialDate(incident.disclosed) : UNKNOWN,
			affected: formatAffected(count),
			summary: incident.data.summary,
		},
		incident.disclosed,
		count,
	);
}

/** The search record of a register filing; `organization` names the organization page it is on. */
export function filingSearchRecord(filing: Filing, organization: string): SearchRecord {
	const { record } = filing;
	const filed = partialDate(record.submitted);
	return searchRecordOf(
		(filter) => filter.filing?.(filing) ?? [],
		{
			organization,
			date: formatPartialDate(filed),
			affected: formatAffected(record.individualsAffected),
		},
		filed,
		record.individualsAffected,
	);
}

/**
 * How much the words of a filing's name weigh in search (Pagefind's `data-pagefind-weight`):
 * a plain paragraph's weight, less than the 7 Pagefind gives a heading, so that a query for an
 * organization lists its case study (whose title Pagefind searches as metadata and boosts where it
 * matches) above its filings; twice that for a filing a case study covers, so that the
 * filing of the breach the case study tells comes first among the organization's many.
 */
export function filingNameWeight(filing: Filing): number {
	return filing.caseStudies.length > 0 ? 2 : 1;
}

/** A filter value as the search page offers it, with its count over everything, and by kind. */
export interface SearchFilterValue extends FacetValue {
	count: number;
	byKind: Record<SearchKind, number>;
}

/** A filter as the search page offers it. */
export interface SearchFilterOption {
	key: SearchFilterKey;
	label: string;
	values: SearchFilterValue[];
}

/**
 * The search page's filters: every value that occurs, with the number of results it would give
 * with no query, overall and for each kind, counted as Pagefind counts (a result once per value),
 * in the order of the facets' own browse pages. Filters with no value are left out.
 */
export function searchFilterOptions(incidents: readonly Incident[], filings: readonly Filing[]): SearchFilterOption[] {
	return searchFilters
		.map((filter) => {
			const results = [
				...(filter.caseStudy
					? incidents.map((i) => ({ kind: 'case-study' as const, values: filter.caseStudy!(i) }))
					: []),
				...(filter.filing ? filings.map((f) => ({ kind: 'filing' as const, values: filter.filing!(f) })) : []),
			];
			const values = groupByFacet(results, { ...filter, values: (r) => r.values }).map(({ value, items }) => ({
				...value,
				count: items.length,
				byKind: {
					'case-study': items.filter((r) => r.kind === 'case-study').length,
					filing: items.filter((r) => r.kind === 'filing').length,
				},
			}));
			return { key: filter.key, label: filter.label, values };
		})
		.filter((f) => f.values.length > 0);
}
