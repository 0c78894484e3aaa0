/**
 * The checks that read every page of the built site (or, where a page takes long to check, every
 * page but a fixed sample of the templates drawn by the hundred: the register's 14,000 filing and
 * organization pages and the casebook's 620 browse listings, see samplePages()): no request
 * to another origin, every link resolves, and both validators find nothing. They are the suite's
 * longest tests, so they are in the file Playwright starts first: the short browser tests then fill
 * in around them, rather than one of these holding a worker on its own at the end of the run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import type { APIRequestContext } from '@playwright/test';
import { normalizeBase } from '../../src/lib/urls.ts';
import { expect, test } from './fixtures.ts';
import { crawler, DIST, htmlFiles, routeOf, routePages, samplePages } from './helpers.ts';

/** Every page in the sitemap, as paths relative to the site's base URL. */
async function sitePages(request: APIRequestContext, baseURL: string): Promise<string[]> {
	const base = new URL(baseURL).pathname;
	const parser = new XMLParser();
	const index = parser.parse(await (await request.get('sitemap-index.xml')).text());
	const paths: string[] = [];
	for (const s of [index.sitemapindex.sitemap].flat()) {
		const doc = parser.parse(await (await request.get(new URL(s.loc).pathname)).text());
		for (const u of [doc.urlset.url].flat()) paths.push(new URL(u.loc).pathname.slice(base.length));
	}
	return paths;
}

