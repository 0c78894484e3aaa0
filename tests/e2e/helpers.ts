import { readdirSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join, relative } from 'node:path';

/** The built site under test: `E2E_DIST`, or `dist/`. */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** Every file under `dir`, as paths relative to it ("register/x/index.html"), in no set order. */
export const filesUnder = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));

/**
 * The HTML files of the built site in `dist` whose pages `pick` keeps, as paths to open. `pick` is
 * given every page, sorted, as a path ("register/x/" for register/x/index.html, "404.html").
 */
export function htmlFiles(dist: string, pick: (pages: string[]) => string[]): string[] {
	const fileOf = new Map(
		filesUnder(dist)
			.filter((f) => f.endsWith('.html'))
			.sort()
			.map((f) => [f.replace(/index\.html$/, ''), f]),
	);
	return pick([...fileOf.keys()]).map((page) => join(dist, fileOf.get(page)!));
}

/** One page of each register template, always among the sampled pages. */
export const REGISTER_TEMPLATES = [
	'register/',
	'register/page/2/',
	'register/change-healthcare-inc-mn-2024-07-19/',
	'register/browse/',
	'register/browse/state/',
	'register/browse/state/ca/',
	'register/browse/year/2024/2/',
	'register/stats/',
	'register/changes/',
	'organizations/',
	'organizations/page/2/',
	'organizations/kroger/',
];

/**
 * Pages that one template draws once per record or value, by the hundred, which a slow check
 * samples: every `step`th in sorted order, and the first of each `group`. The register's ~14,600
 * filing and organization pages share a dozen templates; the casebook's ~620 browse listings, one
 * per facet value, share one. Every other page is checked in full.
 */
const BULK: readonly { pattern: RegExp; step: number; group?: (path: string) => string }[] = [
	{ pattern: /^(register|organizations)\//, step: 100 },
	// browse/<facet>/<value>/ and its later pages, grouped by facet; not a facet index's own pages.
	{ pattern: /^browse\/[^/]+\/(?!page\/)[^/]+\//, step: 10, group: (p) => p.split('/')[1]! },
];

/**
 * The pages a slow check visits: every page, except that of the {@link BULK} templates it takes
 * one of each register template, the first page of each facet, and a fixed sample, so that the
 * same pages are checked on every run.
 */
export function samplePages(paths: readonly string[], always: readonly string[] = REGISTER_TEMPLATES): string[] {
	const keep = new Set(always);
	const bulk = (p: string) => BULK.find((b) => b.pattern.test(p));
	for (const { pattern, step, group } of BULK) {
		const many = paths.filter((p) => pattern.test(p)).sort();
		many.forEach((p, i) => i % step === 0 && keep.add(p));
		if (group) for (const list of Map.groupBy(many, group).values()) keep.add(list[0]!);
	}
	return paths.filter((p) => !bulk(p) || keep.has(p));
}

/**
 * The route a page is drawn by, from its path: the first segment, `page`, and `*` for a name or
 * `#` for a number (`browse/vector/2/` is `browse/*` then `#`). Pages of one route share a
 * template and its scripts.
 */
export const routeOf = (path: string) =>
	path
		.split('/')
		.filter(Boolean)
		.map((segment, i) => (i === 0 || segment === 'page' ? segment : /^\d+$/.test(segment) ? '#' : '*'))
		.join('/');

/** The first and the last page of every route, in the order given, and one page of each register template. */
export function routePages(paths: readonly string[], always: readonly string[] = REGISTER_TEMPLATES): string[] {
	const keep = new Set(always.filter((p) => paths.includes(p)));
	for (const list of Map.groupBy(paths, routeOf).values()) keep.add(list[0]!).add(list.at(-1)!);
	return paths.filter((p) => keep.has(p));
}

/** What a GET found: the status after redirects, and the text of an HTML page (empty for anything else). */
export interface Fetched {
	status: number;
	text: string;
}

/**
 * GET for a crawl of the whole site: node:http over keep-alive connections, following redirects
 * as `fetch` does, reading the body only of HTML. Over every page of the real site it took 2.0 s
 * where `fetch` took 6.5 s, for the same bytes. `close()` ends the connections.
 */
export function crawler(connections = 8): { get: (url: URL) => Promise<Fetched>; close: () => void } {
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const fetchOne = (url: URL, redirects = 5): Promise<Fetched> =>
		new Promise((resolve, reject) => {
			get(url, { agent }, (response) => {
				const status = response.statusCode ?? 0;
				const location = response.headers.location;
				if (status >= 300 && status < 400 && location && redirects > 0) {
					response.resume();
					resolve(fetchOne(new URL(location, url), redirects - 1));
				} else if (!response.headers['content-type']?.includes('html')) {
					response.on('end', () => resolve({ status, text: '' })).resume();
				} else {
					let text = '';
					response.setEncoding('utf8');
					response.on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status, text }));
				}
			}).on('error', reject);
		});
	return { get: (url) => fetchOne(url), close: () => agent.destroy() };
}
