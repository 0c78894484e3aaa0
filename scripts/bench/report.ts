/**
 * The results of one benchmark run: their shape, the checks against the targets and the table
 * printed to the terminal; the summary of a run kept in docs/benchmarks/, and the tables of
 * docs/BENCHMARKS.md made from those summaries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WordProfile } from './profile.ts';

export interface BuildFigures {
	wallMs: number;
	/** Our build only: the write-up validation before Astro starts (scripts/build.ts). */
	validateMs: number | null;
	/** Phases from the build's timing marks (src/integrations/build-marks.ts), in ms. */
	phases: Record<string, number | null>;
	pagefindMs: number | null;
	pagefindPages: number | null;
	peakTreeRssMb: number;
	maxRssLargestProcessMb: number | null;
	pagefindPeakRssMb: number | null;
	pagefindWindowTreeRssMb: number | null;
	cpuSeconds: number | null;
	pagesBuilt: number | null;
	htmlFiles: number;
	distBytes: number;
	distFiles: number;
	pagefindBytes: number;
	pagefindFiles: number;
	/** Fragment files: one per page that has searchable content. */
	pagefindFragments: number;
	/** Output by top-level folder (top 12). */
	output: { path: string; files: number; bytes: number }[];
	loadBefore: number[];
	loadAfter: number[];
	log: string;
}

export interface SearchFigures {
	label: string;
	query: string;
	resultCount: number;
	/** Median over runs. */
	/** Typing to the count and the first result drawn. */
	msToResults: number;
	/** Typing to the whole first page of results drawn; absent before the results were drawn one by one. */
	msToPage?: number;
	msSearchToResults: number;
	msToReady: number;
	runsMs: number[];
	queryRequests: number;
	queryBytes: number;
	totalRequests: number;
	totalBytes: number;
	/** After typing, by Pagefind file kind: index chunks, fragments (one per result shown), filters. */
	queryByKind: Record<string, { requests: number; bytes: number }>;
}

export interface Target {
	name: string;
	target: string;
	value: string;
	pass: boolean | null;
}

export interface BenchResult {
	date: string;
	cases: number;
	check: boolean;
	machine: { nproc: number; memoryGiB: number; cpu: string; node: string; astro: string; pagefind: string; os: string };
	/** `fingerprint`: a hash of the build's inputs (src/, public/, config, lockfile, build and serve scripts) with their uncommitted changes, to tell whether two runs measured the same code. */
	git: { commit: string; dirty: boolean; dirtyFiles: string[]; fingerprint?: string };
	/** Wall times of every build attempt (--builds K); the figures are from the fastest. */
	builds: { site: number[]; reference: number[] };
	corpus: {
		dir: string;
		generationMs: number;
		bytes: number;
		bodyWords: { min: number; median: number; max: number };
		withRelated: number;
		queries: Record<string, string>;
		/** Absent in runs before the corpus seed breach-casebook-bench-v2. */
		seed?: string;
		profile?: { synthetic: WordProfile; real: WordProfile };
	};
	site: BuildFigures;
	reference: BuildFigures | null;
	ratios: { time: number | null; peakRss: number | null; maxRssLargestProcess: number | null };
	perCaseMs: { site: number; reference: number | null };
	pageWeight: {
		slug: string;
		/** Computed from disk with node:zlib gzip (level 6): HTML + CSS + JS (static imports). */
		gzipBytes: number;
		rawBytes: number;
		byKind: Record<string, { raw: number; gzip: number }>;
		files: number;
		largest: { slug: string; gzipBytes: number };
		/** Measured in Chromium against nginx (gzip level 1): response bodies of document, stylesheets and scripts. */
		browserBytes: number | null;
		browserRequests: number | null;
		browserAllTransferBytes: number | null;
		pagefindRequestsOnLoad: number | null;
	};
	search: SearchFigures[];
	/** This run against results-1000.json (or, for the 1,000-case run, results-10000.json). */
	scaling: {
		smallCases: number;
		largeCases: number;
		smallWallMs: number;
		largeWallMs: number;
		/** Wall time of the larger run over the smaller. */
		ratio: number;
		/** Cases of the larger run over the smaller. */
		linear: number;
		/** Whether both runs measured the same commit and working-tree changes. */
		sameCode: boolean;
		other: { date: string; commit: string };
	} | null;
	targets: Target[];
}

