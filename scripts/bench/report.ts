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
export type SearchFigures = Omit<QueryRun, 'status'> & { label: string; query: string; runsMs: number[] };

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
	rawBytes: number;
	byKind: Record<string, { raw: number; gzip: number }>;
	files: number;
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
		generationMs?: number;
		bytes?: number;
		bodyWords?: { min: number; median: number; max: number };
		withRelated?: number;
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

const kb = (b: number | null | undefined) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b: number | null | undefined) => (b == null ? '—' : `${(b / 1024 / 1024).toFixed(1)} MB`);
const s = (ms: number | null | undefined) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const rss = (m: number | null | undefined) => (m == null ? '—' : `${Math.round(m)} MB`);
const x = (r: number | null | undefined) => (r == null ? '—' : `${r.toFixed(2)}×`);
const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'));
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const pass = (v: number | null | undefined, limit: number) => (v == null ? null : v <= limit);

/** Compares the figures with the targets in docs/BENCHMARKS.md (for the real site, those of #17). */
export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
	const bytes = r.search.map((q) => q.queryBytes);
	const ms = r.search.map((q) => q.msToResults);
	const [maxKb, midKb, maxMs, midMs] = [Math.max(...bytes) / 1024, median(bytes) / 1024, Math.max(...ms), median(ms)];
	const images = `; without the share images ${x(r.ratios.timeWithoutShareImages)}`;
	const pw = r.pageWeight;
	const rw = r.recordWeight;
	const t = (name: string, target: string, value: string, ok: boolean | null): Target => ({
		name,
		target,
		value,
		pass: ok,
	});
	return [
		r.real
			? t(
					'Build + index per page vs bare Astro + Pagefind per page',
					'≤ 1.3×',
					`${x(r.ratios.timePerPage)} (wall time ${x(r.ratios.time)}${images})`,
					pass(r.ratios.timePerPage, 1.3),
				)
			: t(
					'Full site + index time vs bare Astro + Pagefind',
					'≤ 1.3×',
					`${x(r.ratios.time)}${images}`,
					pass(r.ratios.time, 1.3),
				),
		t('Peak RSS (process tree) vs bare Astro + Pagefind', '≤ 1.2×', x(r.ratios.peakRss), pass(r.ratios.peakRss, 1.2)),
		r.real
			? t(
					'Search payload after typing, median query (none above 200 KB)',
					'≤ 150 KB',
					`${midKb.toFixed(1)} KB (largest ${maxKb.toFixed(1)} KB)`,
					midKb <= 150 && maxKb <= 200,
				)
			: t(
					'Search payload after typing, largest query',
					r.cases >= 10_000 ? '≤ 150 KB' : '≤ 150 KB (at 10,000 cases)',
					`${maxKb.toFixed(1)} KB`,
					maxKb <= 150,
				),
		r.real
			? t('Typing → first result, median query', '≤ 200 ms', `${midMs} ms (slowest ${maxMs} ms)`, midMs <= 200)
			: t(
					'Typing → first result, slowest query (includes the 50 ms typing pause)',
					'≤ 200 ms',
					`${maxMs} ms`,
					maxMs <= 200,
				),
		...(rw
			? [
					t(
						'Record page, compressed (search not opened)',
						'≤ 15 KB',
						`${kb(rw.gzipBytes)} (largest ${kb(rw.largest.gzipBytes)})`,
						rw.gzipBytes <= 15 * 1024,
					),
				]
			: []),
		t(
			'Case page, compressed (HTML + CSS + JS, gzip -6)',
			'≤ 30 KB',
			`${kb(pw.gzipBytes)} (largest ${kb(pw.largest.gzipBytes)})`,
			pw.gzipBytes <= 30 * 1024,
		),
	];
}

