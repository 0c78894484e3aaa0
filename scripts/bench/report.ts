/**
 * The results of one benchmark run: their shape, the checks against the targets and the tables
 * printed to the terminal; the summary of a run kept in docs/benchmarks/, and the tables of
 * docs/BENCHMARKS.md made from those summaries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WordProfile } from './profile.ts';
import type { measuredBuild } from './measure.ts';
import type { QueryRun } from './browser.ts';

/** What `measuredBuild` measures of one build (scripts/bench/measure.ts). */
export type BuildFigures = Awaited<ReturnType<typeof measuredBuild>>;

/** One query kind: the figures of its first run (`runQuery`), with its times the medians over the runs. */
export type SearchFigures = QueryRun & { label: string; query: string };

export interface Target {
	name: string;
	target: string;
	value: string;
	pass: boolean | null;
}

export interface PageWeightFigures {
	/** The median-size page, from the site's root (`incidents/<slug>/`). */
	path: string;
	/** Computed from disk with node:zlib gzip (level 6): HTML + CSS + JS (static imports). */
	gzipBytes: number;
	largest: { path: string; gzipBytes: number };
}

export interface BenchResult {
	date: string;
	/** Case studies: the synthetic corpus's size, or the real casebook's. */
	cases: number;
	/** The real site (content/ with the register) rather than a synthetic corpus. */
	real?: boolean;
	check: boolean;
	machine: { nproc: number; memoryGiB: number; cpu: string; node: string; astro: string; pagefind: string; os: string };
	/** `dirty`: the build's inputs (src/, public/, config, lockfile, build and serve scripts) had uncommitted changes. */
	git: { commit: string; dirty: boolean; dirtyFiles: string[] };
	/** Wall times of every build attempt (--builds K); the figures are from the fastest. */
	builds: { site: number[]; reference: number[] };
	corpus: {
		dir: string;
		queries: Record<string, string>;
		filings?: number;
		seed?: string;
		profile?: { synthetic: WordProfile; real: WordProfile };
	};
	site: BuildFigures;
	reference: BuildFigures | null;
	ratios: {
		time: number | null;
		/** Wall time per page written, ours over the reference's (the real site's target). */
		timePerPage?: number | null;
		/** Our wall time less what the share images added to it, over the reference's. */
		timeWithoutShareImages?: number | null;
		peakRss: number | null;
		maxRssLargestProcess: number | null;
	};
	perCaseMs: { site: number; reference: number | null };
	perPageMs?: { site: number | null; reference: number | null };
	pageWeight: PageWeightFigures;
	/** A register filing's page (the real site). */
	recordWeight?: PageWeightFigures | null;
	search: SearchFigures[];
	targets: Target[];
}

/** The query kinds every run measures. */
export const QUERY_KINDS = ['rare', 'organization', 'state', 'common', 'phrase', 'misspelling'] as const;

const x = (r: number | null | undefined) => (r == null ? '—' : `${r.toFixed(2)}×`);
const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'));
export const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const atMost = (v: number | null | undefined, limit: number) => (v == null ? null : v <= limit);

/** Every figure that the --check mode requires to be present (a positive number). */
export function missingFigures(r: BenchResult, withReference: boolean): string[] {
	const figures: Record<string, unknown> = {
		'site.phases.validate': r.site.phases['validate write-ups (alongside Astro)'],
		'pageWeight.gzipBytes': r.pageWeight.gzipBytes,
		...(withReference ? { 'ratios.time': r.ratios.time } : {}),
	};
	const builds = { site: r.site, ...(withReference ? { reference: r.reference } : {}) };
	for (const [prefix, b] of Object.entries(builds))
		for (const key of [
			'wallMs',
			'pagefindMs',
			'peakTreeRssMb',
			'maxRssLargestProcessMb',
			'pagefindPeakRssMb',
			'pagesBuilt',
			'distBytes',
			'pagefindBytes',
		] as const)
			figures[`${prefix}.${key}`] = b?.[key];
	for (const q of r.search)
		for (const key of ['msToResults', 'msToPage', 'queryBytes', 'resultCount'] as const)
			figures[`search.${q.label}.${key}`] = q[key];
	const missing = Object.keys(figures).filter((k) => !(Number(figures[k]) > 0 && Number.isFinite(figures[k])));
	if (r.search.length !== QUERY_KINDS.length)
		missing.push(`search (got ${r.search.length} of ${QUERY_KINDS.length} queries)`);
	return missing;
}

