import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../tests/fixtures/model.ts';
import { DATASETS, OPEN_DATA_FILES, casebook, register } from '../datasets.ts';
import {
	facetCountsSummary,
	facetIndexLaterRoutes,
	facetOf,
	facetsText,
	facetTrail,
	valueDefinition,
	valueListingRoutes,
} from './dataset.ts';
import { CASE_STUDY, FILING, formatCount, noun } from './format.ts';
import { groupByFacet } from './group-by-facet.ts';
import { absoluteUrlOutputs } from './open-data.ts';
import { listingPage, listingPages, laterPages, pageRange } from './paging.ts';

describe('formatCount', () => {
	it('writes the number with separators and the noun in the form the count needs', () => {
		expect(formatCount(1_424)).toBe('1,424');
		expect(formatCount(1, CASE_STUDY)).toBe('1 case study');
		expect(formatCount(7_808, FILING)).toBe('7,808 filings');
		expect(formatCount(0, noun('person', 'people'))).toBe('0 people');
	});
});

describe('paging', () => {
	it('routes every page of a listing, the first at its own path', () => {
		expect(listingPages(401, 200).map((r) => [r.params.page, r.props.current])).toEqual([
			[undefined, 1],
			['2', 2],
			['3', 3],
		]);
		expect(laterPages(401, 200).map((r) => r.params.page)).toEqual(['2', '3']);
		expect(listingPages(0, 200)).toHaveLength(1);
	});

	it('says which items a page shows, only where there are several pages', () => {
		const items = Array.from({ length: 401 }, (_, i) => i);
		expect(pageRange(listingPage(items, 3, 200), FILING)).toBe('Filings 401–401 are on this page.');
		expect(pageRange(listingPage(items, 1, 200), CASE_STUDY)).toBe('Case studies 1–200 are on this page.');
		expect(pageRange(listingPage(items.slice(0, 200), 1, 200), FILING)).toBe('');
	});
});

describe('a dataset', () => {
	const a = makeIncident('a-2024', (fm) => (fm.organization.state = 'OR'));
	const b = makeIncident('b-2023', (fm) => delete fm.organization.state);

	it('finds its facets by key, or names the keys it has', () => {
		expect(facetOf(casebook, 'state').label).toBe('State');
		expect(facetOf(register, 'status').multiple).toBe(false);
		expect(() => facetOf(register, 'vector')).toThrow(
			/^register has no facet "vector" \(expected one of: year, state,/,
		);
	});

	it('names its facets in a sentence, as their indexes are titled', () => {
		expect(facetsText(register)).toBe(
			'year filed, state, organization type, breach type, location, business associate or status',
		);
		expect(facetsText({ facets: [{ label: 'State' }] })).toBe('state');
	});

	it('leads from its home to a facet and a value', () => {
		expect(facetTrail(register, facetOf(register, 'state'))).toEqual([
			{ label: 'Register', path: 'register/' },
			{ label: 'Browse', path: 'register/browse/' },
			{ label: 'States', path: 'register/browse/state/' },
		]);
		expect(facetTrail(casebook)).toEqual([{ label: 'Browse', path: 'browse/' }]);
	});

	it('routes each value’s listing in its own page size', () => {
		const routes = valueListingRoutes(casebook, [a, b]).filter((r) => r.params.facet === 'state');
		expect(routes.map((r) => r.params)).toEqual([{ facet: 'state', value: 'or', page: undefined }]);
	});

	it('sums its counts only where an unknown value is listed, so that they add up', () => {
		const state = facetOf(casebook, 'state');
		expect(facetCountsSummary(casebook, state, groupByFacet([a, b], state), 2)).toBeUndefined();
		const groups = [{ value: { slug: 'x', label: 'X' }, items: [1, 2, 3] }];
		expect(facetCountsSummary(register, { multiple: true }, groups, 2)).toEqual({
			sum: 3,
			text: '2 filings. A filing can list several values, so the counts add up to 3.',
		});
		expect(facetCountsSummary(register, { multiple: false }, groups, 3)?.text).toBe(
			'3 filings; the counts add up to 3.',
		);
	});

	it('defines a value from its facet’s vocabulary', () => {
		expect(valueDefinition(facetOf(casebook, 'vector'), 'ransomware')).toMatch(/\w{3,}/);
		expect(valueDefinition(facetOf(casebook, 'state'), 'or')).toBeUndefined();
	});

	it('refuses a value slugged "page" where the facet index has later pages', () => {
		const many = Array.from({ length: 201 }, (_, i) =>
			makeIncident(`o${i}-2024`, (fm) => (fm.organization.name = i === 0 ? 'Page' : `Org ${i}`)),
		);
		const crowded = [
			...many,
			...Array.from({ length: 50 }, (_, i) => makeIncident(`p${i}-2024`, (fm) => (fm.organization.name = 'Page'))),
		];
		expect(() => facetIndexLaterRoutes(casebook, crowded)).toThrow(
			'Organization “Page” has the slug "page", which the pages of organizations use (browse/organization/page/2/).',
		);
	});
});

describe('the open-data files', () => {
	it('are each written by a route, and each route under api/, data/ and schema/ is listed', () => {
		const routes = ['api', 'data', 'schema']
			.flatMap((folder) =>
				readdirSync(join('src/pages', folder), { recursive: true, withFileTypes: true })
					.filter((e) => e.isFile() && e.name.endsWith('.ts'))
					.map((e) => relative('src/pages', join(e.parentPath, e.name)).replace(/\.ts$/, '')),
			)
			.map((route) => route.replace('[slug]', '<slug>'))
			.sort();
		const listed = OPEN_DATA_FILES.map((f) => f.path).filter((p) => /^(api|data|schema)\//.test(p));
		expect(listed.sort()).toEqual(routes);
	});

	it('are unique, described, and every CSV has a data dictionary', () => {
		expect(new Set(OPEN_DATA_FILES.map((f) => f.path)).size).toBe(OPEN_DATA_FILES.length);
		for (const file of OPEN_DATA_FILES) {
			expect(file.description, file.path).toMatch(/\w{3,}.*\.$/);
			if (file.path.endsWith('.csv')) expect(file.columns?.length, file.path).toBeGreaterThan(3);
			for (const column of file.columns ?? [])
				expect(column.description, `${file.path} ${column.name}`).toMatch(/\w{3,}/);
		}
	});

	it('include each dataset’s feed, and name in the SITE_URL warning every file with absolute URLs', () => {
		for (const dataset of DATASETS) expect(dataset.files.map((f) => f.path)).toContain(dataset.feed);
		expect(absoluteUrlOutputs(OPEN_DATA_FILES)).toContain(
			'the $id of schema/incident.schema.json, schema/api.schema.json, schema/api-incident.schema.json and schema/register.schema.json',
		);
	});
});
