import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../../tests/fixtures/model.ts';
import { newestFirst } from './model.ts';
import { groupByFacet } from '../group-by-facet.ts';
import { facets } from './facets.ts';
import { casebook } from './dataset.ts';
import { facetOf } from '../dataset.ts';

const facetByKey = (key: string) => facetOf(casebook, key);

const a = makeIncident('a-2023');
const b = makeIncident('b-2024', (fm) => {
	fm.organization.name = 'Beta Clinic';
	fm.dataClasses = ['names', 'search-terms'];
	fm.vector = ['tracking-technology'];
	fm.recipients = ['Google', 'Microsoft Bing'];
	fm.dates.reportedToRegulator.date = '2024-02-01';
});
const c = makeIncident('c-unknown', (fm) => {
	fm.organization.name = 'Gamma Plan';
	delete fm.organization.state;
	fm.dates = {};
});

describe('groupByFacet', () => {
	it('groups by every value, in the casebook’s newest-first order, and leaves out values no case has', () => {
		const groups = groupByFacet(newestFirst([a, b, c]), facetByKey('data-class'));
		expect(groups.map((g) => [g.value.slug, g.items.map((i) => i.slug)])).toEqual([
			['names', ['b-2024', 'a-2023', 'c-unknown']],
			['email-addresses', ['a-2023', 'c-unknown']],
			['search-terms', ['b-2024']],
		]);
	});

	it('gives years newest first, and no year to a case with no known disclosure', () => {
		expect(groupByFacet([a, b, c], facetByKey('year')).map((g) => g.value.slug)).toEqual(['2024', '2023']);
	});

	it('derives stable slugs for named values', () => {
		expect(groupByFacet([b], facetByKey('recipient')).map((g) => g.value)).toEqual([
			{ slug: 'google', label: 'Google' },
			{ slug: 'microsoft-bing', label: 'Microsoft Bing' },
		]);
		expect(facetByKey('state').values(a)).toEqual([{ slug: 'or', label: 'Oregon' }]);
	});

	it('covers the eleven browse facets', () => {
		expect(facets.map((f) => f.key)).toEqual([
			'organization',
			'organization-type',
			'state',
			'data-class',
			'breach-type',
			'location',
			'vector',
			'recipient',
			'year',
			'lesson',
			'tag',
		]);
	});

	it('counts for a single-valued facet add up to the number of case studies with a value', () => {
		const total = groupByFacet([a, b, c], facetByKey('organization')).reduce((n, g) => n + g.items.length, 0);
		expect(total).toBe(3);
	});
});
