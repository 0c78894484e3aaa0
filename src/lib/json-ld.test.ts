import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../tests/fixtures/model.ts';
import { articleJsonLd, fitHeadline, HEADLINE_LIMIT, webSiteJsonLd } from './json-ld.ts';
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
