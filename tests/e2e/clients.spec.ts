/**
 * What readers' software makes of the built site: reference managers (a BibTeX parser and
 * citeproc-js, the CSL processor of Zotero and Mendeley), feed readers, search engines and link
 * previews, and a phone. Each check reads the site as that software would, in process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { FEED_LIMIT } from '../../src/lib/casebook/feeds.ts';
import { REGISTER_TEMPLATES } from './helpers.ts';
import { googleDatasetProblems } from './structured-data.ts';

const require = createRequire(import.meta.url);
const CSL = require('citeproc') as {
	Engine: new (
		sys: { retrieveLocale: (lang: string) => string; retrieveItem: (id: string) => unknown },
		style: string,
		lang: string,
	) => {
		setOutputFormat(format: string): void;
		updateItems(ids: string[]): void;
		makeBibliography(): [unknown, string[]];
		makeCitationCluster(items: { id: string }[]): string;
	};
};
// The APA 7 style and the en-US locale, as @citation-js ships them for citeproc-js; Chicago
// author-date as Debian ships the CSL styles (citation-style-language-styles, which .ci/run installs).
const styles = require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
const CHICAGO = '/usr/share/citation-style-language/styles/chicago-author-date.csl';
const styleXml = {
	apa: () => styles.apa!,
	chicago: () => {
		if (!existsSync(CHICAGO))
			throw new Error(`${CHICAGO} is missing: apt-get install -y citation-style-language-styles`);
		return readFileSync(CHICAGO, 'utf8');
	},
};
type Style = keyof typeof styleXml;

const items = new Map<string, unknown>();
const engines = new Map<Style, InstanceType<typeof CSL.Engine>>();
/** A CSL-JSON item in a style, as a reference manager renders it, as plain text: the bibliography entry and the in-text citation. */
function render(style: Style, item: { id: string; [field: string]: unknown }): { entry: string; citation: string } {
	// One engine a style: reading the style and the locale is the slow part.
	let engine = engines.get(style);
	if (!engine) {
		engine = new CSL.Engine(
			{ retrieveLocale: () => locales['en-US']!, retrieveItem: (id) => items.get(id) },
			styleXml[style](),
			'en-US',
		);
		engine.setOutputFormat('text');
		engines.set(style, engine);
	}
	items.set(item.id, item);
	engine.updateItems([item.id]);
	return { entry: engine.makeBibliography()[1][0]!.trim(), citation: engine.makeCitationCluster([{ id: item.id }]) };
}
const apa = (item: { id: string; [field: string]: unknown }) => render('apa', item).entry;

interface ApiIncident {
	slug: string;
	url: string;
	facts: { title: string; added: string; updated?: string };
}
const incidents = async (request: APIRequestContext) =>
	((await (await request.get('api/incidents.json')).json()) as { incidents: ApiIncident[] }).incidents;

const casePages = new Map<string, Promise<string>>();
/** The HTML of a case page, fetched once per worker: several tests read every case page. */
function casePage(request: APIRequestContext, slug: string): Promise<string> {
	let html = casePages.get(slug);
	if (!html) {
		html = request.get(`incidents/${slug}/`).then((r) => r.text());
		html.catch(() => casePages.delete(slug));
		casePages.set(slug, html);
	}
	return html;
}

const decode = (html: string) =>
	html
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** The text of the citation `<pre id="cite-…">` of a case page, exactly as the Copy button copies it. */
const citation = (html: string, id: 'plain' | 'bibtex' | 'csl') =>
	decode(html.match(new RegExp(`<pre[^>]*id="cite-${id}"[^>]*>([\\s\\S]*?)</pre>`))![1]!);

