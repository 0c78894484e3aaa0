import { describe, expect, it } from 'vitest';
import { makeIncident, makeRegisterRecord } from '../../tests/fixtures/model.ts';
import { googleDatasetProblems } from '../../tests/e2e/structured-data.ts';
import { breadcrumbListJsonLd } from './breadcrumbs.ts';
import {
	articleJsonLd,
	casebookDatasetJsonLd,
	fitHeadline,
	HEADLINE_LIMIT,
	jsonLdText,
	organizationJsonLd,
	registerDatasetJsonLd,
	webSiteJsonLd,
} from './json-ld.ts';
import { buildRegisterModel } from './register/model.ts';
import { siteRoot } from './urls.ts';

const site = siteRoot('https://casebook.example', '/');

describe('fitHeadline', () => {
	it('leaves a headline of up to 110 characters as it is', () => {
		const title = 'a'.repeat(HEADLINE_LIMIT);
		expect(fitHeadline(title)).toBe(title);
	});

	it('cuts a longer one at a word, with an ellipsis, within the limit', () => {
		const title =
			'Change Healthcare: a remote-access portal without multi-factor authentication led to the largest US health data breach';
		const fitted = fitHeadline(title);
		expect(fitted.length).toBeLessThanOrEqual(HEADLINE_LIMIT);
		expect(fitted).toBe(
			'Change Healthcare: a remote-access portal without multi-factor authentication led to the largest US health…',
		);
		expect(fitHeadline('x'.repeat(200)).length).toBe(HEADLINE_LIMIT);
		// A cut that falls just after a whole word keeps it.
		expect(fitHeadline(`${'word '.repeat(22)}end`)).toBe(`${'word '.repeat(22).trimEnd()}…`);
	});
});

describe('articleJsonLd', () => {
	it('names the author, the image and the page it is the main entity of', () => {
		const ld = articleJsonLd(makeIncident('example-health-2023'), site);
		const page = 'https://casebook.example/incidents/example-health-2023/';
		expect(ld).toMatchObject({
			'@type': 'Article',
			author: { '@type': 'Organization', name: 'Breach Casebook', url: 'https://casebook.example/' },
			image: `${page}share.png`,
			mainEntityOfPage: { '@type': 'WebPage', '@id': page },
		});
		expect(ld).not.toHaveProperty('alternativeHeadline');
	});

	it('dates the article with a time zone, as Google asks', () => {
		const ld = articleJsonLd(makeIncident('example-health-2023'), site);
		for (const key of ['datePublished', 'dateModified'])
			expect(ld[key], key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
	});

	it('keeps a long title whole as the alternative headline', () => {
		const long = makeIncident('long', (fm) => (fm.title = `Example Health: ${'a long story '.repeat(10)}`.trim()));
		const ld = articleJsonLd(long, site);
		expect((ld.headline as string).length).toBeLessThanOrEqual(HEADLINE_LIMIT);
		expect(ld.alternativeHeadline).toBe(long.data.title);
	});
});

describe('webSiteJsonLd', () => {
	it('points its SearchAction at the search page', () => {
		expect(webSiteJsonLd(site)).toMatchObject({
			'@type': 'WebSite',
			url: 'https://casebook.example/',
			potentialAction: {
				'@type': 'SearchAction',
				target: { urlTemplate: 'https://casebook.example/search/?q={search_term_string}' },
				'query-input': 'required name=search_term_string',
			},
		});
	});
});

describe('Datasets', () => {
	const incidents = [makeIncident('example-health-2023')];
	const model = buildRegisterModel(
		[
			makeRegisterRecord('example-health-ca-2023-03-10', 'Example Health', '2023-03-10', { state: 'CA' }),
			makeRegisterRecord('other-clinic-tx-2010-01-05', 'Other Clinic', '2010-01-05', { state: 'TX' }),
		],
		incidents,
	);

	it('meet Google’s Dataset requirements: the register with every recommended property', () => {
		const register = registerDatasetJsonLd(model, site);
		expect(googleDatasetProblems(register)).toEqual({ errors: [], warnings: [] });
		expect(register).toMatchObject({
			temporalCoverage: '2010-01-05/2023-03-10',
			spatialCoverage: { '@type': 'Country', name: 'United States' },
			distribution: expect.arrayContaining([
				{
					'@type': 'DataDownload',
					name: 'data/register.csv',
					description: expect.any(String),
					encodingFormat: 'text/csv',
					contentUrl: 'https://casebook.example/data/register.csv',
				},
			]),
		});
	});

	it('the casebook with all but a licence, which the project has yet to choose', () => {
		const casebook = casebookDatasetJsonLd(incidents, site);
		expect(googleDatasetProblems(casebook)).toEqual({ errors: [], warnings: ['license: missing'] });
	});

	it('the check catches what Google would reject', () => {
		const register = registerDatasetJsonLd(model, site);
		expect(googleDatasetProblems({ ...register, description: 'Too short.' }).errors).toEqual([
			'description: 10 characters, not 50–5,000',
		]);
		expect(googleDatasetProblems({ ...register, temporalCoverage: 'since 2009' }).warnings).toHaveLength(1);
	});
});

describe('organizationJsonLd', () => {
	it('names the organization, its other spellings and states, and its case studies', () => {
		const model = buildRegisterModel(
			[makeRegisterRecord('example-health-ca-2023-03-10', 'Example Health, Inc.', '2023-03-10', { state: 'CA' })],
			[makeIncident('example-health-2023')],
		);
		const ld = organizationJsonLd(model.organizations[0]!, site);
		expect(ld).toMatchObject({
			'@type': 'Organization',
			name: model.organizations[0]!.name,
			address: [{ '@type': 'PostalAddress', addressRegion: 'CA', addressCountry: 'US' }],
			mainEntityOfPage: { '@id': `https://casebook.example/organizations/${model.organizations[0]!.slug}/` },
		});
	});
});

describe('breadcrumbListJsonLd', () => {
	it('lists the links and then the page, numbered from 1, with absolute URLs', () => {
		const under = siteRoot('https://casebook.example', '/casebook/');
		const ld = breadcrumbListJsonLd(
			[{ label: 'Register', path: 'register/' }],
			{ label: 'Statistics of the register', path: 'register/stats/' },
			under,
		);
		expect(ld.itemListElement).toEqual([
			{ '@type': 'ListItem', position: 1, name: 'Register', item: 'https://casebook.example/casebook/register/' },
			{
				'@type': 'ListItem',
				position: 2,
				name: 'Statistics of the register',
				item: 'https://casebook.example/casebook/register/stats/',
			},
		]);
		expect(jsonLdText({ name: '</script>' })).toBe('{"name":"\\u003c/script>"}');
	});
});