const kb = (b: number | null | undefined) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b: number | null | undefined) => (b == null ? '—' : `${(b / 1024 / 1024).toFixed(1)} MB`);
const s = (ms: number | null | undefined) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const rss = (m: number | null | undefined) => (m == null ? '—' : `${Math.round(m)} MB`);
const x = (r: number | null | undefined) => (r == null ? '—' : `${r.toFixed(2)}×`);
const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'));

function scalingText(sc: NonNullable<BenchResult['scaling']>): string {
	return `${x(sc.ratio)} (${sc.largeCases.toLocaleString('en-US')} vs ${sc.smallCases.toLocaleString('en-US')} cases: ${s(sc.largeWallMs)} vs ${s(sc.smallWallMs)}${sc.sameCode ? '' : `; the other run, ${sc.other.date.slice(0, 16).replace('T', ' ')}, measured different code`})`;
}

/** Compares the figures with the targets in docs/BENCHMARKS.md. */
export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
	const maxQueryBytes = Math.max(...r.search.map((q) => q.queryBytes));
	const maxMs = Math.max(...r.search.map((q) => q.msToResults));
	const maxSearchMs = Math.max(...r.search.map((q) => q.msSearchToResults));
	const maxPageMs = Math.max(...r.search.map((q) => q.msToPage ?? NaN));
	return [
		{
			name: 'Full site + index time vs bare Astro + Pagefind',
			target: '≤ 1.3×',
			value: x(r.ratios.time),
			pass: r.ratios.time == null ? null : r.ratios.time <= 1.3,
		},
		{
			name: 'Peak RSS (process tree) vs bare Astro + Pagefind',
			target: '≤ 1.2×',
			value: x(r.ratios.peakRss),
			pass: r.ratios.peakRss == null ? null : r.ratios.peakRss <= 1.2,
		},
		{
			name: '10,000-case build vs 1,000-case build',
			target: '≤ 11×',
			value: r.scaling ? scalingText(r.scaling) : '—',
			pass:
				r.scaling && r.scaling.sameCode && r.scaling.smallCases === 1000 && r.scaling.largeCases === 10_000
					? r.scaling.ratio <= 11
					: null,
		},
		{
			name: 'Search payload per query (after typing, largest)',
			target: r.cases >= 10_000 ? '≤ 150 KB' : '≤ 150 KB (at 10,000 cases)',
			value: kb(maxQueryBytes),
			pass: maxQueryBytes <= 150 * 1024,
		},
		{
			name: 'Time to first results (typing → count and first result drawn, slowest query; includes the 50 ms typing pause)',
			target: '≤ 200 ms',
			value: `${maxMs} ms (${maxSearchMs} ms without the typing pause; whole first page ${maxPageMs} ms)`,
			pass: maxMs <= 200,
		},
		{
			name: 'Case page, compressed (HTML + CSS + JS, median page, gzip -6)',
			target: '≤ 30 KB',
			value: `${kb(r.pageWeight.gzipBytes)} (largest page ${kb(r.pageWeight.largest.gzipBytes)}; nginx ${kb(r.pageWeight.browserBytes)})`,
			pass: r.pageWeight.gzipBytes <= 30 * 1024,
		},
	];
}

