/**
 * The register's facets: what readers browse the filings by. Each maps a filing to its values;
 * the browse pages, their counts and the search filters are all derived from this one list.
 */
import { breachTypes, locations, organizationTypes, registerStatuses, type Vocabulary } from '../../vocabularies.ts';
import { stateFacet, vocabularyFacet, yearFacet, type Facet, type FacetValue } from '../group-by-facet.ts';
import type { Filing } from './model.ts';

/** A dimension of the register; every filing has at least one value, `NOT_GIVEN` where the portal left it blank. */
export interface RegisterFacet extends Facet<Filing> {
	multiple: boolean;
}

/**
 * The value of a filing whose field the portal left blank. Its slug is not `unknown`: the portal's
 * breach types include "Unknown", a value the filer chose, which is not the same as none given.
 */
export const NOT_GIVEN: FacetValue = { slug: 'not-given', label: 'Not given' };

const termsFacet = <K extends string>(
	key: string,
	vocabulary: Vocabulary<K>,
	pick: (f: Filing) => readonly K[],
	multiple: boolean,
): RegisterFacet => ({ ...vocabularyFacet(key, vocabulary, pick, NOT_GIVEN), multiple });

/** Every facet of the register, in the order its browse index shows them. */
export const registerFacets: readonly RegisterFacet[] = [
	{
		...yearFacet('Year filed', 'The year the breach was reported to OCR (the breach submission date).', (f: Filing) =>
			f.record.submitted.slice(0, 4),
		),
		multiple: false,
	},
	{
		...stateFacet('The state or territory the portal lists for the entity.', (f: Filing) => f.record.state, NOT_GIVEN),
		multiple: false,
	},
	termsFacet('entity-type', organizationTypes, (f) => (f.record.entityType ? [f.record.entityType] : []), false),
	termsFacet('breach-type', breachTypes, (f) => f.record.breachType, true),
	termsFacet('location', locations, (f) => f.record.location, true),
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
	termsFacet('status', registerStatuses, (f) => (f.record.status ? [f.record.status] : []), false),
];
