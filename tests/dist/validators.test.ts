/**
 * Both validators over the built sites, in process: they read the built files, and need neither a
 * browser nor a server. html-validate and the W3C Nu checker read dist/ (every page but a fixed
 * sample of the templates drawn by the hundred: the register's 14,000 filing and organization
 * pages and the casebook's 620 browse listings, see samplePages()); the Nu checker reads the
 * sub-path build, dist-subpath/ (`npm run test:subpath`), at the first and the last page of every
 * route and one of each register template, since there what is under test is the addresses a
 * template writes. `npm test` runs this lane last, beside the benchmark's check, whose builds leave
 * a core idle.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles, routePages, samplePages } from '../e2e/helpers.ts';

/** The builds under test: the site at the root, and under /casebook/ (a sample of the register). */
const ROOT_BUILD = process.env.E2E_DIST ?? 'dist';
const SUBPATH_BUILD = 'dist-subpath';

/** The HTML files of a build that `pick` keeps; fails, saying how to make the build, if it is missing. */
function pagesOf(dist: string, pick: (pages: string[]) => string[]): string[] {
	if (!existsSync(join(dist, 'index.html')))
		throw new Error(
			`${dist}/ has no built site: run ${dist === SUBPATH_BUILD ? 'npm run test:subpath' : 'npm run build'} first`,
		);
	return htmlFiles(dist, pick);
}

/**
 * html-validate's loader with the configuration resolved once, not for every file: resolving it
 * builds the element table again, a third of the time a page took (24.4 ms a page, then 15.7 ms,
 * over 400 pages, with the same results).
 */
class ConfigOnce extends StaticConfigLoader {
	#resolved?: ReturnType<StaticConfigLoader['getConfigFor']>;
	override getConfigFor(handle: string, override?: ConfigData) {
		if (override) return super.getConfigFor(handle, override);
		return (this.#resolved ??= super.getConfigFor(handle));
	}
}

/**
 * The W3C Nu HTML checker, the reference validator (one JVM for all the pages of a build): it
 * knows the ARIA-in-HTML rules and the parser's fatal errors that html-validate misses. Needs Java
 * (`apt-get install default-jre-headless`; .ci/run installs it).
 */
const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * One short run of the checker on this machine's two cores: the JVM's serial collector and its
 * quick compiler only (C1) did the same work on 952 pages in 8.5 s of CPU against 20.1 s with the
 * defaults, and gave the same report byte for byte. C1's larger stack frames need the thread stack
 * that the checker's schema recursion asks for.
 */
const JVM_OPTIONS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss16m'];

// The checker reads the pages as file: URLs, where the CSP's 'self' matches no http origin, so it
// reports every same-origin script and stylesheet, and the JSON-LD data blocks (which browsers
// never execute) as blocked. Real CSP violations fail every browser test (tests/e2e/fixtures.ts).
const FILE_URL_ARTIFACTS = [
	/^Resource violates Content Security Policy \(meta tag\): external (script|stylesheet) “\/[^”]*” blocked by “(script|style)-src” directive\.$/,
	/^Inline script violates Content Security Policy \(meta tag\)/,
];

interface NuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: 'warning' | 'fatal';
	url?: string;
	lastLine?: number;
	message: string;
}

/** What the Nu checker reports on `files` (errors and warnings, one line each), and how many messages it gave in all. */
async function nuProblems(files: string[]): Promise<{ problems: string[]; messages: number }> {
	let output: string;
	try {
		// The checker exits 1 when it finds anything; its report is on stderr either way.
		const run = await promisify(execFile)('java', [...JVM_OPTIONS, '-jar', vnuJar, '--format', 'json', ...files], {
			maxBuffer: 64 * 1024 * 1024,
		});
		output = run.stderr;
	} catch (error) {
		const e = error as { code?: string | number; stderr?: string };
		if (e.code === 'ENOENT') throw new Error('The Nu HTML checker needs Java: apt-get install -y default-jre-headless');
		output = e.stderr ?? '';
	}
	const { messages } = JSON.parse(output) as { messages: NuMessage[] };
	const problems = messages
		.filter((m) => m.type !== 'info' || m.subType === 'warning')
		.filter((m) => !FILE_URL_ARTIFACTS.some((re) => re.test(m.message)))
		.map((m) => `${m.url?.replace(/^.*?\/dist[^/]*\//, '')}:${m.lastLine ?? ''} ${m.subType ?? m.type}: ${m.message}`);
	return { problems, messages: messages.length };
}

describe(`the built site at the root (${ROOT_BUILD}/)`, () => {
	it('html-validate reports no error in its pages, the bulk templates sampled', async () => {
		// html-validate takes about 16 ms a page here: all 14,000 filing and organization pages would take
		// minutes, and the 620 browse listings 10 s, so those templates are checked on a fixed sample
		// (samplePages), every other page in full.
		const files = pagesOf(ROOT_BUILD, samplePages);
		const validator = new HtmlValidate(
			new ConfigOnce({
				extends: ['html-validate:recommended'],
				rules: {
					'no-inline-style': 'error',
					// The search filters are checkboxes that share a name per facet, as in the URL.
					'form-dup-name': ['error', { shared: ['checkbox'] }],
					// Long attribute values such as the CSP and JSON-LD are fine.
					'long-title': 'off',
					// A scrolling box (ScrollRegion) is a named div with role="region": a <section> without a
					// heading, which html-validate would prefer, is what the Nu checker warns about.
					'prefer-native-element': ['error', { exclude: ['region'] }],
				},
			}),
		);
		const errors: string[] = [];
		for (const file of files) {
			const report = await validator.validateFile(file);
			for (const r of report.results)
				for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
		}
		expect(errors.slice(0, 40)).toEqual([]);
		// The validator, its configuration resolved once, still reports: a page with an inline style and an id used twice.
		const planted = await validator.validateString(
			'<!doctype html><html lang="en"><head><title>t</title></head><body><p style="color:red" id="a">a</p><p id="a">b</p></body></html>',
		);
		expect(planted.results[0]?.messages.map((m) => m.ruleId)).toEqual(
			expect.arrayContaining(['no-inline-style', 'no-dup-id']),
		);
		expect(files.length).toBeGreaterThan(100);
	});

	it('the Nu HTML checker reports no error and no warning in its pages, the bulk templates sampled', async () => {
		const files = pagesOf(ROOT_BUILD, samplePages);
		const { problems, messages } = await nuProblems(files);
		expect(problems.slice(0, 40)).toEqual([]);
		// The pages were read: the artifacts above are reported once per page at least.
		expect(files.length).toBeGreaterThan(100);
		expect(messages).toBeGreaterThan(files.length);
	});
});

describe(`the built site under a sub-path (${SUBPATH_BUILD}/)`, () => {
	it('the Nu HTML checker reports no error and no warning in a page of every route', async () => {
		const files = pagesOf(SUBPATH_BUILD, routePages);
		const { problems, messages } = await nuProblems(files);
		expect(problems.slice(0, 40)).toEqual([]);
		expect(files.length).toBeGreaterThan(40);
		expect(messages).toBeGreaterThan(files.length);
	});
});
