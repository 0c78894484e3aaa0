/**
 * `npm run bench -- --cases 1000`: generates a synthetic corpus, builds the full site from it,
 * builds the same corpus through a bare Astro site as a reference, measures the output, the
 * weight of a case page and search in Chromium, prints a table, writes bench-out/results-<N>.json,
 * keeps the run in docs/benchmarks/ and remakes the tables of docs/BENCHMARKS.md from the runs kept.
 *
 * Options:
 *   --cases N          number of synthetic write-ups (default 1000; 200 with --check)
 *   --skip-reference   do not build the bare Astro reference (ratios are then absent)
 *   --keep             keep the corpus, the built sites and the reference project in bench-out/
 *   --check            CI mode: a small corpus; fails unless every figure was measured. Asserts no
 *                      timing, and keeps nothing in docs/.
 *   --runs K           runs per search query, fresh browser context each (default 3; 1 with --check)
 *   --builds K         build ours and the reference K times, alternating, and keep the fastest of each
 *                      (default 1)
 *   --seed S           corpus seed (default breach-casebook-bench-v2)
 *   --no-docs          keep nothing in docs/
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { generateCorpus } from './corpus.ts';
import { describeProfile, folderProfile } from './profile.ts';
import { measure } from './measure.ts';
import { BUILD_MARKS, type BuildMark } from '../../src/integrations/build-marks.ts';
import { writeReferenceSite } from './reference.ts';
import { casePagesBySize, dirStats, outputBreakdown, staticPageWeight } from './site.ts';
import { browserPageWeight, launchChromium, runQuery, serve, type QueryRun } from './browser.ts';
import {
	benchmarkTables,
	evaluateTargets,
	formatTable,
	missingFigures,
	readRuns,
	summaryOf,
	type BenchResult,
	type BuildFigures,
	type SearchFigures,
} from './report.ts';
import { fillGenerated } from '../../src/tooling/docs.ts';
import { siteConfig } from '../../src/site-config.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string): string | undefined => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const check = flag('--check');
const cases = Number(option('--cases') ?? (check ? 200 : 1000));
const runs = Number(option('--runs') ?? (check ? 1 : 3));
const builds = Number(option('--builds') ?? 1);
const skipReference = flag('--skip-reference');
const keep = flag('--keep');
const writeDocs = !check && !flag('--no-docs');
if (!Number.isInteger(cases) || cases < 20) {
	console.error(`--cases must be a whole number of at least 20 (got ${option('--cases')})`);
	process.exit(2);
}
if (!Number.isInteger(builds) || builds < 1) {
	console.error(`--builds must be a positive whole number (got ${option('--builds')})`);
	process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`--runs must be a positive whole number (got ${option('--runs')})`);
	process.exit(2);
}

const out = join(root, 'bench-out');
/** Where each run's figures are kept (docs/BENCHMARKS.md's tables are made from them). */
const RUNS_DIR = join(root, 'docs/benchmarks');
const corpusDir = join(out, `corpus-${cases}`);
const siteDir = join(out, `site-${cases}`);
const refDir = join(out, 'reference');
mkdirSync(out, { recursive: true });

const say = (text: string) => console.log(text);
const step = (text: string) => console.log(`\n▶ ${text}`);
const echoFor = (prefix: string) => (line: string) => {
	if (/write-ups valid|Indexed \d+|Site written|✗|\berror\b|Error:/i.test(line))
		console.log(`  ${prefix} ${line.trim()}`);
};
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const toMb = (kb: number | null) => (kb == null ? null : Math.round((kb / 1024) * 10) / 10);

/** The marks a build wrote (src/integrations/build-marks.ts), by name, as ms since it started. */
function readMarks(file: string, startedAt: number): Map<BuildMark['mark'], BuildMark & { t: number }> {
	const marks = new Map<BuildMark['mark'], BuildMark & { t: number }>();
	if (!existsSync(file)) return marks;
	for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
		const mark = JSON.parse(line) as BuildMark;
		if (!marks.has(mark.mark)) marks.set(mark.mark, { ...mark, t: mark.at - startedAt });
	}
	return marks;
}

