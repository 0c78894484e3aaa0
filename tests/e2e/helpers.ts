import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as paths relative to it ("register/x/index.html"), in no set order. */
export const filesUnder = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));

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
 * The pages a slow check visits: every page, except that of the ~14,600 register and
 * organization pages, which share a dozen templates, it takes one of each template and a fixed
 * sample (every `step`th in sorted order), so that the same pages are checked on every run.
 */
export function samplePages(
	paths: readonly string[],
	step = 100,
	always: readonly string[] = REGISTER_TEMPLATES,
): string[] {
	const bulk = /^(register|organizations)\//;
	const many = paths.filter((p) => bulk.test(p)).sort();
	const keep = new Set([...always, ...many.filter((_, i) => i % step === 0)]);
	return paths.filter((p) => !bulk.test(p) || keep.has(p));
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