test.describe('citations, read by reference managers', { tag: '@base' }, () => {
	test('BibTeX parses with the casebook as one corporate author and the title as written', async ({ request }) => {
		for (const incident of await incidents(request)) {
			const html = await casePage(request, incident.slug);
			const bib = parseBibtex(citation(html, 'bibtex'));
			expect(bib.errors, incident.slug).toEqual([]);
			const [entry] = bib.entries;
			// A person would be { lastName: 'Casebook', firstName: 'Breach' }, rendered "Casebook, B.".
			expect(entry!.fields.author, incident.slug).toEqual([{ name: 'Breach Casebook' }]);
			expect(entry!.fields.title, incident.slug).toBe(incident.facts.title);
			expect(entry!.fields.url).toBe(incident.url);
			expect(entry!.fields.urldate, 'the access date is the reader’s').toBeUndefined();
			// What a reference manager makes of it in APA: the casebook as author, named once.
			const rendered = apa({
				id: incident.slug,
				type: 'webpage',
				title: entry!.fields.title,
				author: [{ literal: (entry!.fields.author as { name: string }[])[0]!.name }],
				URL: entry!.fields.url,
				issued: { 'date-parts': [[Number(entry!.fields.year), Number(entry!.fields.month)]] },
			});
			expect(rendered).toMatch(/^Breach Casebook\. \(\d{4}, [A-Z][a-z]+\)\. /);
			expect(rendered.match(/Breach Casebook/g)).toHaveLength(1);
		}
	});

	test('CSL-JSON renders in APA through citeproc-js exactly as the plain-text citation reads', async ({ request }) => {
		for (const incident of await incidents(request)) {
			const html = await casePage(request, incident.slug);
			const item = JSON.parse(citation(html, 'csl')) as { id: string; accessed?: unknown };
			expect(item.accessed, 'the access date is the reader’s').toBeUndefined();
			const rendered = apa(item);
			// The plain text adds when an updated case study was first published; CSL has no field for it.
			const plain = citation(html, 'plain').replace(/ \(updated [^;]+; first published [^)]+\)/, '');
			expect(plain).not.toContain('Retrieved');
			// citeproc sets apostrophes typographically.
			expect(rendered, incident.slug).toBe(plain.replaceAll("'", '’'));
			expect(rendered.match(/Breach Casebook/g), incident.slug).toHaveLength(1);
		}
	});

	test('an updated case study is cited as the version the reader sees, in APA and Chicago author-date', async ({
		request,
	}) => {
		const updated = (await incidents(request)).filter((i) => i.facts.updated);
		expect(updated.length, 'some case studies have been updated').toBeGreaterThan(0);
		for (const incident of updated) {
			const html = await casePage(request, incident.slug);
			const item = JSON.parse(citation(html, 'csl')) as { id: string };
			const day = new Date(`${incident.facts.updated}T00:00:00Z`);
			const [year, month, date] = [
				day.getUTCFullYear(),
				day.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
				day.getUTCDate(),
			];
			const title = incident.facts.title.replaceAll("'", '’');
			const apaStyle = render('apa', item);
			expect(apaStyle.entry).toBe(`Breach Casebook. (${year}, ${month} ${date}). ${title}. ${incident.url}`);
			expect(apaStyle.citation).toBe(`(Breach Casebook, ${year})`);
			const chicago = render('chicago', item);
			// Chicago sets the title in title case; the date of the version and the URL close the entry.
			expect(chicago.entry).toMatch(
				new RegExp(
					`^Breach Casebook\\. ${year}\\. “[^”]+\\.” ${month} ${date}, ${year}\\. ${incident.url.replace(/[.?]/g, '\\$&')}\\.$`,
				),
			);
			expect(chicago.citation).toBe(`(Breach Casebook ${year})`);
		}
	});

	test('BibTeX gives the whole day of the version cited, for biblatex', async ({ request }) => {
		for (const incident of await incidents(request)) {
			const html = await casePage(request, incident.slug);
			const [entry] = parseBibtex(citation(html, 'bibtex')).entries;
			expect(entry!.fields.date, incident.slug).toBe(incident.facts.updated ?? incident.facts.added);
		}
	});
});

test.describe('feeds, read by a feed reader', { tag: '@base' }, () => {
	for (const name of ['atom.xml', 'rss.xml']) {
		test(`${name}: every item dated, newest added or updated first, then newest disclosure`, async ({ request }) => {
			const all = await incidents(request);
			const feed = parseFeed(await (await request.get(name)).text());
			expect(feed.title).toBe('Breach Casebook');
			if (name === 'atom.xml') expect(feed.authors.map((a) => a.name)).toEqual(['Breach Casebook']);
			expect(feed.items).toHaveLength(Math.min(all.length, FEED_LIMIT));
			const api = (await (await request.get('api/incidents.json')).json()) as {
				incidents: { url: string; facts: { added: string; updated?: string }; derived: { disclosed: string | null } }[];
			};
			const byUrl = new Map(api.incidents.map((i) => [i.url, i]));
			const keys = feed.items.map((item) => {
				expect(item.url, item.title ?? '').toMatch(/^https?:\/\/(?!localhost)/);
				expect(item.title).toBeTruthy();
				// RSS names no author of its own but an e-mail address; Dublin Core's creator names the casebook.
				if (name === 'rss.xml')
					expect(
						item.authors.map((a) => a.name),
						item.url ?? '',
					).toEqual(['Breach Casebook']);
				const date = item.updated ?? item.published;
				expect(date, `${item.url} has a date`).toBeInstanceOf(Date);
				const { facts, derived } = byUrl.get(item.url!)!;
				// The date a reader sees is when the case study was last added or updated.
				expect(date!.toISOString().slice(0, 10)).toBe(facts.updated ?? facts.added);
				return { date: date!.getTime(), added: facts.added, disclosed: derived.disclosed ?? '' };
			});
			for (let i = 1; i < keys.length; i++) {
				const [a, b] = [keys[i - 1]!, keys[i]!];
				expect(a.date, `item ${i}`).toBeGreaterThanOrEqual(b.date);
				// Same day, same first publication: the newer disclosure first.
				if (a.date === b.date && a.added === b.added && a.disclosed && b.disclosed)
					expect(a.disclosed.slice(0, 4) >= b.disclosed.slice(0, 4), `item ${i}: ${a.disclosed} ${b.disclosed}`).toBe(
						true,
					);
			}
		});
	}
});

