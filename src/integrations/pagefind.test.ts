import { describe, expect, it } from 'vitest';
import { devIndexedPaths, devIndexPath } from './pagefind.ts';

describe('the dev server search index', () => {
	it('answers for index files under the base, whether or not Vite has stripped the base', () => {
		expect(devIndexPath('/casebook/pagefind/pagefind.js?ts=1', '/casebook/')).toBe('/casebook/pagefind/pagefind.js');
		expect(devIndexPath('/pagefind/pagefind-entry.json', '/casebook/')).toBe('/casebook/pagefind/pagefind-entry.json');
		expect(devIndexPath('/pagefind/pagefind.js', '/')).toBe('/pagefind/pagefind.js');
	});

	it('leaves every other request to the dev server', () => {
		expect(devIndexPath('/casebook/incidents/anthem-2015/', '/casebook/')).toBeUndefined();
		expect(devIndexPath('/search/?q=pagefind', '/')).toBeUndefined();
	});
});

describe('the dev server’s pages to index', () => {
	it('are every case page and each filing a case study cites, once', () => {
		expect(
			devIndexedPaths([
				{ slug: 'b-2024', facts: { register: { filings: ['z-oh-2024-01-01', 'a-oh-2023-01-01'] } } },
				{ slug: 'a-2023', facts: { register: { filings: ['a-oh-2023-01-01'] } } },
				{ slug: 'c-2022', facts: { register: { none: 'not-reported' } } },
			]),
		).toEqual([
			'/incidents/b-2024/',
			'/incidents/a-2023/',
			'/incidents/c-2022/',
			'/register/a-oh-2023-01-01/',
			'/register/z-oh-2024-01-01/',
		]);
	});
});
