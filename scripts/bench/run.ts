/**
 * `npm run bench -- --cases 1000`: generates a synthetic corpus, builds the full site from it,
 * builds the same corpus through a bare Astro site as a reference, measures the output, the
 * weight of a page and search in Chromium, prints the figures, writes bench-out/results-<N>.json,
 * keeps the run in docs/benchmarks/ and remakes the tables of docs/BENCHMARKS.md from the runs kept.
 * `--real` does the same for the real site (content/ as it stands, the casebook and the whole
 * register); `--check` is the CI mode (50 cases, one run per query, fails unless every figure was
 * measured, keeps nothing in docs/). The other options are in docs/BENCHMARKS.md ("Running it").
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { WORD_QUERIES, generateCorpus } from './corpus.ts';
import { folderProfile } from './profile.ts';
import { measuredBuild } from './measure.ts';
import { writeReferenceSite } from './reference.ts';
import { pagesBySize, staticPageWeight } from './site.ts';
import { launchChromium, runQuery, serve, type QueryRun } from './browser.ts';
import {
	benchmarkTables,
	evaluateTargets,
	formatRun,
	median,
	missingFigures,
	readRuns,
	summaryOf,
	type BenchResult,
	type BuildFigures,
	type SearchFigures,
} from './report.ts';
import { format, resolveConfig } from 'prettier';
import { fillGenerated } from '../../src/tooling/docs.ts';
import { siteConfig } from '../../src/site-config.ts';
import { SHARE_IMAGE_CACHE } from '../../src/integrations/share-images.ts';

const root = resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
	options: {
		check: { type: 'boolean', default: false },
		real: { type: 'boolean', default: false },
		cases: { type: 'string' },
		runs: { type: 'string' },
		builds: { type: 'string', default: '1' },
		seed: { type: 'string' },
		'skip-reference': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		'no-docs': { type: 'boolean', default: false },
	},
});
const { check, real, 'skip-reference': skipReference } = opts;
const whole = (name: 'cases' | 'runs' | 'builds', fallback: string, min: number) => {
	const value = Number(opts[name] ?? fallback);
	if (Number.isInteger(value) && value >= min) return value;
	console.error(`--${name} must be a whole number of at least ${min} (got ${opts[name]})`);
	process.exit(2);
};
// The check proves the harness, not the figures (it keeps none): 50 cases take every path that 200
// do, the build in 9 s rather than 14.
const cases = whole('cases', check ? '50' : '1000', 20);
const runs = whole('runs', check ? '1' : '3', 1);
const builds = whole('builds', '1', 1);
const writeDocs = !check && !opts['no-docs'];

const out = join(root, 'bench-out');
/** Where each run's figures are kept (docs/BENCHMARKS.md's tables are made from them). */
const RUNS_DIR = join(root, 'docs/benchmarks');
const name = real ? 'real' : String(cases);
const corpusDir = join(out, `corpus-${cases}`);
const siteDir = join(out, `site-${name}`);
const refDir = join(out, 'reference');
/** The real site's register (the reference renders the same filings). */
const FILINGS = join(root, 'content/register/filings.json');
/** The real site's queries: an organization with a case study and several filings, a state, a name found once. */
const REAL_QUERIES = { rare: 'Warby Parker', organization: 'Change Healthcare', state: 'Texas' };
mkdirSync(out, { recursive: true });

const say = (text: string) => console.log(text);
const step = (text: string) => console.log(`\n▶ ${text}`);

function machine(): BenchResult['machine'] {
	const version = (pkg: string) =>
		(JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
	return {
		nproc: availableParallelism(),
		memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		cpu: cpus()[0]?.model.trim() ?? '?',
		node: process.version,
		astro: version('astro'),
		pagefind: version('pagefind'),
		os: `${type()} ${release()}`,
	};
}

/** What a build depends on (and, for the real site, its content): a change to docs or the harness alone leaves runs comparable. */
const BUILD_INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'scripts/build.ts', 'scripts/serve.ts'];

