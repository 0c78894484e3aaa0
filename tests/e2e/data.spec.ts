import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './fixtures.ts';
import { DIST, filesUnder } from './helpers.ts';
import { FEED_LIMIT } from '../../src/lib/casebook/feeds.ts';
import { normalizeBase } from '../../src/lib/urls.ts';

interface Api {
	schemaVersion: string;
	generated: string;
	count: number;
	incidents: { slug: string; url: string; facts: Record<string, any>; derived: Record<string, any> }[];
}

const getApi = async (request: import('@playwright/test').APIRequestContext) =>
	(await (await request.get('api/incidents.json')).json()) as Api;

test(
	'the JSON API validates against the JSON Schema generated from the model',
	{ tag: '@base' },
	async ({ request }) => {
		const api = await getApi(request);
		expect(api.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
		expect(Date.parse(api.generated)).not.toBeNaN();
		expect(api.count).toBe(api.incidents.length);
		expect(api.count).toBeGreaterThanOrEqual(20);
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		const validateApi = ajv.compile(await (await request.get('schema/api.schema.json')).json());
		expect(validateApi(api), JSON.stringify(validateApi.errors?.slice(0, 3))).toBe(true);
		const validateFacts = ajv.compile(await (await request.get('schema/incident.schema.json')).json());
		for (const i of api.incidents)
			expect(validateFacts(i.facts), `${i.slug}: ${JSON.stringify(validateFacts.errors?.[0])}`).toBe(true);
		const one = (await (await request.get(`api/incidents/${api.incidents[0]!.slug}.json`)).json()) as {
			incident: unknown;
		};
		expect(one.incident).toEqual(api.incidents[0]);
	},
);

/** The published schema of each JSON file the site serves, by path under api/. */
const SCHEMA_OF: [RegExp, string][] = [
	[/^incidents\.json$/, 'schema/api.schema.json'],
	[/^incidents\/[^/]+\.json$/, 'schema/api-incident.schema.json'],
	[/^register\.json$/, 'schema/register.schema.json'],
];

test(
	'every published JSON file validates against its published schema, as ajv in strict mode reads it',
	{ tag: '@base' },
	async ({ request }) => {
		const api = join(DIST, 'api');
		const files = filesUnder(api).filter((f) => f.endsWith('.json'));
		expect(files.length).toBeGreaterThan(20);
		// Strict: a keyword ajv does not know, an ambiguous type or an unknown format is an error, as for a consumer.
		const ajv = new Ajv2020({ strict: true, allErrors: true });
		addFormats(ajv);
		const validators = new Map<string, ReturnType<typeof ajv.compile>>();
		for (const [, schema] of SCHEMA_OF) {
			const response = await request.get(schema);
			expect(response.status(), schema).toBe(200);
			validators.set(schema, ajv.compile(await response.json()));
		}
		for (const file of files) {
			const schema = SCHEMA_OF.find(([pattern]) => pattern.test(file))?.[1];
			expect(schema, `api/${file} has a published schema`).toBeDefined();
			const validate = validators.get(schema!)!;
			const body = await (await request.get(`api/${file}`)).json();
			expect(validate(body), `api/${file} against ${schema}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(
				true,
			);
		}
	},
);

test('the CSV parses back with the same count and values', { tag: '@base' }, async ({ request }) => {
	const api = await getApi(request);
	const response = await request.get('data/incidents.csv');
	expect(response.headers()['content-type']).toContain('text/csv');
	const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
	expect(rows).toHaveLength(api.count);
	api.incidents.forEach((incident, i) => {
		const row = rows[i]!;
		expect(row.slug).toBe(incident.slug);
		expect(row.organization).toBe(incident.facts.organization.name);
		expect(row.individuals_affected).toBe(
			incident.facts.individualsAffected.count === null ? '' : String(incident.facts.individualsAffected.count),
		);
		expect(row.summary).toBe(incident.facts.summary);
		expect(row.url).toBe(incident.url);
	});
});

for (const feed of ['rss.xml', 'atom.xml']) {
	test(
		`the ${feed} feed is well-formed XML with the newest case studies (all of them, up to ${FEED_LIMIT})`,
		{ tag: '@base' },
		async ({ request }) => {
			const api = await getApi(request);
			const xml = await (await request.get(feed)).text();
			// parse(xml, true) validates the XML first and throws when it is not well-formed.
			const doc = new XMLParser({ ignoreAttributes: false }).parse(xml, true);
			const items = feed === 'rss.xml' ? doc.rss.channel.item : doc.feed.entry;
			expect(items).toHaveLength(Math.min(api.count, FEED_LIMIT));
			const links = items.map((i: any) => (feed === 'rss.xml' ? i.link : i.link['@_href']));
			const newest = [...api.incidents]
				.sort(
					(a, b) =>
						(b.facts.updated ?? b.facts.added).localeCompare(a.facts.updated ?? a.facts.added) ||
						b.facts.added.localeCompare(a.facts.added),
					// Case studies added on the same day keep the API's order, newest disclosure first (a stable
					// sort), as the feeds list them.
				)
				.slice(0, FEED_LIMIT);
			expect(new Set(links)).toEqual(new Set(newest.map((i) => i.url)));
			for (const item of items) {
				expect(feed === 'rss.xml' ? item.category : item.category).toBeTruthy();
				expect(feed === 'rss.xml' ? item.pubDate : item.updated).toBeTruthy();
			}
		},
	);
}

test(
	'every page links its feeds and carries canonical, Open Graph and description metadata',
	{ tag: '@base' },
	async ({ page }) => {
		for (const path of ['./', 'incidents/', 'incidents/anthem-2015/', 'timeline/', 'stats/', 'browse/']) {
			await page.goto(path);
			await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
			await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
			await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\//);
			await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
			await expect(page.locator('meta[name="twitter:card"]')).toHaveCount(1);
			await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\w{3,}/);
		}
		await page.goto('incidents/anthem-2015/');
		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(ld).toMatchObject({
			'@type': 'Article',
			about: { '@type': 'Organization', name: expect.stringContaining('Anthem') },
		});
	},
);

test('the sitemap lists every HTML page and robots.txt names it', { tag: '@base' }, async ({ request }) => {
	const robots = await (await request.get('robots.txt')).text();
	const sitemapUrl = robots.match(/^Sitemap: (.+)$/m)![1]!;
	const index = new XMLParser().parse(await (await request.get(new URL(sitemapUrl).pathname)).text());
	const sitemaps = [index.sitemapindex.sitemap].flat().map((s: any) => new URL(s.loc).pathname);
	const urls = new Set<string>();
	for (const s of sitemaps) {
		const doc = new XMLParser().parse(await (await request.get(s)).text());
		for (const u of [doc.urlset.url].flat()) urls.add(new URL(u.loc).pathname);
	}
	const base = normalizeBase(process.env.BASE_PATH);
	const pages = filesUnder(DIST)
		.filter((f) => f === 'index.html' || f.endsWith('/index.html'))
		.map((f) => `${base}${f.slice(0, -'index.html'.length)}`);
	const redirects = pages.filter((p) => p.includes('/incidents/kaiser-foundation-health-plan-2024/'));
	// One assertion over the pages the sitemap misses: one per page, each turning the set into an
	// array to search it, took seconds for sixteen thousand pages.
	expect(pages.filter((p) => !redirects.includes(p) && !urls.has(p))).toEqual([]);
	expect(pages.length).toBeGreaterThan(100);
});

test(
	'"Cite this case study" carries the title, URL and dates, and copies',
	{ tag: '@base' },
	async ({ page, request, context }) => {
		const api = await getApi(request);
		const kaiser = api.incidents.find((i) => i.slug === 'kaiser-permanente-2024')!;
		await page.goto('incidents/kaiser-permanente-2024/');
		const block = page.getByRole('region', { name: 'Cite this case study' });
		await expect(block.locator('#cite-plain')).toContainText(kaiser.facts.title);
		await expect(block.locator('#cite-plain')).toContainText(kaiser.url);
		await expect(block.locator('#cite-bibtex')).toContainText(`url = {${kaiser.url}}`);
		await expect(block.locator('#cite-bibtex')).toContainText(`First published ${kaiser.facts.added}`);
		const csl = JSON.parse((await block.locator('#cite-csl').textContent())!);
		expect(csl).toMatchObject({ title: kaiser.facts.title, URL: kaiser.url, author: [{ literal: 'Breach Casebook' }] });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await block.getByRole('button', { name: 'Copy' }).first().click();
		await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
	},
);

test('a former slug redirects to the case study', { tag: '@base' }, async ({ page }) => {
	// The redirect page replaces itself at once; wait only for it to start loading.
	await page.goto('incidents/kaiser-foundation-health-plan-2024/', { waitUntil: 'commit' });
	await expect(page).toHaveURL(/\/incidents\/kaiser-permanente-2024\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kaiser Permanente');
});

test('/data/ links every open-data file with its description, and describes every column of every CSV', async ({
	page,
	request,
}) => {
	const published = ['api', 'data', 'schema'].flatMap((folder) =>
		filesUnder(join(DIST, folder))
			// The /data/ page itself is a page, not a file of data.
			.filter((f) => f !== 'index.html' && !f.endsWith('/index.html'))
			.map((f) => `${folder}/${f}`),
	);
	expect(published).toContain('data/register.csv');
	await page.goto('data/');
	const listed = page.locator('dl > div');
	const entries = await listed.evaluateAll((divs) =>
		divs.map((d) => ({
			href: d.querySelector('dt a')!.getAttribute('href')!,
			path: d.querySelector('dt code')!.textContent!,
			description: d.querySelector('dd')!.textContent!.trim(),
		})),
	);
	const base = new URL(page.url()).pathname.replace(/data\/$/, '');
	const byPath = new Map(entries.map((e) => [e.path, e]));
	for (const file of published) {
		// A family of files, api/incidents/<slug>.json, is listed once.
		const family = file.replace(/^api\/incidents\/[^/]+\.json$/, 'api/incidents/<slug>.json');
		const entry = byPath.get(family);
		expect(entry, `${file} is listed on /data/`).toBeDefined();
		expect(entry!.description, file).toMatch(/\w{3,}.*\./);
		if (family === file) expect(entry!.href).toBe(`${base}${file}`);
	}
	for (const entry of entries) expect((await request.get(entry.href)).status(), entry.href).toBe(200);
	for (const file of published.filter((f) => f.endsWith('.csv'))) {
		const [header] = parse(await (await request.get(file)).text(), { bom: true, to_line: 1 }) as string[][];
		const dictionary = page.getByRole('table', { name: `Columns of ${file}, in order` });
		expect(await dictionary.locator('tbody th').allTextContents(), file).toEqual(header);
		for (const cell of await dictionary.locator('tbody td').allTextContents()) expect(cell, file).toMatch(/\w{3,}/);
	}
});