test('no page makes a third-party request, sets a cookie or stores anything', async ({
	page,
	context,
	request,
	baseURL,
}) => {
	test.setTimeout(180_000);
	const pages = await sitePages(request, baseURL!);
	expect(pages.length).toBeGreaterThan(100);
	// What a page's own HTML asks for, on every page (read from disk: there are thousands): nothing
	// from another origin. A write-up's content can differ from page to page, its scripts cannot.
	const origin = new URL(baseURL!).origin;
	const thirdParty: string[] = [];
	for (const path of pages) {
		const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
		for (const [tag] of html.matchAll(/<(?:img|script|iframe|embed|object|source|video|audio|link)\b[^>]*>/g)) {
			if (/^<link\b/.test(tag) && !/\brel="(?:stylesheet|preload|modulepreload|icon|manifest)"/.test(tag)) continue;
			for (const [, url] of tag.matchAll(/\s(?:src|href|srcset|data)="([^"]+)"/g))
				if (new URL(url!.split(/\s/)[0]!, new URL(path, baseURL)).origin !== origin) thirdParty.push(`${path}: ${tag}`);
		}
		if (/url\(\s*['"]?(?:https?:)?\/\//.test(html)) thirdParty.push(`${path}: a CSS url() to another origin`);
	}
	expect(thirdParty).toEqual([]);
	// And in the browser, the first and last page of every route, with their scripts running.
	expect(new Set(pages.map(routeOf)).size).toBeGreaterThan(10);
	for (const path of routePages(pages, [])) {
		await page.goto(path);
		const storage = await page.evaluate(() => ({
			local: Object.keys(localStorage),
			session: Object.keys(sessionStorage),
		}));
		expect(storage, `${path} (${routeOf(path) || 'home'})`).toEqual({ local: [], session: [] });
	}
	expect(await context.cookies()).toEqual([]);
});

test(
	'every internal link, #fragment and asset on every page resolves',
	{ tag: '@base' },
	async ({ request, baseURL }) => {
		test.setTimeout(180_000);
		const base = new URL(baseURL!);
		const pages = await sitePages(request, baseURL!);
		// Each page and each target is asked for once, from the server under test, with Node's own
		// HTTP client over kept-alive connections (following redirects, as Playwright's did): sixteen
		// thousand requests through Playwright's, one at a time, took most of a minute. Of an HTML
		// page only its ids are kept.
		const http = crawler();
		const got = new Map<string, Promise<{ status: number; ids: Set<string>; text: string }>>();
		const fetchPage = (pathname: string) => {
			if (!got.has(pathname))
				got.set(
					pathname,
					http.get(new URL(pathname, base.origin)).then(({ status, text }) => ({
						status,
						ids: new Set([...text.matchAll(/id="([^"]*)"/g)].map((m) => m[1]!)),
						text,
					})),
				);
			return got.get(pathname)!;
		};
		// What a link to a target (a path and a fragment) finds, once per target; and where a link from
		// the site's root (most links) points, once per link.
		const verdicts = new Map<string, Promise<string | undefined>>();
		const verdict = (target: URL) => {
			const key = target.pathname + target.hash;
			if (!verdicts.has(key))
				verdicts.set(
					key,
					fetchPage(target.pathname).then(({ status, ids }) =>
						status !== 200
							? `(${status})`
							: target.hash.length > 1 && !ids.has(decodeURIComponent(target.hash.slice(1)))
								? '(no such fragment)'
								: undefined,
					),
				);
			return verdicts.get(key)!;
		};
		const fromRoot = new Map<string, URL>();
		const resolve = (href: string, from: URL) => {
			const link = href.replace(/&amp;/g, '&');
			if (!link.startsWith('/') || link.startsWith('//')) return new URL(link, from);
			if (!fromRoot.has(link)) fromRoot.set(link, new URL(link, base));
			return fromRoot.get(link)!;
		};
		const broken: string[] = [];
		const check = async (path: string) => {
			const from = new URL(path, base);
			const page = await fetchPage(from.pathname);
			const text = page.text;
			page.text = '';
			// Links, and the stylesheets, scripts and images a page loads (src), which carry the base too.
			for (const [, href] of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
				const target = resolve(href!, from);
				if (target.origin !== base.origin) continue;
				const problem = await verdict(target);
				if (problem) broken.push(`${from.pathname} → ${href} ${problem}`);
			}
		};
		// Eight pages at a time.
		const queue = ['404.html', ...pages];
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(path);
			}),
		);
		http.close();
		expect(broken.sort()).toEqual([]);
		expect(got.size).toBeGreaterThan(pages.length);
	},
);

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

test('html-validate reports no error in the pages of dist/, the bulk templates sampled', async () => {
	test.setTimeout(120_000);
	// html-validate takes about 16 ms a page here: all 14,000 filing and organization pages would take
	// minutes, and the 620 browse listings 10 s, so those templates are checked on a fixed sample
	// (samplePages), every other page in full.
	const files = htmlFiles(DIST, samplePages);
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

/**
 * The W3C Nu HTML checker, the reference validator, over the pages html-validate reads (every
 * page of dist/ but for a fixed sample of the bulk templates; one JVM for all of
 * them), beside html-validate: it knows the ARIA-in-HTML rules and the parser's fatal errors that
 * html-validate misses. Needs Java (`apt-get install default-jre-headless`; .ci/run installs it).
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

/**
 * Under a sub-path (`npm run test:subpath`) what is under test is what the base path changes: the
 * addresses a page writes, which come from its template. There the checker reads the first and the
 * last page of every route and one of each register template; at the root, every page.
 */
const underBase = normalizeBase(process.env.BASE_PATH) !== '/';

test(
	underBase
		? 'the Nu HTML checker reports no error and no warning in a page of every route under the base path'
		: 'the Nu HTML checker reports no error and no warning in the pages of dist/, the bulk templates sampled',
	{ tag: '@base' },
	async () => {
		test.setTimeout(180_000);
		const files = htmlFiles(DIST, (pages) => (underBase ? routePages(pages) : samplePages(pages)));
		let output: string;
		try {
			// The checker exits 1 when it finds anything; its report is on stderr either way.
			const run = await promisify(execFile)('java', [...JVM_OPTIONS, '-jar', vnuJar, '--format', 'json', ...files], {
				maxBuffer: 64 * 1024 * 1024,
			});
			output = run.stderr;
		} catch (error) {
			const e = error as { code?: string | number; stderr?: string };
			if (e.code === 'ENOENT')
				throw new Error('The Nu HTML checker needs Java: apt-get install -y default-jre-headless');
			output = e.stderr ?? '';
		}
		const { messages } = JSON.parse(output) as { messages: NuMessage[] };
		const problems = messages
			.filter((m) => m.type !== 'info' || m.subType === 'warning')
			.filter((m) => !FILE_URL_ARTIFACTS.some((re) => re.test(m.message)))
			.map(
				(m) => `${m.url?.replace(/^.*?\/dist[^/]*\//, '')}:${m.lastLine ?? ''} ${m.subType ?? m.type}: ${m.message}`,
			);
		expect(problems.slice(0, 40)).toEqual([]);
		// The pages were read: the artifacts above are reported once per page at least.
		expect(files.length).toBeGreaterThan(underBase ? 40 : 100);
		expect(messages.length).toBeGreaterThan(files.length);
	},
);