test(
	'the register’s changes feed parses, with its author and every entry dated, newest first',
	{ tag: '@base' },
	async ({ request }) => {
		const feed = parseFeed(await (await request.get('register/changes.xml')).text());
		expect(feed.authors.map((a) => a.name)).toEqual(['Breach Casebook']);
		expect(feed.items.length).toBeGreaterThan(0);
		const dates = feed.items.map((item) => {
			expect(item.url).toMatch(/^https?:\/\/(?!localhost)/);
			expect(item.updated ?? item.published, item.title ?? '').toBeInstanceOf(Date);
			return (item.updated ?? item.published)!.getTime();
		});
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	},
);

test.describe('search on a phone', () => {
	test.use({ viewport: { width: 412, height: 915 } });

	test(
		'the results come first; the filters fold behind a control that says how many are active',
		{ tag: '@base' },
		async ({ page }) => {
			await page.goto('search/?vector=misconfiguration&vector=tracking-technology');
			const first = page.locator('#search-results li').first();
			await expect(first).toBeVisible();
			expect((await first.boundingBox())!.y, 'the first result is on the first screen').toBeLessThan(915);
			const fold = page.locator('#search-filters-fold > summary');
			await expect(fold).toHaveText(/Filters · 2 active/);
			const box = page.getByRole('checkbox', { name: /Tracking technology/ });
			await expect(box).toBeHidden();
			await fold.click();
			await expect(box).toBeVisible();
			await expect(box).toBeChecked();
			await box.uncheck();
			await expect(fold).toHaveText(/Filters · 1 active/);
			await expect(page).toHaveURL(/vector=misconfiguration$/);
		},
	);

	// Layout only, which the base path does not change: at the root only.
	test('the filters are a column beside the results on a wide screen, with no control to open', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('search/');
		await expect(page.locator('#search-results li').first()).toBeVisible();
		await expect(page.locator('#search-filters-fold > summary')).toBeHidden();
		await expect(page.getByRole('checkbox', { name: /Tracking technology/ })).toBeVisible();
	});
});

test.describe('headers, as the host sends them', { tag: '@base' }, () => {
	test('open data can be read from any origin; the pages do not say so', async ({ request }) => {
		for (const path of ['api/incidents.json', 'data/incidents.csv', 'schema/incident.schema.json']) {
			const response = await request.get(path);
			expect(response.headers()['access-control-allow-origin'], path).toBe('*');
			expect(response.headers()['strict-transport-security'], path).toContain('max-age=');
		}
		expect((await request.get('./')).headers()['access-control-allow-origin']).toBeUndefined();
	});

	test('schemas and feeds come with their own media types, and feeds to any origin', async ({ request }) => {
		for (const path of ['schema/api.schema.json', 'schema/incident.schema.json', 'schema/register.schema.json'])
			expect((await request.get(path)).headers()['content-type'], path).toBe('application/schema+json');
		for (const [path, type] of [
			['rss.xml', 'application/rss+xml'],
			['atom.xml', 'application/atom+xml'],
			['register/changes.xml', 'application/atom+xml'],
			['organizations/kaiser-permanente/feed.xml', 'application/atom+xml'],
		]) {
			const headers = (await request.get(path!)).headers();
			expect(headers['content-type'], path).toMatch(new RegExp(`^${type!.replace('+', '\\+')}(;|$)`));
			expect(headers['access-control-allow-origin'], path).toBe('*');
		}
	});

	test('every page, JSON, CSV and XML file says how long it may be cached', async ({ request }) => {
		for (const path of [
			'./',
			'incidents/anthem-2015/',
			'data/',
			'api/incidents.json',
			'api/incidents/anthem-2015.json',
			'api/register.json',
			'data/incidents.csv',
			'data/register.csv',
			'schema/api.schema.json',
			'rss.xml',
			'atom.xml',
			'register/changes.xml',
			'sitemap-index.xml',
		]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control'], path).toMatch(/^public, max-age=\d+, must-revalidate$/);
		}
	});

	test('the theme script that runs before first paint has a hashed name and a year-long cache', async ({
		page,
		request,
	}) => {
		await page.goto('./');
		const src = await page.locator('head script[src*="theme"]').getAttribute('src');
		expect(src).toMatch(/\/_astro\/theme\.[\w-]{8}\.js$/);
		const response = await request.get(src!);
		expect(response.status()).toBe(200);
		expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
		await expect(page.locator('html')).toHaveClass(/\bjs\b/);
	});
});

