/**
 * What changes once the casebook is large: a full build of 800 synthetic case studies (the
 * benchmark's generator, its years crowded towards the present), checked for the views that split
 * or cap themselves at scale. The real content is too small to reach any of these limits, so the
 * end-to-end tests never see them.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { BROWSE_PAGE_SIZE, FACET_INDEX_PAGE_SIZE, INDEX_PAGE_SIZE } from '../../src/lib/paging.ts';
import { FEED_LIMIT } from '../../src/lib/casebook/feeds.ts';
import { TIMELINE_PAGE_LIMIT } from '../../src/lib/casebook/timeline.ts';
import { runScript } from '../fixtures/model.ts';

// Enough that the busiest year of disclosure holds more than TIMELINE_PAGE_LIMIT case studies: with
// the benchmark's spread of years that took 2,400 (the busiest year 344); with years crowded this
// close to the present 800 do (2025 has 346, 2024 244; 686 organizations), in a build of 23 s
// where 1,200 (2025 383) took 29 s. The corpus is seeded, so these counts are the same every run.
const CASES = 800;
const YEAR_SPREAD = 1.8;
// Inside the project (git-ignored), so that the built pages resolve the project's packages.
const root = 'bench-out/scale-test';
const content = join(root, 'content');
const site = join(root, 'site');

interface Api {
	incidents: {
		slug: string;
		facts: { organization: { name: string }; dataClasses: string[] };
		derived: { disclosed: string | null };
	}[];
}
let api: Api;
const page = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
const slugsIn = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);

beforeAll(async () => {
	generateCorpus({ cases: CASES, dir: content, yearSpread: YEAR_SPREAD });
	// Drawing 1,200 share images would add minutes and test nothing here (clients.spec.ts checks them).
	const build = await runScript('build.ts', content, ['--outDir', site], { SHARE_IMAGES: 'off' });
	expect(build.code, build.out).toBe(0);
	api = JSON.parse(readFileSync(join(site, 'api/incidents.json'), 'utf8')) as Api;
}, 300_000);
// Removing 1,200 case studies' pages takes more than the default 10 s on a busy machine.
afterAll(() => rmSync(root, { recursive: true, force: true }), 60_000);

describe(`a casebook of ${CASES} case studies`, () => {
	it('is large enough to reach the limits under test', () => {
		expect(api.incidents).toHaveLength(CASES);
		expect(CASES).toBeGreaterThan(TIMELINE_PAGE_LIMIT);
		expect(CASES).toBeGreaterThan(FEED_LIMIT);
	});

	it('draws its timeline one year of disclosure at a time, a large year one month at a time', () => {
		const index = page('timeline');
		expect(index).not.toContain('data-slug=');
		const years = slugsIn(index, /href="\/timeline\/([0-9]{4}|unknown)\/"/g);
		expect(years.length).toBeGreaterThan(5);
		const dated = api.incidents.filter((i) => i.derived.disclosed);
		const drawn: string[] = [];
		const split: string[] = [];
		// Every case study is drawn once, on the page of its year, or of its month in a large year.
		const expectOnPage = (slugs: string[], year: string, month?: string) => {
			for (const slug of slugs) {
				const disclosed = api.incidents.find((i) => i.slug === slug)!.derived.disclosed;
				if (year === 'unknown') {
					expect(disclosed, slug).toBeNull();
					continue;
				}
				if (disclosed === null) throw new Error(`${slug} has no date of disclosure but is drawn under ${year}`);
				expect(disclosed.slice(0, 4), slug).toBe(year);
				if (month) expect(disclosed.length > 4 ? disclosed.slice(5, 7) : 'unknown', slug).toBe(month);
			}
			drawn.push(...slugs);
		};
		for (const year of years) {
			const html = page(`timeline/${year}`);
			const inYear = dated.filter((i) => i.derived.disclosed!.startsWith(year)).length;
			const months = slugsIn(html, new RegExp(`href="/timeline/${year}/([0-9]{2}|unknown)/"`, 'g'));
			if (months.length === 0) {
				expect(year === 'unknown' || inYear <= TIMELINE_PAGE_LIMIT, year).toBe(true);
				expectOnPage(slugsIn(html, /data-slug="([a-z0-9-]+)"/g), year);
				continue;
			}
			split.push(year);
			expect(inYear, year).toBeGreaterThan(TIMELINE_PAGE_LIMIT);
			expect(html).not.toContain('data-slug=');
			for (const month of months) {
				const monthPage = page(`timeline/${year}/${month}`);
				expect(monthPage).toContain(`href="/timeline/${year}/${month}/" aria-current="page"`);
				expectOnPage(slugsIn(monthPage, /data-slug="([a-z0-9-]+)"/g), year, month);
			}
		}
		expect(split.length).toBeGreaterThan(0);
		expect(drawn.filter((slug) => dated.some((i) => i.slug === slug)).sort()).toEqual(dated.map((i) => i.slug).sort());
		expect(new Set(drawn).size).toBe(drawn.length);
	});

	it(`splits a long browse listing into pages of ${BROWSE_PAGE_SIZE}, chained by rel=next`, () => {
		const expected = api.incidents.filter((i) => i.facts.dataClasses.includes('names')).map((i) => i.slug);
		const last = Math.ceil(expected.length / BROWSE_PAGE_SIZE);
		expect(last).toBeGreaterThan(2);
		const listed: string[] = [];
		for (let n = 1; n <= last; n++) {
			const html = page(`browse/data-class/names/${n === 1 ? '' : n}`);
			const slugs = slugsIn(html, /<h2[^>]*><a href="\/incidents\/([a-z0-9-]+)\/"/g);
			expect(slugs.length).toBe(n < last ? BROWSE_PAGE_SIZE : expected.length - BROWSE_PAGE_SIZE * (last - 1));
			listed.push(...slugs);
			expect(html.includes(`href="/browse/data-class/names/${n + 1}/" rel="next"`)).toBe(n < last);
			expect(html).toMatch(new RegExp(`<span aria-current="page"[^>]*>\\s*${n}\\s*</span>`));
			// Counts over a thousand are written with a separator, as readers expect, and the page says which it shows.
			const first = (n - 1) * BROWSE_PAGE_SIZE + 1;
			const through = first + slugs.length - 1;
			expect(html).toContain(
				`>${expected.length.toLocaleString('en-US')} case studies, newest first. Case studies ${first.toLocaleString('en-US')}–${through.toLocaleString('en-US')} are on this page.<`,
			);
		}
		expect(existsSync(join(site, `browse/data-class/names/${last + 1}`))).toBe(false);
		expect(listed.sort()).toEqual(expected.sort());
	});

	it(`splits the all-incidents table into pages of ${INDEX_PAGE_SIZE} rows`, () => {
		const last = Math.ceil(CASES / INDEX_PAGE_SIZE);
		expect(last).toBeGreaterThan(1);
		const listed: string[] = [];
		for (let n = 1; n <= last; n++) {
			const html = page(n === 1 ? 'incidents' : `incidents/page/${n}`);
			const rows = slugsIn(html, /<tr[^>]*>\s*<t[hd][^>]*>\s*<a href="\/incidents\/([a-z0-9-]+)\/"/g);
			expect(rows.length).toBe(n < last ? INDEX_PAGE_SIZE : CASES - INDEX_PAGE_SIZE * (last - 1));
			listed.push(...rows);
			expect(html.includes(`href="/incidents/page/${n + 1}/" rel="next"`)).toBe(n < last);
			expect(html).toContain(`${CASES.toLocaleString('en-US')} case studies, newest disclosure first.`);
		}
		// Newest first across the pages, as in the API.
		expect(listed).toEqual(api.incidents.map((i) => i.slug));
	});

	it(`splits the organization index into pages of ${FACET_INDEX_PAGE_SIZE} rows, named by their guide words`, () => {
		const names = [...new Set(api.incidents.map((i) => i.facts.organization.name))];
		const last = Math.ceil(names.length / FACET_INDEX_PAGE_SIZE);
		expect(last).toBeGreaterThan(1);
		const listed: string[] = [];
		for (let n = 1; n <= last; n++) {
			const html = page(n === 1 ? 'browse/organization' : `browse/organization/page/${n}`);
			const rows = [
				...html.matchAll(/<th scope="row"[^>]*><a href="\/browse\/organization\/[a-z0-9-]+\/">([^<]+)<\/a>/g),
			];
			expect(rows.length).toBe(n < last ? FACET_INDEX_PAGE_SIZE : names.length - FACET_INDEX_PAGE_SIZE * (last - 1));
			listed.push(...rows.map((m) => m[1]!.replaceAll('&amp;', '&')));
			expect(html.includes(`href="/browse/organization/page/${n + 1}/" rel="next"`)).toBe(n < last);
			// The current page is named by the first letters of its first and last organization.
			const current = /<span aria-current="page"[^>]*>([^<]+)<\/span>/.exec(html)?.[1] ?? '';
			const [from, to = from] = current.split('–');
			expect(rows[0]![1]!.startsWith(from!), current).toBe(true);
			expect(rows.at(-1)![1]!.startsWith(to!), current).toBe(true);
		}
		expect(existsSync(join(site, `browse/organization/page/${last + 1}`))).toBe(false);
		// Every organization once, alphabetically across the pages.
		expect(listed).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
	});

	it(`keeps its feeds to the newest ${FEED_LIMIT}`, () => {
		const rss = readFileSync(join(site, 'rss.xml'), 'utf8');
		const atom = readFileSync(join(site, 'atom.xml'), 'utf8');
		expect(rss.match(/<item>/g)).toHaveLength(FEED_LIMIT);
		expect(atom.match(/<entry>/g)).toHaveLength(FEED_LIMIT);
	});
});
