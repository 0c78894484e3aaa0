/**
 * The benchmark report judges the real site by the targets of #17 (per page against the reference,
 * the median query's payload with none above 200 KB, the median time to a first result, the
 * record page's weight), and docs/BENCHMARKS.md gets a table for it beside the synthetic sizes.
 */
import { describe, expect, it } from 'vitest';
import {
	benchmarkTables,
	evaluateTargets,
	summaryOf,
	type BenchResult,
	type BuildFigures,
} from '../../scripts/bench/report.ts';

const build = (wallMs: number, pagesBuilt: number): BuildFigures => ({
	wallMs,
	phases: {},
	pagefindMs: 1000,
	pagefindPages: 62,
	shareImagesMs: 2000,
	shareImagesBeyondIndexingMs: 1000,
	shareImagesDrawn: 60,
	peakTreeRssMb: 1000,
	maxRssLargestProcessMb: 900,
	pagefindPeakRssMb: 50,
	cpuSeconds: 40,
	pagesBuilt,
	distBytes: 1,
	pagefindBytes: 1,
	output: [],
	loadBefore: [2.5, 2, 2],
});
const weight = (kb: number) => ({
	path: 'x/',
	gzipBytes: kb * 1024,
	largest: { path: 'y/', gzipBytes: kb * 1024 },
});
const query = (label: string, kb: number, ms: number) => ({
	label,
	query: label,
	resultCount: 3,
	msToResults: ms,
	msToPage: ms + 50,
	queryRequests: 5,
	queryBytes: kb * 1024,
	totalRequests: 30,
	totalBytes: 200 * 1024,
	queryByKind: {},
});

/** The real site: twice the reference's pages in 1.5 times its time, so 0.75× per page. */
function realRun(queryKb: number[], recordKb: number, date = '2026-12-01T01:00:00.000Z'): BenchResult {
	const site = build(90_000, 15_000);
	const reference = build(60_000, 7_500);
	const r: Omit<BenchResult, 'targets'> = {
		date,
		cases: 60,
		real: true,
		check: false,
		machine: { nproc: 2, memoryGiB: 23.5, cpu: '', node: '', astro: '', pagefind: '', os: '' },
		git: { commit: 'abc1234', dirty: false, dirtyFiles: [] },
		builds: { site: [90_000], reference: [60_000] },
		corpus: { dir: 'content', queries: {} },
		site,
		reference,
		ratios: { time: 1.5, timePerPage: 0.75, timeWithoutShareImages: 1.4, peakRss: 1.1, maxRssLargestProcess: 1.1 },
		perCaseMs: { site: 1500, reference: 1000 },
		perPageMs: { site: 6, reference: 8 },
		pageWeight: weight(21),
		recordWeight: weight(recordKb),
		search: queryKb.map((kb, i) => query(`q${i}`, kb, 150 + i)),
	};
	return { ...r, targets: evaluateTargets(r) };
}
const verdict = (r: BenchResult, name: RegExp) => r.targets.find((t) => name.test(t.name))?.pass;

describe('the real site’s targets', () => {
	it('compares the build per page with the reference, not the wall time', () => {
		expect(verdict(realRun([50, 60, 70], 13), /per page/)).toBe(true);
	});

	it('takes the median query for the payload, and fails it when any query is above 200 KB', () => {
		expect(verdict(realRun([50, 60, 190], 13), /payload/)).toBe(true);
		expect(verdict(realRun([50, 60, 210], 13), /payload/)).toBe(false);
		expect(verdict(realRun([140, 160, 170], 13), /payload/)).toBe(false);
	});

	it('holds a record page to 15 KB', () => {
		expect(verdict(realRun([50], 14.9), /Record page/)).toBe(true);
		expect(verdict(realRun([50], 15.1), /Record page/)).toBe(false);
	});

	it('gets its own table in the report, the latest run beside the previous', () => {
		const runs = [realRun([50, 60, 70], 13, '2026-12-01T00:00:00.000Z'), realRun([50, 60, 80], 12)].map(summaryOf);
		const text = benchmarkTables(runs);
		expect(text).toContain('### The real site');
		expect(text).toMatch(/Record page, compressed \(median\) *\| 12\.0 KB *\| 13\.0 KB *\| ≤ 15 KB/);
		expect(text).toMatch(/× bare Astro \+ Pagefind per page *\| 0\.75× *\| 0\.75× *\| ≤ 1\.3×/);
	});
});
