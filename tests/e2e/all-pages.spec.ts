/**
 * The checks that read every page of the built site: no request to another origin, and every link
 * resolves. They are the suite's longest tests, so they are in the file Playwright starts first:
 * the short browser tests then fill in around them, rather than one of these holding a worker on
 * its own at the end of the run. At the root the validators, which read the built files and need
 * neither a browser nor a server, are in tests/dist/; under a sub-path the Nu checker is here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { APIRequestContext } from '@playwright/test';
import { normalizeBase } from '../../src/lib/urls.ts';
import { nuProblems } from '../fixtures/nu-checker.ts';
import { expect, test } from './fixtures.ts';
import { crawler, DIST, htmlFiles, routeOf, routePages } from './helpers.ts';

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
 * Under a sub-path (`npm run test:subpath`), the Nu checker on the addresses the base path changes,
 * which come from a page's template: the first and the last page of every route, and one of each
 * register template. At the root both validators read the built files in tests/dist/, beside the
 * slow lane, since they need no browser.
 */
if (normalizeBase(process.env.BASE_PATH) !== '/')
	test(
		'the Nu HTML checker reports no error and no warning in a page of every route under the base path',
		{ tag: '@base' },
		async () => {
			test.setTimeout(120_000);
			const files = htmlFiles(DIST, routePages);
			const { problems, messages } = await nuProblems(files);
			expect(problems.slice(0, 40)).toEqual([]);
			// The pages were read: the checker reports the file: URL artifacts once per page at least.
			expect(files.length).toBeGreaterThan(40);
			expect(messages).toBeGreaterThan(files.length);
		},
	);
