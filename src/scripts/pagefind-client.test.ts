import { describe, expect, it } from 'vitest';
import {
	drawInOrder,
	filtersSummaryText,
	resultsText,
	searchNear,
	type ResultData,
	type SearchFunction,
	type Selection,
} from './pagefind-client.ts';

/** A result whose data arrives when `release(i)` is called, in any order. */
function results(n: number) {
	const releases: (() => void)[] = [];
	const list = Array.from({ length: n }, (_, i) => ({
		id: String(i),
		data: () =>
			new Promise<ResultData>((resolve) => {
				releases[i] = () => resolve({ url: `/incidents/${i}/`, excerpt: '', meta: {}, filters: {} });
			}),
	}));
	return { list, release: (i: number) => releases[i]!() };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('drawInOrder', () => {
	it('draws the first result as soon as it loads, and every result in rank order', async () => {
		const { list, release } = results(3);
		const drawn: string[] = [];
		const done = drawInOrder(
			list,
			(d) => drawn.push(d.url),
			() => true,
		);
		release(2);
		await tick();
		expect(drawn).toEqual([]);
		release(0);
		await tick();
		// The first is on screen while the second is still loading.
		expect(drawn).toEqual(['/incidents/0/']);
		release(1);
		expect(await done).toBe(true);
		expect(drawn).toEqual(['/incidents/0/', '/incidents/1/', '/incidents/2/']);
	});

	it('stops drawing once a newer search has started', async () => {
		const { list, release } = results(2);
		const drawn: string[] = [];
		let current = true;
		const done = drawInOrder(
			list,
			(d) => drawn.push(d.url),
			() => current,
		);
		release(0);
		await tick();
		current = false;
		release(1);
		expect(await done).toBe(false);
		expect(drawn).toEqual(['/incidents/0/']);
	});
});

describe('drawInOrder’s start', () => {
	it('runs once, just before the first result is drawn', async () => {
		const { list, release } = results(2);
		const events: string[] = [];
		const done = drawInOrder(
			list,
			(d) => events.push(d.url),
			() => true,
			() => events.push('start'),
		);
		await tick();
		// The previous results stay on screen while the first new one loads.
		expect(events).toEqual([]);
		release(0);
		release(1);
		await done;
		expect(events).toEqual(['start', '/incidents/0/', '/incidents/1/']);
	});

	it('runs at once when there are no results, and not for a search that was overtaken', async () => {
		const empty: string[] = [];
		expect(
			await drawInOrder(
				[],
				() => empty.push('draw'),
				() => true,
				() => empty.push('start'),
			),
		).toBe(true);
		expect(empty).toEqual(['start']);

		const { list, release } = results(1);
		const overtaken: string[] = [];
		const done = drawInOrder(
			list,
			() => overtaken.push('draw'),
			() => false,
			() => overtaken.push('start'),
		);
		release(0);
		expect(await done).toBe(false);
		expect(overtaken).toEqual([]);
	});
});

describe('resultsText', () => {
	it('names the query, or the beginnings that matched when the words were cut back', () => {
		expect(resultsText(1, 'anthem', 'anthem')).toBe('1 case study for “anthem”');
		expect(resultsText(12, '  ransomwre ', 'ransomw')).toBe(
			'12 case studies for words starting “ransomw” (none contain “ransomwre”)',
		);
		expect(resultsText(3076, '', '')).toBe('3,076 case studies');
	});
});

/**
 * An index of a few pages, searched as Pagefind does: a page matches when each word of the query
 * begins one of its words. Records every search it runs.
 */
function fakeIndex(pages: Record<string, string>) {
	const calls: { query: string; selection?: Selection; sort?: Record<string, 'asc' | 'desc'> }[] = [];
	const search: SearchFunction = async (query, selection, sort) => {
		calls.push({ query, selection, sort });
		const words = query.trim().split(/\s+/).filter(Boolean);
		const hits = Object.entries(pages).filter(([, text]) =>
			words.every((w) => text.split(' ').some((t) => t.startsWith(w))),
		);
		return {
			results: hits.map(([id]) => ({ id, data: async () => ({ url: id, excerpt: '', meta: {}, filters: {} }) })),
			filters: {},
			unfilteredResultCount: hits.length,
		};
	};
	return { search, calls };
}

describe('searchNear', () => {
	const pages = {
		anthem: 'anthem ransomware hacking',
		pps: 'pharmacy tracking pixel',
		ascension: 'ransomware hospital',
	};
	const ids = (r: { results: { id: string }[] }) => r.results.map((x) => x.id);

	it('runs a query that matches as typed, once', async () => {
		const { search, calls } = fakeIndex(pages);
		const found = await searchNear('ransomware', {}, undefined, search);
		expect(found.matched).toBe('ransomware');
		expect(ids(found)).toEqual(['anthem', 'ascension']);
		expect(calls).toHaveLength(1);
	});

	it('cuts a word that matches nothing back to the beginning that matches, and reuses that search', async () => {
		const { search, calls } = fakeIndex(pages);
		const found = await searchNear('pharmacyzz', {}, undefined, search);
		expect(found.matched).toBe('pharmacy');
		expect(ids(found)).toEqual(['pps']);
		// pharmacyzz, then pharmacyz, then pharmacy: nothing is searched twice.
		expect(calls.map((c) => c.query)).toEqual(['pharmacyzz', 'pharmacyz', 'pharmacy']);
	});

	it('keeps the words that match, cuts only the one that does not, and searches again with the filters and sort', async () => {
		const { search, calls } = fakeIndex(pages);
		const selection = { vector: ['Hacking'] };
		const sort = { affected: 'desc' } as const;
		const found = await searchNear('anthem ransomwre', selection, sort, search);
		expect(found.matched).toBe('anthem ransomw');
		expect(ids(found)).toEqual(['anthem']);
		expect(calls.at(-1)).toEqual({ query: 'anthem ransomw', selection, sort });
	});

	it('leaves a word that no beginning of four letters or more matches as typed', async () => {
		const { search } = fakeIndex(pages);
		const found = await searchNear('zzzzzz', {}, undefined, search);
		expect(found.matched).toBe('zzzzzz');
		expect(found.results).toEqual([]);
	});

	it('lists everything for an empty query, without cutting anything back', async () => {
		const { search, calls } = fakeIndex(pages);
		const found = await searchNear('  ', {}, undefined, search);
		expect(found.matched).toBe('');
		expect(calls).toHaveLength(1);
	});
});

describe('filtersSummaryText', () => {
	it('says how many filters are active, and nothing more when none is', () => {
		expect(filtersSummaryText(0)).toBe('Filters');
		expect(filtersSummaryText(1)).toBe('Filters · 1 active');
		expect(filtersSummaryText(1200)).toBe('Filters · 1,200 active');
	});
});