/** Phases of a build, from the marks that Astro's hooks and scripts/build.ts wrote. */
function phases(marks: ReturnType<typeof readMarks>, wallMs: number): Record<string, number | null> {
	const t = (name: BuildMark['mark']) => marks.get(name)?.t ?? null;
	const indexed = marks.get('indexed');
	const diff = (a: number | null, b: number | null) => (a != null && b != null ? Math.max(0, a - b) : null);
	return {
		'validate write-ups (alongside Astro)': marks.get('checked')?.ms ?? null,
		'Astro start-up and config': t('configured'),
		'content sync': diff(t('synced'), t('configured')),
		'bundle (Vite)': diff(t('bundled'), t('synced')),
		'render pages': diff(t('rendered'), t('bundled')),
		'after rendering, before Pagefind': indexed?.ms != null ? diff(indexed.t - indexed.ms, t('rendered')) : null,
		'Pagefind indexing': indexed?.ms ?? null,
		'finish (exit, swap into place)': diff(wallMs, indexed?.t ?? null),
	};
}

async function measuredBuild(
	label: string,
	command: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	outputDir: string,
	logFile: string,
): Promise<BuildFigures> {
	const loadBefore = load();
	const marksFile = `${logFile}.marks`;
	rmSync(marksFile, { force: true });
	const startedAt = Date.now();
	const run = await measure(command[0]!, command.slice(1), {
		cwd,
		env: { ...env, [BUILD_MARKS]: marksFile },
		logFile,
		echo: echoFor(`[${label}]`),
	});
	const loadAfter = load();
	if (run.exitCode !== 0) {
		const tail = run.lines
			.slice(-30)
			.map((l) => l.text)
			.join('\n');
		throw new Error(`${label} build failed (exit ${run.exitCode}); log in ${logFile}:\n${tail}`);
	}
	const marks = readMarks(marksFile, startedAt);
	const pagefind = marks.get('indexed');
	const dist = dirStats(outputDir);
	const index = dirStats(join(outputDir, 'pagefind'));
	const ph = phases(marks, run.wallMs);
	return {
		wallMs: run.wallMs,
		validateMs: ph['validate write-ups (alongside Astro)'] ?? null,
		phases: ph,
		pagefindMs: pagefind?.ms ?? null,
		pagefindPages: pagefind?.pages ?? null,
		peakTreeRssMb: toMb(run.peakTreeRssKb)!,
		maxRssLargestProcessMb: toMb(run.maxRssLargestProcessKb),
		pagefindPeakRssMb: toMb(run.pagefindPeakRssKb),
		pagefindWindowTreeRssMb: toMb(run.pagefindWindow?.peakTreeRssKb ?? null),
		cpuSeconds:
			run.userSeconds != null && run.systemSeconds != null
				? Math.round((run.userSeconds + run.systemSeconds) * 10) / 10
				: null,
		pagesBuilt: marks.get('done')?.pages ?? null,
		htmlFiles: dist.htmlFiles,
		distBytes: dist.bytes,
		distFiles: dist.files,
		pagefindBytes: index.bytes,
		pagefindFiles: index.files,
		pagefindFragments: dirStats(join(outputDir, 'pagefind', 'fragment')).files,
		output: outputBreakdown(outputDir).slice(0, 12),
		loadBefore,
		loadAfter,
		log: relative(root, logFile),
	};
}

function machine(): BenchResult['machine'] {
	const version = (pkg: string) => {
		try {
			return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
				.version;
		} catch {
			return '?';
		}
	};
	const nproc = Number(spawnSync('nproc').stdout?.toString().trim()) || cpus().length;
	return {
		nproc,
		memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		cpu: cpus()[0]?.model.trim() ?? '?',
		node: process.version,
		astro: version('astro'),
		pagefind: version('pagefind'),
		os: `${type()} ${release()}`,
	};
}

