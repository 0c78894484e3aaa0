import { describe, expect, it } from 'vitest';
import { guideWords, pageCount, pageOf } from './paging.ts';

describe('pageOf and pageCount', () => {
	it('splits a listing into pages and keeps a first page for an empty one', () => {
		expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], last: 3 });
		expect(pageOf([1, 2, 3, 4, 5], 3, 2)).toEqual({ items: [5], last: 3 });
		expect(pageCount(0, 200)).toBe(1);
		expect(pageCount(401, 200)).toBe(3);
	});
});

describe('guideWords', () => {
	it('names each page by its first and last label, cut where they differ from the next page', () => {
		const pages = [
			['Adams Clinic', 'Bayview Central Billing'],
			['Bayview Medical Center', 'Cedar Health'],
			['Cedar Hospital', 'Zenith Plan'],
		];
		expect(guideWords(pages)).toEqual(['Ad–Bayview C', 'Bayview M–Cedar He', 'Cedar Ho–Ze']);
	});

	it('gives a page of one label, or of labels that cut to the same prefix, one word', () => {
		expect(guideWords([['Alpha'], ['Beta', 'Beth']])).toEqual(['Al', 'Be']);
	});

	it('ignores case when comparing across a boundary', () => {
		expect(guideWords([['abc Clinic'], ['ABD Health']])).toEqual(['abc', 'ABD']);
	});
});
