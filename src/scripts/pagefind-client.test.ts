import { describe, expect, it } from 'vitest';
import {
	drawInOrder,
	filtersSummaryText,
	kindCounts,
	resultExcerpt,
	resultLine,
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
		expect(resultsText({ 'case-study': 1, filing: 4 }, 'anthem', 'anthem')).toBe(
			'1 case study and 4 filings for “anthem”',
		);
		expect(resultsText({ 'case-study': 12, filing: 1 }, '  ransomwre ', 'ransomw')).toBe(
			'12 case studies and 1 filing for words starting “ransomw” (none contain “ransomwre”)',
		);
		expect(resultsText({ 'case-study': 60, filing: 7808 }, '', '')).toBe('60 case studies and 7,808 filings');
	});

	it('counts only the kinds given, with separators', () => {
		expect(resultsText({ filing: 1234567 }, '', '')).toBe('1,234,567 filings');
		expect(resultsText({ 'case-study': 0, filing: 0 }, 'zx', 'zx')).toBe('0 case studies and 0 filings for “zx”');
	});
});

describe('kindCounts', () => {
	const response = (kinds: Record<string, number>) => ({
		results: [],
		filters: { kind: kinds, year: { '2024': 3 } },
		unfilteredResultCount: 0,
	});

	it('reads each kind from the kind filter’s counts, zero where Pagefind counted none', () => {
		expect(kindCounts(response({ 'Case study': 2, 'Register filing': 1500 }))).toEqual({
			'case-study': 2,
			filing: 1500,
		});
		expect(kindCounts(response({ 'Register filing': 3 }))).toEqual({ 'case-study': 0, filing: 3 });
	});

	it('leaves out the kinds that the selection rules out', () => {
		expect(kindCounts(response({ 'Case study': 0, 'Register filing': 9 }), { kind: ['Register filing'] })).toEqual({
			filing: 9,
		});
	});
});

describe('resultLine', () => {
	const line = (kind: string, meta: ResultData['meta']) =>
		resultLine({ url: '/x/', excerpt: '', meta, filters: { kind: [kind] } });

	it('says which kind a result is, and when it was disclosed or filed', () => {
		expect(
			line('Case study', {
				title: 'The breach',
				organization: 'Anthem',
				date: '4 February 2015',
				affected: '78,800,000',
			}),
		).toBe('Case study · Anthem · disclosed 4 February 2015 · 78,800,000 affected');
		expect(
			line('Register filing', {
				title: 'Anthem, Inc.',
				organization: 'Anthem, Inc.',
				date: '13 February 2015',
				affected: 'unknown',
			}),
		).toBe('Register filing · filed 13 February 2015 · count unknown');
		expect(
			line('Register filing', {
				title: 'Anthem Inc.',
				organization: 'Anthem, Inc.',
				date: '13 February 2015',
				affected: '78,800,000',
			}),
		).toBe('Register filing · filed 13 February 2015 · 78,800,000 affected');
	});

	it('names a filing’s organization where it differs from the entity’s name', () => {
		expect(
			line('Register filing', {
				title: 'Kaiser Foundation Health Plan',
				organization: 'Kaiser Permanente',
				date: 'unknown',
				affected: '600',
			}),
		).toBe('Register filing · Kaiser Permanente · date unknown · 600 affected');
	});
});

/**
 * An index of a few pages, searched as Pagefind does: a page matches when each word of the query
 * begins one of its words; a query word that begins no word at all falls back, as Pagefind's
 * allowance for stems does, to the words whose stem begins it (here only words of one or two
 * letters, their own stems: "tracqqqqqq" finds "T"). The excerpt marks the words that matched.
 * Records every search it runs.
 */
function fakeIndex(pages: Record<string, string>) {
	const calls: { query: string; selection?: Selection; sort?: Record<string, 'asc' | 'desc'> }[] = [];
	const all = Object.values(pages).flatMap((text) => text.toLowerCase().split(' '));
	const matches = (t: string, w: string) =>
		all.some((x) => x.startsWith(w)) ? t.startsWith(w) : t.length <= 2 && w.startsWith(t);
	const search: SearchFunction = async (query, selection, sort) => {
		calls.push({ query, selection, sort });
		const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
		const hits = Object.entries(pages).filter(([, text]) =>
			words.every((w) =>
				text
					.toLowerCase()
					.split(' ')
					.some((t) => matches(t, w)),
			),
		);
		const excerpt = (text: string) =>
			text
				.split(' ')
				.map((t) => (words.some((w) => matches(t.toLowerCase(), w)) ? `<mark>${t}</mark>` : t))
				.join(' ');
		return {
			results: hits.map(([id, text]) => ({
				id,
				data: async () => ({ url: id, excerpt: excerpt(text), meta: {}, filters: {} }),
			})),
			filters: { kind: { 'Register filing': hits.length } },
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

	it('cuts back a misspelling that Pagefind matches only to a name’s initial or an article', async () => {
		const { search } = fakeIndex({ ...pages, nguyen: 'Kristina T Nguyen DDS', lifespan: 'a laptop stolen from a car' });
		// Pagefind finds "T" in "tracqqqqqq" and "a" in "anthme"; a reader meant "tracking" and "Anthem".
		const tracking = await searchNear('tracqqqqqq', {}, undefined, search);
		expect(tracking.matched).toBe('trac');
		expect(ids(tracking)).toEqual(['pps']);
		const anthem = await searchNear('anthme', {}, undefined, search);
		expect(anthem.matched).toBe('anth');
		expect(ids(anthem)).toEqual(['anthem']);
		// With nothing to cut back to, nothing is found, and no filter value counts the pages dropped.
		const none = await searchNear('tzzzzzzz', {}, undefined, search);
		expect(none.results).toEqual([]);
		expect(none.filters).toEqual({ kind: { 'Register filing': 0 } });
	});

	it('keeps a short word that was typed, and a page that matches a whole word beside an initial', async () => {
		const { search } = fakeIndex({ ...pages, nguyen: 'Kristina T Nguyen DDS' });
		expect(ids(await searchNear('t', {}, undefined, search))).toContain('nguyen');
		expect(ids(await searchNear('nguyen', {}, undefined, search))).toEqual(['nguyen']);
		expect((await searchNear('tracking', {}, undefined, search)).matched).toBe('tracking');
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

describe('resultExcerpt', () => {
	const result = (kind: string): ResultData => ({
		url: '/x/',
		excerpt: 'the <mark>Anthem</mark> breach',
		meta: kind === 'Case study' ? { summary: 'A summary' } : {},
		filters: { kind: [kind], 'breach-type': ['Theft', 'Loss'], location: ['Laptop'], state: ['Ohio'] },
	});

	it('shows a case study’s matches for a query, and its summary without one', () => {
		expect(resultExcerpt(result('Case study'), true)).toEqual({ html: 'the <mark>Anthem</mark> breach' });
		expect(resultExcerpt(result('Case study'), false)).toEqual({ text: 'A summary' });
	});

	it('shows a filing’s summary, made from its filters, whose page indexes only a name and a state', () => {
		expect(resultExcerpt(result('Register filing'), true)).toEqual({
			text: 'Theft, Loss (Laptop) · Entity of an unreported type, Ohio',
		});
	});
});