/** The files whose content decides what a build produces and how fast. */
const BUILD_INPUTS = [
	'src',
	'public',
	'astro.config.mjs',
	'package-lock.json',
	'tsconfig.json',
	'scripts/build.ts',
	'scripts/serve.ts',
];

function git(): BenchResult['git'] {
	// trimEnd: a porcelain line starts with its status, which may be a space (` M docs/…`).
	const run = (a: string[]) => spawnSync('git', a, { cwd: root }).stdout?.toString().trimEnd() ?? '';
	// Tracked files changed since the commit: what the figures measure beyond it.
	const dirtyFiles = run(['status', '--porcelain', '--untracked-files=no'])
		.split('\n')
		.filter(Boolean)
		.map((line) => line.slice(3));
	// Only what the build and the served site depend on: a commit that touches docs or the harness
	// alone leaves runs comparable.
	const fingerprint = createHash('sha1')
		.update(run(['ls-tree', '-r', 'HEAD', '--', ...BUILD_INPUTS]))
		.update(run(['diff', 'HEAD', '--', ...BUILD_INPUTS]))
		.digest('hex')
		.slice(0, 12);
	return {
		commit: run(['rev-parse', '--short', 'HEAD']) || '?',
		dirty: dirtyFiles.length > 0,
		dirtyFiles,
		fingerprint,
	};
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

async function main(): Promise<number> {
	const date = new Date().toISOString();
	const { base } = siteConfig();
	const env = {
		...process.env,
		// A benchmark site is never deployed; without SITE_URL a build in CI would (rightly) refuse.
		SITE_URL: process.env.SITE_URL || 'https://casebook.example',
		PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
	};

	step(`Generating ${cases} synthetic write-ups in ${relative(root, corpusDir)}/incidents`);
	const corpus = generateCorpus({ cases, dir: corpusDir, seed: option('--seed') });
	say(
		`  ${corpus.cases} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB, body words ${corpus.bodyWords.min}–${corpus.bodyWords.max}, ${corpus.generationMs} ms`,
	);
	// How close the synthetic prose is to the real write-ups (scripts/bench/profile.ts).
	const profile = {
		synthetic: folderProfile(corpus.incidentsDir),
		real: folderProfile(join(root, 'content/incidents')),
	};
	say(`  Word profile: ${describeProfile(profile.synthetic)}`);
	say(`  Real casebook: ${describeProfile(profile.real)}`);

	// With --builds K, our build and the reference alternate K times and the fastest of each is kept:
	// on a shared machine the minimum is the least disturbed run.
	let site: BuildFigures | null = null;
	let reference: BuildFigures | null = null;
	const attempts: { site: number[]; reference: number[] } = { site: [], reference: [] };
	for (let k = 1; k <= builds; k++) {
		const of = builds > 1 ? ` (${k} of ${builds})` : '';
		step(
			`Building the site${of}: CONTENT_DIR=${relative(root, corpusDir)} node scripts/build.ts --outDir ${relative(root, siteDir)} --force`,
		);
		const ours = await measuredBuild(
			'site',
			[process.execPath, 'scripts/build.ts', '--outDir', relative(root, siteDir), '--force'],
			root,
			{ ...env, CONTENT_DIR: relative(root, corpusDir) },
			siteDir,
			join(out, `build-${cases}${builds > 1 ? `-${k}` : ''}.log`),
		);
		attempts.site.push(ours.wallMs);
		if (!site || ours.wallMs < site.wallMs) site = ours;
		say(
			`  ${(ours.wallMs / 1000).toFixed(1)} s, peak RSS ${ours.peakTreeRssMb} MB (tree), Pagefind ${ours.pagefindMs} ms`,
		);

		if (!skipReference) {
			step(`Building the reference${of}: bare Astro + Pagefind in ${relative(root, refDir)}`);
			writeReferenceSite(refDir, corpus.incidentsDir, root);
			const ref = await measuredBuild(
				'reference',
				[process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'],
				refDir,
				env,
				join(refDir, 'dist'),
				join(out, `reference-${cases}${builds > 1 ? `-${k}` : ''}.log`),
			);
			attempts.reference.push(ref.wallMs);
			if (!reference || ref.wallMs < reference.wallMs) reference = ref;
			say(
				`  ${(ref.wallMs / 1000).toFixed(1)} s, peak RSS ${ref.peakTreeRssMb} MB (tree), Pagefind ${ref.pagefindMs} ms`,
			);
		}
	}
	if (!site) throw new Error('no build ran');

	step('Case page weight');
	const pages = casePagesBySize(siteDir);
	if (pages.length === 0) throw new Error(`no case pages in ${siteDir}/incidents`);
	const mid = pages[Math.floor(pages.length / 2)]!;
	const largestPage = pages.at(-1)!;
	const weight = staticPageWeight(siteDir, mid.slug, base);
	const largest = staticPageWeight(siteDir, largestPage.slug, base);
	say(`  ${mid.slug}: ${(weight.gzip / 1024).toFixed(1)} KB gzip in ${weight.files.length} files`);

	step('Search and page weight in Chromium');
	const server = await serve(root, relative(root, siteDir), base, (line) => {
		if (line && !/duplicate extension "wasm"/.test(line)) say(`  [serve] ${line}`);
	});
	const browser = await launchChromium();
	const search: SearchFigures[] = [];
	let browserWeight: Awaited<ReturnType<typeof browserPageWeight>> | null = null;
	try {
		browserWeight = await browserPageWeight(browser, server.url, mid.slug);
		const queries: [string, string][] = [
			['rare organization', corpus.queries.rare],
			['common term', corpus.queries.common],
			['two-word phrase', corpus.queries.phrase],
			['misspelling', corpus.queries.misspelling],
		];
		for (const [label, query] of queries) {
			const results: QueryRun[] = [];
			for (let k = 0; k < runs; k++) results.push(await runQuery(browser, server.url, query));
			const first = results[0]!;
			search.push({
				label,
				query,
				resultCount: first.resultCount,
				msToResults: median(results.map((q) => q.msToResults)),
				msSearchToResults: median(results.map((q) => q.msSearchToResults)),
				msToPage: median(results.map((q) => q.msToPage)),
				msToReady: median(results.map((q) => q.msToReady)),
				runsMs: results.map((q) => q.msToResults),
				queryRequests: first.queryRequests,
				queryBytes: first.queryBytes,
				totalRequests: first.totalRequests,
				totalBytes: first.totalBytes,
				queryByKind: first.queryByKind,
			});
			say(
				`  ${label} “${query}”: ${first.resultCount} results, ${median(results.map((q) => q.msToResults))} ms, ${first.queryRequests} requests / ${(first.queryBytes / 1024).toFixed(1)} KB after typing`,
			);
		}
	} finally {
		await browser.close();
		await server.stop();
	}

	// Scaling compares the 1,000-case run with the 10,000-case run (any other size with the 1,000-case
	// run), whichever of the pair ran last; the figures only count if both measured the same code.
	const code = git();
	let scaling: BenchResult['scaling'] = null;
	const otherPath = join(out, `results-${cases === 1000 ? 10_000 : 1000}.json`);
	if (!check && existsSync(otherPath)) {
		const other = JSON.parse(readFileSync(otherPath, 'utf8')) as BenchResult;
		const sameCode =
			other.git.fingerprint !== undefined
				? other.git.fingerprint === code.fingerprint
				: other.git.commit === code.commit &&
					JSON.stringify(other.git.dirtyFiles ?? []) === JSON.stringify(code.dirtyFiles);
		const [small, large] =
			other.cases < cases
				? [
						{ cases: other.cases, wallMs: other.site.wallMs },
						{ cases, wallMs: site.wallMs },
					]
				: [
						{ cases, wallMs: site.wallMs },
						{ cases: other.cases, wallMs: other.site.wallMs },
					];
		scaling = {
			smallCases: small.cases,
			largeCases: large.cases,
			smallWallMs: small.wallMs,
			largeWallMs: large.wallMs,
			ratio: large.wallMs / small.wallMs,
			linear: large.cases / small.cases,
			sameCode,
			other: { date: other.date, commit: other.git.commit },
		};
	}

	const partial: Omit<BenchResult, 'targets'> = {
		date,
		cases,
		check,
		machine: machine(),
		git: code,
		corpus: {
			dir: relative(root, corpusDir),
			generationMs: corpus.generationMs,
			bytes: corpus.bytes,
			bodyWords: corpus.bodyWords,
			withRelated: corpus.withRelated,
			queries: { ...corpus.queries },
			seed: corpus.seed,
			profile,
		},
		builds: attempts,
		site,
		reference,
		ratios: {
			time: reference ? site.wallMs / reference.wallMs : null,
			peakRss: reference ? site.peakTreeRssMb / reference.peakTreeRssMb : null,
			maxRssLargestProcess:
				reference?.maxRssLargestProcessMb && site.maxRssLargestProcessMb
					? site.maxRssLargestProcessMb / reference.maxRssLargestProcessMb
					: null,
		},
		perCaseMs: { site: site.wallMs / cases, reference: reference ? reference.wallMs / cases : null },
		pageWeight: {
			slug: mid.slug,
			gzipBytes: weight.gzip,
			rawBytes: weight.raw,
			byKind: weight.byKind,
			files: weight.files.length,
			largest: { slug: largest.slug, gzipBytes: largest.gzip },
			browserBytes: browserWeight?.htmlCssJsBytes ?? null,
			browserRequests: browserWeight?.requests ?? null,
			browserAllTransferBytes: browserWeight?.allTransferBytes ?? null,
			pagefindRequestsOnLoad: browserWeight?.pagefindRequests ?? null,
		},
		search,
		scaling,
	};
	const result: BenchResult = { ...partial, targets: evaluateTargets(partial) };

	console.log(`\n${formatTable(result)}\n`);
	const jsonPath = join(out, `results-${cases}${check ? '-check' : ''}.json`);
	writeFileSync(jsonPath, JSON.stringify(result, null, '\t') + '\n');
	say(`Raw results: ${relative(root, jsonPath)}`);
	if (writeDocs) {
		// The run is kept as data; the report's tables are made from every kept run.
		const runFile = join(RUNS_DIR, `${result.date.slice(0, 16).replace(/:/g, '-')}-${cases}.json`);
		writeFileSync(runFile, JSON.stringify({ summary: summaryOf(result), result }, null, '\t') + '\n');
		const doc = join(root, 'docs/BENCHMARKS.md');
		writeFileSync(doc, fillGenerated(readFileSync(doc, 'utf8'), { benchmarks: benchmarkTables(readRuns(RUNS_DIR)) }));
		say(`Kept as ${relative(root, runFile)}; the tables in docs/BENCHMARKS.md are updated.`);
	}

	if (!keep) {
		for (const dir of [corpusDir, siteDir, refDir]) rmSync(dir, { recursive: true, force: true });
		say('Removed the corpus, the built site and the reference (use --keep to keep them).');
	}

	if (check) {
		const missing = missingFigures(result, !skipReference);
		if (missing.length) {
			console.error(`✗ bench --check: figures missing: ${missing.join(', ')}`);
			return 1;
		}
		say('✓ bench --check: the harness completed and reported every figure.');
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`✗ bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exit(1);
	},
);