/** Every figure that the --check mode requires to be present. */
export function missingFigures(r: BenchResult, withReference: boolean): string[] {
	const missing: string[] = [];
	const need = (name: string, v: unknown) => {
		if (v === null || v === undefined || v === 0 || (typeof v === 'number' && !Number.isFinite(v))) missing.push(name);
	};
	const builds: [string, BuildFigures | null][] = [['site', r.site]];
	if (withReference) builds.push(['reference', r.reference]);
	for (const [prefix, b] of builds) {
		if (!b) missing.push(prefix);
		else
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
				need(`${prefix}.${key}`, b[key]);
	}
	need('site.phases.validate', r.site.phases['validate write-ups (alongside Astro)']);
	if (withReference) need('ratios.time', r.ratios.time);
	need('pageWeight.gzipBytes', r.pageWeight.gzipBytes);
	if (r.search.length !== QUERY_KINDS.length)
		missing.push(`search (got ${r.search.length} of ${QUERY_KINDS.length} queries)`);
	for (const q of r.search) {
		need(`search.${q.label}.msToResults`, q.msToResults);
		need(`search.${q.label}.msToPage`, q.msToPage);
		need(`search.${q.label}.queryBytes`, q.queryBytes);
		if (q.resultCount < 1) missing.push(`search.${q.label} found nothing`);
	}
	return missing;
}

