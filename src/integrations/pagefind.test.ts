import { describe, expect, it } from 'vitest';
import { devIndexPath } from './pagefind.ts';

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
