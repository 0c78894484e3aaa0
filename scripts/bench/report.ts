/**
 * The results of one benchmark run: their shape, the checks against the targets, the table
 * printed to the terminal and the dated section appended to docs/BENCHMARKS.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeProfile, type WordProfile } from './profile.ts';

export interface BuildFigures {
	wallMs: number;
	/** Our build only: the write-up validation before Astro starts (scripts/build.ts). */
	validateMs: number | null;
	/** Phases from the time each of Astro's log lines arrived, in ms. */
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
	/** Rendering time by route, from Astro's per-page lines (top 12). */
	routes: { route: string; pages: number; totalMs: number; maxMs: number }[];
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

function routeRows(r: BenchResult): (string | number)[][] {
	return r.site.routes
		.slice(0, 8)
		.map((g) => [g.route, n(g.pages), s(g.totalMs), `${(g.totalMs / g.pages).toFixed(1)} ms`, `${g.maxMs} ms`]);
}

function outputRows(r: BenchResult): (string | number)[][] {
	return r.site.output.slice(0, 8).map((o) => [o.path, n(o.files), mb(o.bytes)]);
}

const ROUTE_HEADERS = ['Route (our build)', 'Pages', 'Render time (sum)', 'Mean', 'Slowest'];
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

/** The figures of one run, shared by the terminal report and docs/BENCHMARKS.md. */
function runTables(r: BenchResult, miss: string): string[] {
	const pw = r.pageWeight;
	return [
		table(['Figure', 'Breach Casebook', 'Bare Astro + Pagefind', 'Ratio'], buildRows(r)),
		'',
		table(['Phase (from log-line arrival)', 'Breach Casebook', 'Bare Astro'], phaseRows(r)),
		'',
		table(ROUTE_HEADERS, routeRows(r)),
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

const SUMMARY_END = '<!-- bench:summary:end -->';

function intro(): string {
	return `# Benchmarks

How the build, the search index and the pages scale with the number of case studies, measured by
\`npm run bench\` (scripts/bench/) on synthetic corpora, against the same corpus built by a bare
Astro site. Each run appends a dated section below and a row to the summary; older rows stay.

## Method

- **Corpus.** \`scripts/bench/corpus.ts\` writes N write-ups to \`bench-out/corpus-N/incidents/\`
  (outside \`content/\`), deterministically from a seeded PRNG. The frontmatter is valid against
  the schema and uses every vocabulary term, with skewed (Zipf-like) frequencies: \`names\` is in
  ~95% of cases, the rare data classes, vectors and outcomes in a few percent. About 12% of the
  organizations recur in another year, a third have invented distinctive names, and eight cases
  carry a unique token (e.g. "Zyphrax Medical") for the rare-name query. Bodies are ~900 words
  with the six sections (Summary, What happened, What was exposed, How it was found and
  disclosed, Impact and response, Lessons), lists, \`<Cite>\`, \`<Callout>\` and \`<KeyFigure>\`,
  and citations only to listed sources. ~12% of cases list \`related\` slugs, ~1% a
  \`redirectFrom\`. The generic prose is written in a per-write-up voice: 8–12 of 32 sentence
  patterns and a share of each word bank, so that, as in real write-ups, few words are on every
  page. Each run reports the corpus's word profile beside the real casebook's
  (\`scripts/bench/profile.ts\`); a unit test keeps them close. Runs before the seed
  \`breach-casebook-bench-v2\` used one voice for every write-up (see "Findings, sixth round").
- **Our build.** \`CONTENT_DIR=bench-out/corpus-N node scripts/build.ts --outDir
  bench-out/site-N --force\` (always cold: the content cache is cleared). Wall time from spawn to
  exit; peak RSS two ways: the sum of RSS over the whole process tree, polled from /proc every
  100 ms (shared pages are counted once per process, so this overstates a little), and
  \`/usr/bin/time -v\`'s "maximum resident set size", which is that of the largest single process.
  Pagefind's time is the integration's own "Indexed N case pages in X ms" line; its memory is the
  peak RSS of the \`pagefind_extended\` binary the Node API spawns, polled separately (the Node side
  of indexing is part of the Astro process). Phases are the times at which Astro's log lines
  arrived.
- **Reference.** \`bench-out/reference/\`: a bare Astro 7 project (its node_modules a symlink to
  ours, its own caches) with \`@astrojs/mdx\`, a glob loader over the same corpus, one route
  \`incidents/[slug].astro\` that renders each entry with \`render(entry)\` in a minimal layout,
  trivial \`Cite\`/\`Callout\`/\`KeyFigure\`/\`Quote\` components, and Pagefind over its output
  through the Node API inside \`astro:build:done\`, as our integration does. Built cold with
  \`astro build --force\`, measured the same way, right after our build.
- **Case page weight.** The median-size case page (and the largest): its HTML, its stylesheets,
  its \`<script src>\` files and the modules they import statically, each gzipped with node:zlib
  at level 6. Also loaded in Chromium against \`scripts/serve.ts\` (nginx, gzip on at nginx's
  default level 1), summing the response bodies of the document, stylesheets and scripts.
- **Search.** Chromium (playwright-core via @playwright/test, system Chromium) against
  \`scripts/serve.ts\` on a free port; a fresh browser context per query and run (empty cache).
  Load \`/search/\`, wait for the unfiltered count in \`#search-status\`, then set \`#search-q\` and
  fire \`input\`. "Typing → first result" runs until \`#search-status\` shows the count for the query,
  which the page writes as it draws the first result, and the next frame is drawn; "typing → first
  page" until the first ten results (or all, when fewer) are drawn. Both include the page's 50 ms
  typing pause; the time from "Searching…" is shown too. Runs before commit ffcc5ea drew all ten
  results at once, so their single time is the whole first page. Bytes are response bodies as
  transferred from \`/pagefind/\`, counted after
  typing and in total (with Pagefind's script, WebAssembly, metadata, filter index and the
  fragments of the unfiltered listing). Median of three runs per query. Queries: a unique
  organization name, a common term (\`ransomware\`, in about a third of cases), a two-word phrase
  (\`social security\`) and a misspelling (\`ransomwre\`).
- **Scaling.** The 10,000-case run is compared with \`bench-out/results-1000.json\` (and a
  1,000-case run with \`results-10000.json\`, whichever of the pair ran last). The comparison counts
  only if both runs measured the same build inputs: a hash of \`src/\`, \`public/\`, the Astro config,
  the lockfile and the build and serve scripts, with their uncommitted changes.
- **Running it.** \`npm run bench -- --cases N\` with \`--skip-reference\`, \`--keep\` (keep corpus,
  sites and reference in \`bench-out/\`), \`--builds K\` (alternate both builds K times and keep the
  fastest of each), \`--runs K\` (runs per query, default 3), \`--no-docs\`. \`npm run bench -- --check\`
  is the CI mode: 200 cases, one run per query; it fails unless every figure was measured, asserts
  no timing, writes \`bench-out/results-200-check.json\` and leaves this file alone. Raw results go to
  \`bench-out/results-N.json\`, logs to \`bench-out/build-N.log\` and \`bench-out/reference-N.log\`.
- Timings are wall-clock on a shared machine: the load average before each build is recorded.
  Compare ratios within a run rather than absolute times across runs.

## Targets

| Target | Goal |
| --- | --- |
| Full site + index time per case, vs bare Astro + Pagefind | ≤ 1.3× |
| Peak RSS vs bare Astro + Pagefind | ≤ 1.2× |
| 10,000-case run vs 1,000-case run | ≤ 11× |
| Search payload per query at 10,000 cases (after typing) | ≤ 150 KB |
| Time to first results | ≤ 200 ms |
| Case page, compressed (HTML + CSS + JS, search not opened) | ≤ 30 KB |

## Summary

| Date | Cases | Build + index | Per case | × bare | Peak RSS | × bare | Search KB (max/query) | First results (max) | Case page | Commit |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${SUMMARY_END}

## Runs
`;
}

/** Appends the run to docs/BENCHMARKS.md, creating it with the method and targets if needed. */
export function appendToDocs(file: string, r: BenchResult): void {
	let text = existsSync(file) ? readFileSync(file, 'utf8') : intro();
	if (!text.includes(SUMMARY_END)) text = intro() + '\n' + text;
	const maxQuery = Math.max(...r.search.map((q) => q.queryBytes));
	const maxMs = Math.max(...r.search.map((q) => q.msToResults));
	const row = `| ${r.date.slice(0, 10)} | ${r.cases.toLocaleString('en-US')} | ${s(r.site.wallMs)} | ${r.perCaseMs.site.toFixed(1)} ms | ${x(r.ratios.time)} | ${rss(r.site.peakTreeRssMb)} | ${x(r.ratios.peakRss)} | ${kb(maxQuery)} | ${maxMs} ms | ${kb(r.pageWeight.gzipBytes)} | ${r.git.commit}${r.git.dirty ? '+' : ''} |`;
	text = text.replace(SUMMARY_END, `${row}\n${SUMMARY_END}`);
	const section = [
		'',
		`### ${r.date.slice(0, 16).replace('T', ' ')} UTC: ${r.cases.toLocaleString('en-US')} cases`,
		'',
		`Machine: ${r.machine.nproc} cores (\`nproc\`), ${r.machine.memoryGiB} GiB, ${r.machine.cpu}; ${r.machine.os}; Node ${r.machine.node}, Astro ${r.machine.astro}, Pagefind ${r.machine.pagefind}. Commit ${r.git.commit}${r.git.dirty ? ` with uncommitted changes to ${r.git.dirtyFiles.map((f) => `\`${f}\``).join(', ')}` : ''}.${r.builds.site.length > 1 ? ` Fastest of ${r.builds.site.length} builds each (ours ${r.builds.site.map((ms) => s(ms)).join(', ')}; reference ${r.builds.reference.map((ms) => s(ms)).join(', ') || '—'}).` : ''} Load average before our build ${r.site.loadBefore.join(', ')}${r.reference ? `, before the reference ${r.reference.loadBefore.join(', ')}` : ''}.`,
		'',
		`Corpus: ${r.cases.toLocaleString('en-US')} write-ups, ${mb(r.corpus.bytes)} of MDX, body words ${r.corpus.bodyWords.min}–${r.corpus.bodyWords.max} (median ${r.corpus.bodyWords.median}), ${r.corpus.withRelated} with \`related\`; generated in ${s(r.corpus.generationMs)}${r.corpus.seed ? ` from seed \`${r.corpus.seed}\`` : ''}.`,
		...(r.corpus.profile
			? [
					'',
					`Word profile (\`scripts/bench/profile.ts\`): ${describeProfile(r.corpus.profile.synthetic)}. The real casebook's ${r.corpus.profile.real.pages} write-ups: ${describeProfile(r.corpus.profile.real)}.`,
				]
			: []),
		'',
		...runTables(r, '**miss**'),
		'',
	].join('\n');
	// The run goes at the end of "## Runs": sections written by hand after it stay after it.
	const runs = text.indexOf('\n## Runs\n');
	const next = runs >= 0 ? text.indexOf('\n## ', runs + 1) : -1;
	if (next < 0) writeFileSync(file, text.replace(/\n*$/, '\n') + section);
	else writeFileSync(file, `${text.slice(0, next).replace(/\n*$/, '\n')}${section}\n${text.slice(next + 1)}`);
}