function table(headers: string[], rows: (string | number)[][]): string {
	const all = [headers, ...rows.map((r) => r.map(String))];
	const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
	const line = (r: (string | number)[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
	return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The terminal report of one run. */
export function formatTable(r: BenchResult): string {
	const ours = r.site;
	const ref = r.reference;
	const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? x(a / b) : '—');
	const row = (label: string, show: (v: number | null | undefined) => string, key: keyof BuildFigures) => {
		const [a, b] = [ours[key] as number | null, ref?.[key] as number | null | undefined];
		return [label, show(a), show(b), ratio(a, b)];
	};
	const build = [
		row('Build + index, wall time', s, 'wallMs'),
		[
			'  per page written',
			`${r.perPageMs?.site?.toFixed(2)} ms`,
			`${r.perPageMs?.reference?.toFixed(2) ?? '—'} ms`,
			x(r.ratios.timePerPage),
		],
		[
			'  of which share images (alongside Pagefind)',
			`${s(ours.shareImagesMs)} (${s(ours.shareImagesBeyondIndexingMs)} beyond Pagefind), ${n(ours.shareImagesDrawn)} drawn`,
			'—',
			'—',
		],
		row('CPU time (user + sys), s', (v) => (v == null ? '—' : `${v} s`), 'cpuSeconds'),
		row('Peak RSS, process tree (sum)', rss, 'peakTreeRssMb'),
		row('Peak RSS, largest process (time -v)', rss, 'maxRssLargestProcessMb'),
		row('Peak RSS, Pagefind binary', rss, 'pagefindPeakRssMb'),
		row('Pages written (Astro)', n, 'pagesBuilt'),
		row('Pages indexed by Pagefind', n, 'pagefindPages'),
		row('Output size', mb, 'distBytes'),
		row('Output files', n, 'distFiles'),
		row('Pagefind index size', mb, 'pagefindBytes'),
	];
	const phases = [...new Set([...Object.keys(ours.phases), ...Object.keys(ref?.phases ?? {})])].map((k) => [
		k,
		s(ours.phases[k]),
		s(ref?.phases[k]),
	]);
	const weight = (what: string, w: PageWeightFigures) =>
		`${what} \`${w.path}\` (median size): ${kb(w.gzipBytes)} gzip -6 (HTML ${kb(w.byKind.html?.gzip)}, CSS ${kb(w.byKind.css?.gzip)}, JS ${kb(w.byKind.js?.gzip)} in ${w.files} files); largest \`${w.largest.path}\` ${kb(w.largest.gzipBytes)}.`;
	const search = r.search.map((q) => [
		`${q.label}: “${q.query}”`,
		n(q.resultCount),
		`${q.msToResults} ms`,
		`${q.msSearchToResults} ms`,
		`${q.msToPage ?? '—'} ms`,
		`${q.queryRequests} / ${kb(q.queryBytes)}`,
		Object.entries(q.queryByKind)
			.map(([k, v]) => `${k} ${v.requests} / ${kb(v.bytes)}`)
			.join(', '),
		`${q.totalRequests} / ${kb(q.totalBytes)}`,
	]);
	return [
		`Benchmark: ${r.real ? 'the real site' : `${n(r.cases)} cases`}, ${r.date}, ${r.machine.nproc} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, commit ${r.git.commit}${r.git.dirty ? ' (dirty)' : ''}`,
		`Load average before our build: ${ours.loadBefore.join(', ')}; before the reference: ${ref?.loadBefore.join(', ') ?? '—'}`,
		'',
		table(['Figure', 'Breach Casebook', 'Bare Astro + Pagefind', 'Ratio'], build),
		'',
		table(['Phase (from the build marks)', 'Breach Casebook', 'Bare Astro'], phases),
		'',
		table(
			['Output folder (our build)', 'Files', 'Size'],
			ours.output.slice(0, 8).map((o) => [o.path, n(o.files), mb(o.bytes)]),
		),
		'',
		weight('Case page', r.pageWeight),
		r.recordWeight ? weight('Record page', r.recordWeight) : '',
		'',
		table(
			[
				'Query',
				'Results',
				'Typing → first result',
				'Search → first result',
				'Typing → first page',
				'Pagefind after typing (req / bytes)',
				'of which',
				'Pagefind total incl. load',
			],
			search,
		),
		'',
		table(
			['Target', 'Goal', 'Measured', 'Result'],
			r.targets.map((t) => [t.name, t.target, t.value, t.pass === null ? 'n/a' : t.pass ? 'pass' : 'MISS']),
		),
	].join('\n');
}

/** The figures of one run that docs/BENCHMARKS.md reports, kept in docs/benchmarks/<date>-<cases or real>.json (runs before 2026-12-01 lack the optional ones). */
export type RunSummary = Omit<ReturnType<typeof summaryOf>, 'real'> & { real?: boolean };

const round = (v: number | null | undefined, digits = 1) =>
	v == null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The summary of a run. */
export function summaryOf(r: BenchResult) {
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

type Figure = [string, (r: RunSummary) => string, string];
const ms = (v: number | null | undefined) => (v == null ? '—' : `${v} ms`);
const kbOf = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)} KB`);

/** The rows of a synthetic corpus's table: label, how to show a figure, and its target. */
const SYNTHETIC: Figure[] = [
	['Build + index, wall time', (r) => `${r.buildSeconds.toFixed(1)} s`, ''],
	['per case', (r) => `${r.perCaseMs.toFixed(1)} ms`, ''],
	['× bare Astro + Pagefind (time)', (r) => x(r.timeVsBare), '≤ 1.3×'],
	['the same without the share images', (r) => x(r.timeVsBareWithoutImages), ''],
	['Peak RSS, process tree', (r) => `${r.peakRssMb} MB`, ''],
	['× bare Astro + Pagefind (memory)', (r) => x(r.rssVsBare), '≤ 1.2×'],
	['Search payload after typing, largest query', (r) => kbOf(r.searchKbMax), '≤ 150 KB at 10,000'],
	['Typing → first result, slowest query', (r) => ms(r.firstResultsMsMax), '≤ 200 ms'],
	['Case page, compressed (median)', (r) => kbOf(r.casePageKb), '≤ 30 KB'],
	['Load average before the build', (r) => (r.load == null ? '—' : String(r.load)), ''],
];

/** The rows of the real site's table (targets of #17). */
const REAL: Figure[] = [
	['Build + index, wall time', (r) => `${r.buildSeconds.toFixed(1)} s`, ''],
	['Pages written / indexed by Pagefind', (r) => `${n(r.pages)} / ${n(r.indexedPages)}`, ''],
	['per page', (r) => ms(r.perPageMs), ''],
	['× bare Astro + Pagefind per page', (r) => x(r.timePerPageVsBare), '≤ 1.3×'],
	['× bare Astro + Pagefind, wall time', (r) => x(r.timeVsBare), ''],
	['Share images', (r) => (r.shareImagesSeconds == null ? '—' : `${r.shareImagesSeconds.toFixed(1)} s`), ''],
	['Peak RSS, process tree', (r) => `${r.peakRssMb} MB`, ''],
	['× bare Astro + Pagefind (memory)', (r) => x(r.rssVsBare), '≤ 1.2×'],
	['Search payload after typing, median query', (r) => kbOf(r.searchKbMedian), '≤ 150 KB'],
	['largest query', (r) => kbOf(r.searchKbMax), '≤ 200 KB'],
	['Typing → first result, median query', (r) => ms(r.firstResultsMsMedian), '≤ 200 ms'],
	['Record page, compressed (median)', (r) => kbOf(r.recordPageKb), '≤ 15 KB'],
	['Case page, compressed (median)', (r) => kbOf(r.casePageKb), '≤ 30 KB'],
	['Load average before the build', (r) => (r.load == null ? '—' : String(r.load)), ''],
];

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
