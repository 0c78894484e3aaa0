/**
 * The facets readers browse and filter by. Each maps an incident to its values; browse pages,
 * the facts panel's links and the search filters are all derived from this one list.
 */
import { breachTypes, dataClasses, lessons, locations, organizationTypes, vectors } from '../../vocabularies.ts';
import { disclosureYear, type Incident } from './model.ts';
import { slugify } from '../../schemas/slug.ts';
import { stateFacet, vocabularyFacet, yearFacet, type Facet, type FacetValue } from '../group-by-facet.ts';

const named = (name: string): FacetValue => ({ slug: slugify(name), label: name });

/** Every facet, in the order the browse index shows them. */
export const facets: readonly Facet<Incident>[] = [
	{
		key: 'organization',
		label: 'Organization',
		plural: 'Organizations',
		definition: 'The organization responsible for the data.',
		order: 'label',
		values: (i) => [named(i.data.organization.name)],
	},
	vocabularyFacet('organization-type', organizationTypes, (i: Incident) => [i.data.organization.type]),
	stateFacet('The US state where the organization is headquartered.', (i: Incident) => i.data.organization.state),
	vocabularyFacet('data-class', dataClasses, (i: Incident) => i.data.dataClasses),
	vocabularyFacet('breach-type', breachTypes, (i: Incident) => i.data.breachType),
	vocabularyFacet('location', locations, (i: Incident) => i.data.location),
	vocabularyFacet('vector', vectors, (i: Incident) => i.data.vector),
	{
		key: 'recipient',
		label: 'Recipient',
		plural: 'Recipients',
		definition: 'A third party that received the data, such as an advertising platform.',
		order: 'label',
		values: (i) => i.data.recipients.map(named),
	},
	yearFacet('Year disclosed', 'The year the incident became public.', disclosureYear),
	vocabularyFacet('lesson', lessons, (i: Incident) => i.data.lessons),
	{
		key: 'tag',
		label: 'Tag',
		plural: 'Tags',
		definition: 'A free keyword an editor gave the case study.',
		order: 'label',
		values: (i) => i.data.tags.map((t) => ({ slug: t, label: t.replace(/-/g, ' ') })),
	},
];
