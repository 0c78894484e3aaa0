import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { APIRequestContext } from '@playwright/test';
import { axeViolations, byRules, byTags } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { routeOf, routePages } from './helpers.ts';

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
	const dist = process.env.E2E_DIST ?? 'dist';
	const origin = new URL(baseURL!).origin;
	const thirdParty: string[] = [];
	for (const path of pages) {
		const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
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

test('search and the theme toggle store nothing but the theme, and set no cookie', async ({ page, context }) => {
	await page.goto('search/?q=pixel');
	await expect(page.locator('#search-status')).toHaveText(/case stud/);
	await page.locator('[data-theme-toggle]').click();
	expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['theme']);
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
		// HTTP client (following redirects, as Playwright's did): sixteen thousand requests through
		// Playwright's, one at a time, took most of a minute. Of an HTML page only its ids are kept.
		const got = new Map<string, Promise<{ status: number; ids: Set<string>; text: string }>>();
		const fetchPage = (pathname: string) => {
			if (!got.has(pathname))
				got.set(
					pathname,
					fetch(new URL(pathname, base.origin)).then(async (r) => {
						const html = r.headers.get('content-type')?.includes('html');
						const text = html ? await r.text() : (await r.body?.cancel(), '');
						return { status: r.status, ids: new Set([...text.matchAll(/id="([^"]*)"/g)].map((m) => m[1]!)), text };
					}),
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
		expect(broken.sort()).toEqual([]);
		expect(got.size).toBeGreaterThan(pages.length);
	},
);

const templates = [
	'./',
	'incidents/',
	'incidents/kaiser-permanente-2024/',
	'incidents/postal-prescription-services-2023/',
	'timeline/',
	'timeline/2024/',
	'stats/',
	'browse/',
	'browse/vector/',
	'browse/vector/tracking-technology/',
	'search/?q=pixel',
	'about/',
	'data/',
	'register/',
	'register/change-healthcare-inc-mn-2024-07-19/',
	'register/browse/state/',
	'register/browse/state/ca/',
	'register/stats/',
	'register/changes/',
	'organizations/',
	'organizations/kroger/',
];

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The rules whose outcome depends on colour. The dark theme changes colours only (light-dark()
 * CSS variables in global.css): the same DOM and layout, so the other rules give the same answer
 * in both themes, and run once, in the light theme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

for (const path of templates) {
	test(`axe finds no WCAG 2.2 AA violation on ${path}, in the light and the dark theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		if (path.startsWith('search/')) await expect(page.locator('#search-status')).toHaveText(/case stud/);
		expect(await axeViolations(page, byTags(WCAG_AA)), 'light').toEqual([]);
		// The same page, its theme switched in place: axe runs again on the same document.
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
		expect(await axeViolations(page, byRules(COLOUR_RULES)), 'dark').toEqual([]);
	});
}

test('the axe check reports what it is shown, in either theme', async ({ page }) => {
	// Grey on white passes in the light theme and fails in the dark one, where its background is black.
	await page.setContent(
		'<html lang="en"><title>t</title><style>p{color:#555}@media (prefers-color-scheme:dark){body{background:#000;color:#000}p{color:#222}}</style><main><p>Low contrast in the dark</p><img src="data:,"></main></html>',
	);
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await axeViolations(page, byTags(WCAG_AA))).toEqual([expect.stringMatching(/^image-alt: 1 × img/)]);
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await axeViolations(page, byRules(COLOUR_RULES))).toEqual([expect.stringMatching(/^color-contrast: 1 × p/)]);
});

test.describe('the 404 page', () => {
	test.use({ allowedConsoleErrors: [/status of 404/] });
	test('has no accessibility violation either', async ({ page }) => {
		await page.goto('missing/');
		expect(await axeViolations(page, byTags(WCAG_AA))).toEqual([]);
	});
});

test('a skip link, visible focus and headings in order', async ({ page }) => {
	await page.goto('incidents/anthem-2015/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeVisible();
	const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page.locator('#main')).toBeFocused();
	const levels = await page
		.locator('main h1, main h2, main h3, main h4')
		.evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
	expect(levels[0]).toBe(1);
	for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
});

test('the dark theme applies from the system preference and from the toggle, and motion is reduced on request', async ({
	browser,
	baseURL,
}) => {
	const context = await browser.newContext({ baseURL, colorScheme: 'dark', reducedMotion: 'reduce' });
	const page = await context.newPage();
	await page.goto('./');
	const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const dark = await bg();
	const toggle = page.locator('[data-theme-toggle]');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(bg).not.toBe(dark);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect.poll(bg).not.toBe(dark);
	const duration = await page
		.locator('a')
		.first()
		.evaluate((el) => getComputedStyle(el).transitionDuration);
	expect(parseFloat(duration)).toBeLessThan(0.001);
	await context.close();
});

test('a printed case study lists its sources with their URLs', async ({ page }) => {
	await page.goto('incidents/anthem-2015/');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.source-list .source-url').first()).toBeVisible();
	await expect(page.locator('body > header nav')).toBeHidden();
});

test('a source read through a copy names the original and says where it was read', async ({ page }) => {
	await page.goto('incidents/anthem-2015/');
	const notice = page.locator('#source-anthem-member-notice');
	await expect(notice.locator('a').first()).toHaveAttribute('href', 'https://www.anthemfacts.com/');
	await expect(notice).toContainText('Read via aimntls.com.');
	await expect(notice.getByRole('link', { name: 'aimntls.com' })).toHaveAttribute(
		'href',
		'http://aimntls.com/news/categories/security',
	);
	// An original read at its own address says nothing about a copy.
	await expect(page.locator('#source-wapo-2015')).not.toContainText('Read via');
});

test("an organization's legal name is shown apart from its parent", async ({ page }) => {
	await page.goto('incidents/blue-shield-of-california-2025/');
	const facts = page.getByRole('region', { name: 'Facts' });
	await expect(facts).toContainText("legal name: California Physicians' Service");
	await expect(facts).not.toContainText('part of California');
});
