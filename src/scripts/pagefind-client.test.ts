import { describe, expect, it } from 'vitest';
import { drawInOrder, filtersSummaryText, resultsText, type ResultData } from './pagefind-client.ts';

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

describe('filtersSummaryText', () => {
	it('says how many filters are active, and nothing more when none is', () => {
		expect(filtersSummaryText(0)).toBe('Filters');
		expect(filtersSummaryText(1)).toBe('Filters · 1 active');
		expect(filtersSummaryText(1200)).toBe('Filters · 1,200 active');
	});
});