function git(): BenchResult['git'] {
	const run = (a: string[]) => spawnSync('git', a, { cwd: root }).stdout?.toString().trimEnd() ?? '';
	// trimEnd, not trim: a porcelain line starts with its status, which may be a space (` M src/…`).
	const dirtyFiles = run(['status', '--porcelain', '--', ...BUILD_INPUTS, ...(real ? ['content'] : [])])
		.split('\n')
		.filter(Boolean)
		.map((line) => line.slice(3));
	return { commit: run(['rev-parse', '--short', 'HEAD']) || '?', dirty: dirtyFiles.length > 0, dirtyFiles };
}

/** Our build and the reference, alternating `builds` times; the fastest of each is kept. */
async function buildBoth(env: NodeJS.ProcessEnv, incidentsDir: string) {
	let site: BuildFigures | null = null;
	let reference: BuildFigures | null = null;
	const attempts: BenchResult['builds'] = { site: [], reference: [] };
	for (let k = 1; k <= builds; k++) {
		const of = builds > 1 ? ` (${k} of ${builds})` : '';
		const suffix = builds > 1 ? `-${k}` : '';
		step(`Building the site${of}: node scripts/build.ts --outDir ${relative(root, siteDir)} --force`);
		// Cold, as a fresh clone (CI, a deploy) builds: no previous output for the build's swap to delete
		// (50 s for the real site's 15,600 files at a load of 11), and no share images drawn before.
		for (const dir of [siteDir, join(root, SHARE_IMAGE_CACHE)]) rmSync(dir, { recursive: true, force: true });
		const ours = await measuredBuild(
			'site',
			[process.execPath, 'scripts/build.ts', '--outDir', relative(root, siteDir), '--force'],
			{ cwd: root, env, outputDir: siteDir, logFile: join(out, `build-${name}${suffix}.log`) },
		);
		attempts.site.push(ours.wallMs);
		if (!site || ours.wallMs < site.wallMs) site = ours;
		if (skipReference) continue;
		step(`Building the reference${of}: bare Astro + Pagefind in ${relative(root, refDir)}`);
		writeReferenceSite(refDir, incidentsDir, root, real ? FILINGS : undefined);
		const ref = await measuredBuild(
			'reference',
			[process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'],
			{ cwd: refDir, env, outputDir: join(refDir, 'dist'), logFile: join(out, `reference-${name}${suffix}.log`) },
		);
		attempts.reference.push(ref.wallMs);
		if (!reference || ref.wallMs < reference.wallMs) reference = ref;
	}
	return { site: site!, reference, attempts };
}

/** Each query `runs` times in a fresh context; medians of the times, bytes of the first run. */
async function measureSearch(queries: Record<string, string>): Promise<SearchFigures[]> {
	const server = await serve(root, relative(root, siteDir), siteConfig().base, (line) => {
		if (line && !/duplicate extension "wasm"/.test(line)) say(`  [serve] ${line}`);
	});
	const browser = await launchChromium();
	const search: SearchFigures[] = [];
	try {
		for (const [label, query] of Object.entries(queries)) {
			const results: QueryRun[] = [];
			for (let k = 0; k < runs; k++) results.push(await runQuery(browser, server.url, query));
			const first = { ...results[0]!, label, query };
			for (const key of ['msToResults', 'msToPage'] as const) first[key] = median(results.map((q) => q[key]));
			search.push(first);
			say(
				`  ${label} “${query}”: ${first.resultCount} results, ${first.msToResults} ms, ${first.queryRequests} requests / ${(first.queryBytes / 1024).toFixed(1)} KB after typing`,
			);
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	return search;
}

/** The median-size page of a folder, and its largest, with their weights. */
function weigh(folder: string, only?: Set<string>): BenchResult['pageWeight'] {
	const pages = pagesBySize(siteDir, folder).filter((p) => !only || only.has(p.path));
	if (pages.length === 0) throw new Error(`no pages in ${siteDir}/${folder}`);
	const weight = (page: { path: string }) => ({
		path: page.path,
		gzipBytes: staticPageWeight(siteDir, page.path, siteConfig().base),
	});
	const mid = weight(pages[Math.floor(pages.length / 2)]!);
	say(`  ${mid.path}: ${(mid.gzipBytes / 1024).toFixed(1)} KB gzip`);
	return { ...mid, largest: weight(pages.at(-1)!) };
}

async function main(): Promise<number> {
	const date = new Date().toISOString();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		// A benchmark site is never deployed; without SITE_URL a build in CI would (rightly) refuse.
		SITE_URL: process.env.SITE_URL || 'https://casebook.example',
		PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
	};
	let corpus: BenchResult['corpus'];
	let incidentsDir: string;
	let queries: Record<string, string>;
	if (real) {
		delete env.CONTENT_DIR;
		incidentsDir = join(root, 'content/incidents');
		const filings = (JSON.parse(readFileSync(FILINGS, 'utf8')) as unknown[]).length;
		step(`The real site: ${relative(root, incidentsDir)} and ${filings} filings in ${relative(root, FILINGS)}`);
		queries = { ...REAL_QUERIES, ...WORD_QUERIES };
		corpus = { dir: 'content', filings, queries };
	} else {
		step(`Generating ${cases} synthetic write-ups in ${relative(root, corpusDir)}/incidents`);
		const generated = generateCorpus({ cases, dir: corpusDir, seed: opts.seed });
		incidentsDir = generated.incidentsDir;
		env.CONTENT_DIR = relative(root, corpusDir);
		queries = { ...generated.queries };
		// How close the synthetic prose is to the real write-ups (scripts/bench/profile.ts), kept in the results.
		const profile = { synthetic: folderProfile(incidentsDir), real: folderProfile(join(root, 'content/incidents')) };
		corpus = { dir: relative(root, corpusDir), queries, seed: generated.seed, profile };
	}

	const { site, reference, attempts } = await buildBoth(env, incidentsDir);

	step('Page weight');
	const pageWeight = weigh('incidents');
	const recordIds = real
		? new Set((JSON.parse(readFileSync(FILINGS, 'utf8')) as { id: string }[]).map((f) => `register/${f.id}/`))
		: null;
	const recordWeight = recordIds ? weigh('register', recordIds) : null;

	step('Search in Chromium');
	const search = await measureSearch(queries);

	const code = git();
	const caseCount = real ? pagesBySize(siteDir, 'incidents').length : cases;
	const perPage = (b: BuildFigures | null) => (b?.pagesBuilt ? b.wallMs / b.pagesBuilt : null);
	const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? a / b : null);
	const partial: Omit<BenchResult, 'targets'> = {
		date,
		cases: caseCount,
		real,
		check,
		machine: machine(),
		git: code,
		corpus,
		builds: attempts,
		site,
		reference,
		ratios: {
			time: ratio(site.wallMs, reference?.wallMs),
			timePerPage: ratio(perPage(site), perPage(reference)),
			timeWithoutShareImages: ratio(site.wallMs - (site.shareImagesBeyondIndexingMs ?? 0), reference?.wallMs),
			peakRss: ratio(site.peakTreeRssMb, reference?.peakTreeRssMb),
			maxRssLargestProcess: ratio(site.maxRssLargestProcessMb, reference?.maxRssLargestProcessMb),
		},
		perCaseMs: { site: site.wallMs / caseCount, reference: reference ? reference.wallMs / caseCount : null },
		perPageMs: { site: perPage(site), reference: perPage(reference) },
		pageWeight,
		recordWeight,
		search,
	};
	const result: BenchResult = { ...partial, targets: evaluateTargets(partial) };

	console.log(`\n${formatRun(result)}\n`);
	const jsonPath = join(out, `results-${name}${check ? '-check' : ''}.json`);
	writeFileSync(jsonPath, JSON.stringify(result, null, '\t') + '\n');
	say(`Raw results: ${relative(root, jsonPath)}`);
	if (writeDocs) {
		// The run is kept as data; the report's tables are made from every kept run.
		const runFile = join(RUNS_DIR, `${result.date.slice(0, 16).replace(/:/g, '-')}-${name}.json`);
		// Formatted as `npm run format:check` expects.
		const json = JSON.stringify({ summary: summaryOf(result), result }, null, '\t');
		writeFileSync(runFile, await format(json, { ...(await resolveConfig(runFile)), parser: 'json' }));
		const doc = join(root, 'docs/BENCHMARKS.md');
		writeFileSync(doc, fillGenerated(readFileSync(doc, 'utf8'), { benchmarks: benchmarkTables(readRuns(RUNS_DIR)) }));
		say(`Kept as ${relative(root, runFile)}; the tables in docs/BENCHMARKS.md are updated.`);
	}
	if (!opts.keep) {
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