function table(headers: string[], rows: (string | number)[][]): string {
	const all = [headers, ...rows.map((r) => r.map(String))];
	const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
	const line = (r: (string | number)[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
	return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The figures of one run that docs/BENCHMARKS.md reports, kept in docs/benchmarks/<date>-<cases or real>.json (runs before 2026-12-01 lack the optional ones). */
export type RunSummary = Omit<ReturnType<typeof summaryOf>, 'real'> & { real?: boolean };

const round = (v: number | null | undefined, digits = 1) =>
	v == null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The summary of a run. */
export function summaryOf(r: Omit<BenchResult, 'targets'>) {
	// Ratios are ours over the reference's (null without one); `load` is the 1-minute load average
	// before our build; search figures are over the query kinds; page weights are of the median page.
	const bytes = r.search.map((q) => q.queryBytes);
	const ms = r.search.map((q) => q.msToResults);
	return {
		date: r.date.slice(0, 16) + 'Z',
		cases: r.cases,
		...(r.real ? { real: true } : {}),
		commit: r.git.commit,
		dirty: r.git.dirty,
		load: r.site.loadBefore[0],
		buildSeconds: round(r.site.wallMs / 1000)!,
		perCaseMs: round(r.perCaseMs.site)!,
		timeVsBare: round(r.ratios.time, 2),
		timeVsBareWithoutImages: round(r.ratios.timeWithoutShareImages, 2),
		shareImagesSeconds: r.site.shareImagesMs == null ? null : round(r.site.shareImagesMs / 1000),
		pages: r.site.pagesBuilt,
		indexedPages: r.site.pagefindPages,
		perPageMs: round(r.perPageMs?.site, 2),
		timePerPageVsBare: round(r.ratios.timePerPage, 2),
		peakRssMb: Math.round(r.site.peakTreeRssMb),
		rssVsBare: round(r.ratios.peakRss, 2),
		searchKbMax: round(Math.max(...bytes) / 1024)!,
		searchKbMedian: round(median(bytes) / 1024)!,
		firstResultsMsMax: Math.max(...ms),
		firstResultsMsMedian: median(ms),
		casePageKb: round(r.pageWeight.gzipBytes / 1024)!,
		recordPageKb: r.recordWeight ? round(r.recordWeight.gzipBytes / 1024) : null,
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

/** A row of a table: label, how to show the figure, the target, and whether a run meets it. */
type Figure = [string, (r: RunSummary) => string, string, ((r: RunSummary) => boolean | null)?];
const ms = (v: number | null | undefined) => (v == null ? '—' : `${v} ms`);
const kbOf = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)} KB`);
const BUILD: Figure = ['Build + index, wall time', (r) => `${r.buildSeconds.toFixed(1)} s`, ''];
const RSS: Figure[] = [
	['Peak RSS, process tree', (r) => `${r.peakRssMb} MB`, ''],
	['× bare Astro + Pagefind (memory)', (r) => x(r.rssVsBare), '≤ 1.2×', (r) => atMost(r.rssVsBare, 1.2)],
];
const CASE_PAGE: Figure = [
	'Case page, compressed (median)',
	(r) => kbOf(r.casePageKb),
	'≤ 30 KB',
	(r) => atMost(r.casePageKb, 30),
];
const LOAD: Figure = ['Load average before the build', (r) => (r.load == null ? '—' : String(r.load)), ''];

/** The rows of a synthetic corpus's table (the payload's target is for 10,000 cases, checked at every size). */
const SYNTHETIC: Figure[] = [
	BUILD,
	['per case', (r) => `${r.perCaseMs.toFixed(1)} ms`, ''],
	['× bare Astro + Pagefind (time)', (r) => x(r.timeVsBare), '≤ 1.3×', (r) => atMost(r.timeVsBare, 1.3)],
	['the same without the share images', (r) => x(r.timeVsBareWithoutImages), ''],
	...RSS,
	[
		'Search payload after typing, largest query',
		(r) => kbOf(r.searchKbMax),
		'≤ 150 KB at 10,000',
		(r) => r.searchKbMax <= 150,
	],
	[
		'Typing → first result, slowest query',
		(r) => ms(r.firstResultsMsMax),
		'≤ 200 ms',
		(r) => r.firstResultsMsMax <= 200,
	],
	CASE_PAGE,
	LOAD,
];

/** The rows of the real site's table (targets of #17). */
const REAL: Figure[] = [
	BUILD,
	['Pages written / indexed by Pagefind', (r) => `${n(r.pages)} / ${n(r.indexedPages)}`, ''],
	['per page', (r) => ms(r.perPageMs), ''],
	[
		'× bare Astro + Pagefind per page',
		(r) => x(r.timePerPageVsBare),
		'≤ 1.3×',
		(r) => atMost(r.timePerPageVsBare, 1.3),
	],
	['× bare Astro + Pagefind, wall time', (r) => x(r.timeVsBare), ''],
	['Share images', (r) => (r.shareImagesSeconds == null ? '—' : `${r.shareImagesSeconds.toFixed(1)} s`), ''],
	...RSS,
	[
		'Search payload after typing, median query',
		(r) => kbOf(r.searchKbMedian),
		'≤ 150 KB',
		(r) => r.searchKbMedian <= 150 && r.searchKbMax <= 200,
	],
	['largest query', (r) => kbOf(r.searchKbMax), '≤ 200 KB', (r) => r.searchKbMax <= 200],
	[
		'Typing → first result, median query',
		(r) => ms(r.firstResultsMsMedian),
		'≤ 200 ms',
		(r) => r.firstResultsMsMedian <= 200,
	],
	['Record page, compressed (median)', (r) => kbOf(r.recordPageKb), '≤ 15 KB', (r) => atMost(r.recordPageKb, 15)],
	CASE_PAGE,
	LOAD,
];

/** The run against the targets of docs/BENCHMARKS.md (for the real site, those of #17): the rows with a target. */
export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
	const summary = summaryOf(r);
	return (r.real ? REAL : SYNTHETIC)
		.filter(([, , target]) => target)
		.map(([name, show, target, pass]) => ({ name, target, value: show(summary), pass: pass?.(summary) ?? null }));
}

/** The terminal report of one run: its table, and whether it meets each target. */
export function formatRun(r: BenchResult): string {
	const summary = summaryOf(r);
	const rows = (r.real ? REAL : SYNTHETIC).map(([label, show, target, pass]) => {
		const ok = pass?.(summary);
		return [label, show(summary), target, ok == null ? '' : ok ? 'pass' : 'MISS'];
	});
	const { nproc, memoryGiB, node } = r.machine;
	return `Benchmark: ${r.real ? 'the real site' : `${n(r.cases)} cases`}, ${r.date}, ${nproc} cores, ${memoryGiB} GiB, Node ${node}, commit ${r.git.commit}${r.git.dirty ? ' (dirty)' : ''}\n\n${table(['Figure', 'Measured', 'Target', 'Result'], rows)}`;
}

const runName = (r: RunSummary) => `${r.date.slice(0, 10)}, ${r.commit}${r.dirty ? '+' : ''}`;

/** One table per corpus size and one for the real site: the latest run beside the previous one, and the targets. */
export function benchmarkTables(runs: readonly RunSummary[]): string {
	const section = (title: string, list: RunSummary[], figures: Figure[]) => {
		const [latest, previous] = [...list].reverse();
		const head = ['Figure', `Latest (${runName(latest!)})`, previous ? `Previous (${runName(previous)})` : 'Previous'];
		const rows = figures.map(([label, show, target]) => [
			label,
			show(latest!),
			previous ? show(previous) : '—',
			target,
		]);
		return `### ${title}\n\n${table([...head, 'Target'], rows)}`;
	};
	const synthetic = (cases: number) => runs.filter((r) => !r.real && r.cases === cases);
	const sizes = [...new Set(runs.filter((r) => !r.real).map((r) => r.cases))].sort((a, b) => a - b);
	const sections = sizes.map((cases) =>
		section(`${cases.toLocaleString('en-US')} case studies`, synthetic(cases), SYNTHETIC),
	);
	// Scaling: the latest 10,000-case run over the latest 1,000-case run, when both measured the same commit.
	const [small, large] = [synthetic(1000).at(-1), synthetic(10_000).at(-1)];
	if (small && large) {
		const same = small.commit === large.commit && !small.dirty && !large.dirty;
		sections.push(
			`10,000 against 1,000 cases (target ≤ 11×): ${x(large.buildSeconds / small.buildSeconds)}${same ? '' : `, but the two latest runs measured different code (${runName(small)}; ${runName(large)})`}.`,
		);
	}
	const real = runs.filter((r) => r.real);
	if (real.length) sections.push(section('The real site: the casebook and the whole register', real, REAL));
	return sections.join('\n\n');
}