/** Every figure that the --check mode requires to be present. */
export function missingFigures(r: BenchResult, withReference: boolean): string[] {
	const missing: string[] = [];
	const need = (name: string, v: unknown) => {
		if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) missing.push(name);
	};
	const build = (prefix: string, b: BuildFigures) => {
		need(`${prefix}.wallMs`, b.wallMs);
		need(`${prefix}.pagefindMs`, b.pagefindMs);
		need(`${prefix}.peakTreeRssMb`, b.peakTreeRssMb || null);
		need(`${prefix}.maxRssLargestProcessMb`, b.maxRssLargestProcessMb);
		need(`${prefix}.pagefindPeakRssMb`, b.pagefindPeakRssMb);
		need(`${prefix}.pagesBuilt`, b.pagesBuilt);
		need(`${prefix}.distBytes`, b.distBytes || null);
		need(`${prefix}.distFiles`, b.distFiles || null);
		need(`${prefix}.pagefindBytes`, b.pagefindBytes || null);
		need(`${prefix}.pagefindFiles`, b.pagefindFiles || null);
	};
	build('site', r.site);
	need('site.validateMs', r.site.validateMs);
	if (withReference) {
		if (!r.reference) missing.push('reference');
		else build('reference', r.reference);
		need('ratios.time', r.ratios.time);
		need('ratios.peakRss', r.ratios.peakRss);
	}
	need('pageWeight.gzipBytes', r.pageWeight.gzipBytes || null);
	need('pageWeight.browserBytes', r.pageWeight.browserBytes || null);
	if (r.search.length !== 4) missing.push(`search (got ${r.search.length} of 4 queries)`);
	for (const q of r.search) {
		need(`search.${q.label}.msToResults`, q.msToResults);
		need(`search.${q.label}.msToPage`, q.msToPage);
		need(`search.${q.label}.queryBytes`, q.queryBytes);
		need(`search.${q.label}.totalBytes`, q.totalBytes || null);
		need(`search.${q.label}.resultCount`, q.resultCount >= 0 ? q.resultCount : null);
	}
	const rare = r.search.find((q) => q.label === 'rare organization');
	if (rare && rare.resultCount < 1) missing.push('search.rare organization found nothing');
	return missing;
}