test.describe('the CSV, as a spreadsheet reads it', { tag: '@base' }, () => {
	test('starts with a BOM, has one header style, and every column is in the data dictionary on /data/', async ({
		page,
		request,
	}) => {
		const text = await (await request.get('data/incidents.csv')).text();
		expect(text.charCodeAt(0), 'a byte-order mark, for Excel').toBe(0xfeff);
		const [header] = parseCsv(text, { bom: true, to_line: 1 }) as string[][];
		for (const name of header!) expect(name).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
		await page.goto('data/');
		const dictionary = page.getByRole('table', { name: 'Columns of data/incidents.csv, in order' });
		expect(await dictionary.locator('tbody th').allTextContents()).toEqual(header);
		for (const cell of await dictionary.locator('tbody td').allTextContents()) expect(cell).toMatch(/\w{3,}/);
	});

	test('the HHS-portal export has the portal’s columns and a row per case study', async ({ request }) => {
		const rows = parseCsv(await (await request.get('data/incidents-hhs.csv')).text(), {
			bom: true,
			columns: true,
		}) as Record<string, string>[];
		expect(rows).toHaveLength((await incidents(request)).length);
		expect(Object.keys(rows[0]!)).toContain('Breach Submission Date');
	});
});

test.describe('structured data and link previews', { tag: '@base' }, () => {
	/** Width and height of a PNG, from its IHDR chunk. */
	const pngSize = (bytes: Buffer) => {
		expect(bytes.subarray(0, 8).toString('hex'), 'a PNG signature').toBe('89504e470d0a1a0a');
		return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
	};

	test('every case page has its own share image and an Article with author, image and main entity', async ({
		request,
	}) => {
		const all = await incidents(request);
		const images = new Set<string>();
		for (const incident of all) {
			const html = await casePage(request, incident.slug);
			const meta = (attr: string, name: string) =>
				decode(html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1] ?? '');
			const canonical = html.match(/<link rel="canonical" href="([^"]*)"/)![1]!;
			expect(canonical, 'built with SITE_URL').not.toContain('localhost');
			const image = meta('property', 'og:image');
			expect(image).toBe(`${canonical}share.png`);
			expect(meta('name', 'twitter:image')).toBe(image);
			expect(meta('name', 'twitter:card')).toBe('summary_large_image');
			expect(meta('property', 'og:image:alt')).toContain(incident.facts.title);
			const png = await request.get(new URL(image).pathname);
			expect(png.headers()['content-type']).toBe('image/png');
			expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });
			images.add((await png.body()).toString('base64'));
			const ld = JSON.parse(decode(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!));
			expect(ld).toMatchObject({
				'@type': 'Article',
				author: { '@type': 'Organization', name: 'Breach Casebook' },
				image,
				mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
			});
			expect(ld.headline.length, incident.slug).toBeLessThanOrEqual(110);
			// A date-time with its time zone, which Google's Article guidance asks for.
			for (const key of ['datePublished', 'dateModified'])
				expect(ld[key], `${incident.slug} ${key}`).toMatch(
					/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/,
				);
		}
		expect(images.size, 'one image per case study').toBe(all.length);
	});

	/** Every JSON-LD item of the page, by type. */
	const jsonLdOf = async (page: import('@playwright/test').Page) =>
		(await page.locator('script[type="application/ld+json"]').allTextContents()).map(
			(text) => JSON.parse(text) as Record<string, any>,
		);

	test('/data/ and /register/ describe the casebook and the register as Datasets that Google would list', async ({
		page,
		request,
	}) => {
		for (const [path, names] of [
			['data/', ['casebook', 'register']],
			['register/', ['register']],
		] as const) {
			await page.goto(path);
			const datasets = (await jsonLdOf(page)).filter((ld) => ld['@type'] === 'Dataset');
			expect(datasets, path).toHaveLength(names.length);
			for (const ld of datasets) {
				const { errors, warnings } = googleDatasetProblems(ld);
				expect(errors, `${path} ${ld.name}`).toEqual([]);
				expect(warnings, `${path} ${ld.name}`).toEqual([]);
				expect(ld.license, `${path} ${ld.name}`).toMatch(/^https:\/\/creativecommons\.org\//);
				expect(ld.creator).toMatchObject({ '@type': 'Organization', name: 'Breach Casebook' });
				for (const download of ld.distribution) {
					// The same path on the server under test (the URL is on the public origin).
					const response = await request.get(new URL(download.contentUrl).pathname);
					expect(response.status(), download.contentUrl).toBe(200);
					expect(response.headers()['content-type'], download.contentUrl).toContain(download.encodingFormat);
				}
			}
		}
	});

	test('an organization page is an Organization', async ({ page }) => {
		await page.goto('organizations/kaiser-permanente/');
		const [ld] = (await jsonLdOf(page)).filter((item) => item['@type'] === 'Organization');
		expect(ld).toMatchObject({ name: (await page.locator('h1').textContent())!.trim() });
		expect(ld!.mainEntityOfPage['@id']).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
		expect(ld!.subjectOf.map((a: { url: string }) => new URL(a.url).pathname)).toContainEqual(
			expect.stringMatching(/\/incidents\/kaiser-permanente-2024\/$/),
		);
	});

	test('every page with breadcrumbs has a BreadcrumbList that matches them, and only those pages', async ({
		request,
	}) => {
		const text = (html: string) =>
			decode(html.replace(/<[^>]+>/g, ''))
				.replace(/\s+/g, ' ')
				.trim();
		for (const path of [
			...REGISTER_TEMPLATES,
			'register/advocate-aurora-health-wi-2020-04-16/',
			'browse/vector/',
			'browse/vector/credential-compromise/',
			'incidents/anthem-2015/',
			'',
		]) {
			const html = await (await request.get(path)).text();
			const lists = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
				.map((m) => JSON.parse(decode(m[1]!)) as Record<string, any>)
				.filter((ld) => ld['@type'] === 'BreadcrumbList');
			const nav = html.match(/<nav aria-label="Breadcrumb"[^>]*>([\s\S]*?)<\/nav>/)?.[1];
			if (!nav) {
				expect(lists, `${path}: no visible breadcrumbs, no BreadcrumbList`).toEqual([]);
				continue;
			}
			expect(lists, path).toHaveLength(1);
			// The trail's links, down to the page itself (aria-current), as a reader sees them.
			const visible = [...nav.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [m[1]!, text(m[2]!)]);
			expect(visible.length, path).toBeGreaterThan(1);
			expect(nav, `${path}: the page itself is last`).toMatch(/aria-current="page"[^>]*>[^<]*<\/a>\s*<\/li>\s*<\/ol>/);
			// The links are paths on this site, the JSON-LD absolute on the public origin: the paths must agree.
			expect(
				lists[0]!.itemListElement.map((li: { position: number; name: string; item: string }) => [
					li.position,
					li.name,
					new URL(li.item).pathname,
				]),
				path,
			).toEqual(visible.map(([href, name], i) => [i + 1, name, href]));
		}
	});

	test('the home page is a WebSite whose SearchAction finds case studies', async ({ page }) => {
		await page.goto('./');
		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(ld).toMatchObject({ '@type': 'WebSite', name: 'Breach Casebook' });
		const template: string = ld.potentialAction.target.urlTemplate;
		expect(ld.potentialAction['query-input']).toBe('required name=search_term_string');
		// The template is on the public origin; the same path answers here.
		const target = new URL(template.replace('{search_term_string}', 'anthem'));
		await page.goto(`${target.pathname.replace(new URL(page.url()).pathname, '')}${target.search}`);
		// The case study first, then the register's filings.
		await expect(
			page
				.locator('#search-results > li')
				.first()
				.getByRole('link', { name: /^Anthem: / }),
		).toBeVisible();
		const image = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(pngSize(await (await page.request.get(new URL(image!).pathname)).body())).toEqual({
			width: 1200,
			height: 630,
		});
	});
});