function table(headers: string[], rows: (string | number)[][]): string {
	const all = [headers, ...rows.map((r) => r.map(String))];
	const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
	const line = (r: (string | number)[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
	return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function buildRows(r: BenchResult): (string | number)[][] {
	const ours = r.site;
	const ref = r.reference;
	const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? x(a / b) : '—');
	return [
		['Build + index, wall time', s(ours.wallMs), s(ref?.wallMs), x(r.ratios.time)],
		[
			'  per case',
			`${r.perCaseMs.site.toFixed(1)} ms`,
			r.perCaseMs.reference == null ? '—' : `${r.perCaseMs.reference.toFixed(1)} ms`,
			x(r.ratios.time),
		],
		['  write-up validation (alongside Astro)', s(ours.validateMs), '—', '—'],
		[
			'  Pagefind indexing (integration log)',
			s(ours.pagefindMs),
			s(ref?.pagefindMs),
			ratio(ours.pagefindMs, ref?.pagefindMs),
		],
		[
			'CPU time (user + sys)',
			s(ours.cpuSeconds == null ? null : ours.cpuSeconds * 1000),
			s(ref?.cpuSeconds == null ? null : ref.cpuSeconds * 1000),
			ratio(ours.cpuSeconds, ref?.cpuSeconds),
		],
		['Peak RSS, process tree (sum)', rss(ours.peakTreeRssMb), rss(ref?.peakTreeRssMb), x(r.ratios.peakRss)],
		[
			'Peak RSS, largest process (time -v)',
			rss(ours.maxRssLargestProcessMb),
			rss(ref?.maxRssLargestProcessMb),
			x(r.ratios.maxRssLargestProcess),
		],
		[
			'Peak RSS, Pagefind binary',
			rss(ours.pagefindPeakRssMb),
			rss(ref?.pagefindPeakRssMb),
			ratio(ours.pagefindPeakRssMb, ref?.pagefindPeakRssMb),
		],
		[
			'Peak RSS, tree while Pagefind ran',
			rss(ours.pagefindWindowTreeRssMb),
			rss(ref?.pagefindWindowTreeRssMb),
			ratio(ours.pagefindWindowTreeRssMb, ref?.pagefindWindowTreeRssMb),
		],
		['Pages written (Astro)', n(ours.pagesBuilt), n(ref?.pagesBuilt), '—'],
		['Pages indexed by Pagefind', n(ours.pagefindPages), n(ref?.pagefindPages), '—'],
		['Output size', mb(ours.distBytes), mb(ref?.distBytes), ratio(ours.distBytes, ref?.distBytes)],
		['Output files', n(ours.distFiles), n(ref?.distFiles), ratio(ours.distFiles, ref?.distFiles)],
		[
			'Pagefind index size',
			mb(ours.pagefindBytes),
			mb(ref?.pagefindBytes),
			ratio(ours.pagefindBytes, ref?.pagefindBytes),
		],
		['Pagefind index files', n(ours.pagefindFiles), n(ref?.pagefindFiles), '—'],
		['Pages with searchable content (fragments)', n(ours.pagefindFragments), n(ref?.pagefindFragments), '—'],
	];
}

function phaseRows(r: BenchResult): (string | number)[][] {
	const keys = [...new Set([...Object.keys(r.site.phases), ...Object.keys(r.reference?.phases ?? {})])];
	return keys.map((k) => [k, s(r.site.phases[k]), s(r.reference?.phases[k])]);
}

function outputRows(r: BenchResult): (string | number)[][] {
	return r.site.output.slice(0, 8).map((o) => [o.path, n(o.files), mb(o.bytes)]);
}

const OUTPUT_HEADERS = ['Output folder (our build)', 'Files', 'Size'];

function searchRows(r: BenchResult): (string | number)[][] {
	return r.search.map((q) => [
		`${q.label}: “${q.query}”`,
		q.resultCount,
		`${q.msToResults} ms`,
		`${q.msSearchToResults} ms`,
		q.msToPage == null ? '—' : `${q.msToPage} ms`,
		`${q.queryRequests} / ${kb(q.queryBytes)}`,
		['index', 'fragment', 'filter', 'other']
			.filter((k) => q.queryByKind?.[k])
			.map((k) => `${k} ${q.queryByKind[k]!.requests} / ${kb(q.queryByKind[k]!.bytes)}`)
			.join(', ') || '—',
		`${q.totalRequests} / ${kb(q.totalBytes)}`,
	]);
}

const SEARCH_HEADERS = [
	'Query',
	'Results',
	'Typing → first result',
	'Search → first result',
	'Typing → first page',
	'Pagefind after typing (req / bytes)',
	'of which',
	'Pagefind total incl. load',
];

/** The figures of one run, for the terminal. */
function runTables(r: BenchResult, miss: string): string[] {
	const pw = r.pageWeight;
	return [
		table(['Figure', 'Breach Casebook', 'Bare Astro + Pagefind', 'Ratio'], buildRows(r)),
		'',
		table(['Phase (from the build marks)', 'Breach Casebook', 'Bare Astro'], phaseRows(r)),
		'',
		table(OUTPUT_HEADERS, outputRows(r)),
		'',
		`Case page \`${pw.slug}\` (median size): ${kb(pw.gzipBytes)} gzip -6 (HTML ${kb(pw.byKind.html?.gzip)}, CSS ${kb(pw.byKind.css?.gzip)}, JS ${kb(pw.byKind.js?.gzip)} in ${pw.files} files; ${kb(pw.rawBytes)} uncompressed). In Chromium through nginx: ${kb(pw.browserBytes)} of HTML, CSS and JS in ${pw.browserRequests} requests, ${pw.pagefindRequestsOnLoad} to /pagefind/. Largest case page \`${pw.largest.slug}\`: ${kb(pw.largest.gzipBytes)}.`,
		'',
		table(SEARCH_HEADERS, searchRows(r)),
		'',
		r.scaling
			? `Scaling: ${scalingText(r.scaling)}, for ${x(r.scaling.linear)} the cases.`
			: 'Scaling: no other run (results-1000.json, or results-10000.json for the 1,000-case run) to compare with.',
		'',
		table(
			['Target', 'Goal', 'Measured', 'Result'],
			r.targets.map((t) => [t.name, t.target, t.value, t.pass === null ? 'n/a' : t.pass ? 'pass' : miss]),
		),
	];
}

/** The terminal report. */
export function formatTable(r: BenchResult): string {
	return [
		`Benchmark: ${r.cases.toLocaleString('en-US')} cases, ${r.date}, ${r.machine.nproc} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, commit ${r.git.commit}${r.git.dirty ? ' (dirty)' : ''}`,
		`Load average before our build: ${r.site.loadBefore.join(', ')}`,
		'',
		...runTables(r, 'MISS'),
	].join('\n');
}

/** The figures of one run that docs/BENCHMARKS.md reports, kept in docs/benchmarks/<date>-<cases>.json. */
export interface RunSummary {
	/** ISO 8601, to the minute. */
	date: string;
	cases: number;
	/** The commit measured; `dirty` when the working tree had changes to it. */
	commit: string;
	dirty: boolean;
	buildSeconds: number;
	perCaseMs: number;
	/** Our build's wall time over the bare Astro reference's; null without a reference. */
	timeVsBare: number | null;
	peakRssMb: number;
	rssVsBare: number | null;
	/** The largest Pagefind payload after typing, over the four queries. */
	searchKbMax: number;
	/** Typing to the first result drawn, slowest of the four queries. */
	firstResultsMsMax: number;
	/** The median case page, HTML + CSS + JS, gzip -6. */
	casePageKb: number;
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The summary of a run. */
export function summaryOf(r: BenchResult): RunSummary {
	return {
		date: r.date.slice(0, 16) + 'Z',
		cases: r.cases,
		commit: r.git.commit,
		dirty: r.git.dirty,
		buildSeconds: round(r.site.wallMs / 1000),
		perCaseMs: round(r.perCaseMs.site),
		timeVsBare: r.ratios.time == null ? null : round(r.ratios.time, 2),
		peakRssMb: Math.round(r.site.peakTreeRssMb),
		rssVsBare: r.ratios.peakRss == null ? null : round(r.ratios.peakRss, 2),
		searchKbMax: round(Math.max(...r.search.map((q) => q.queryBytes)) / 1024),
		firstResultsMsMax: Math.max(...r.search.map((q) => q.msToResults)),
		casePageKb: round(r.pageWeight.gzipBytes / 1024),
	};
}

/** Every run kept in `dir` (docs/benchmarks/), oldest first. */
export function readRuns(dir: string): RunSummary[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { summary: RunSummary }).summary)
		.sort((a, b) => a.date.localeCompare(b.date) || a.cases - b.cases);
}

/** The rows of the latest-figures table: label, how to show a figure, and its target. */
const FIGURES: [string, (r: RunSummary) => string, string][] = [
	['Build + index, wall time', (r) => `${r.buildSeconds.toFixed(1)} s`, ''],
	['per case', (r) => `${r.perCaseMs.toFixed(1)} ms`, ''],
	['× bare Astro + Pagefind (time)', (r) => x(r.timeVsBare), '≤ 1.3×'],
	['Peak RSS, process tree', (r) => `${r.peakRssMb} MB`, ''],
	['× bare Astro + Pagefind (memory)', (r) => x(r.rssVsBare), '≤ 1.2×'],
	['Search payload after typing, largest query', (r) => `${r.searchKbMax.toFixed(1)} KB`, '≤ 150 KB at 10,000'],
	['Typing → first result, slowest query', (r) => `${r.firstResultsMsMax} ms`, '≤ 200 ms'],
	['Case page, compressed (median)', (r) => `${r.casePageKb.toFixed(1)} KB`, '≤ 30 KB'],
];

const runName = (r: RunSummary) => `${r.date.slice(0, 10)}, ${r.commit}${r.dirty ? '+' : ''}`;

/** One table per corpus size: the latest run's figures beside the previous run's, and the targets. */
export function benchmarkTables(runs: readonly RunSummary[]): string {
	const sizes = [...new Set(runs.map((r) => r.cases))].sort((a, b) => a - b);
	return sizes
		.map((cases) => {
			const [latest, previous] = runs.filter((r) => r.cases === cases).reverse();
			const rows = FIGURES.map(([label, show, target]) => [
				label,
				show(latest!),
				previous ? show(previous) : '—',
				target,
			]);
			return [
				`### ${cases.toLocaleString('en-US')} case studies`,
				'',
				table(
					[
						'Figure',
						`Latest (${runName(latest!)})`,
						previous ? `Previous (${runName(previous)})` : 'Previous',
						'Target',
					],
					rows,
				),
			].join('\n');
		})
		.join('\n\n');
}
