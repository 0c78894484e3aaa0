/**
 * The HHS breach register as readers meet it: the listing, its facets (whose counts add up), a
 * filing's page with its history, an organization's page, the case pages' links to filings, what
 * changed at each import (page and feed), the statistics, the placeholder watch list, the feeds
 * per state and per organization, how fresh the data is, and the open data.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from './fixtures.ts';
import { registerFacets } from '../../src/lib/register/facets.ts';
import { FILINGS_FEED_LIMIT } from '../../src/lib/register/feeds.ts';
import { registerAsOf } from '../../src/lib/register/freshness.ts';
import { registerSampleRequested } from '../../src/lib/register/sample.ts';

const CHANGE = 'register/change-healthcare-inc-mn-2024-07-19/';
const total = async (request: import('@playwright/test').APIRequestContext) =>
	((await (await request.get('api/register.json')).json()) as { count: number }).count;

test(
	'the register lists every filing, newest first, 200 to a page, marking those with a case study',
	{ tag: '@base' },
	async ({ page, request }) => {
		const count = await total(request);
		await page.goto('register/');
		// Every filing; or, in a build of a sample (REGISTER_SAMPLE, npm run test:subpath), the
		// sample, which the page says it is, of a register as large.
		const sample = page.locator('[data-register-sample]');
		if (registerSampleRequested(process.env)) {
			await expect(sample).toHaveAttribute('data-register-sample', String(count));
			expect(Number(await sample.getAttribute('data-register-of'))).toBeGreaterThan(7000);
			expect(count).toBeGreaterThan(2 * 200);
		} else {
			await expect(sample).toHaveCount(0);
			expect(count).toBeGreaterThan(7000);
		}
		await expect(page.locator('[data-items]')).toHaveAttribute('data-items', String(count));
		await expect(page.locator('[data-items]')).toContainText(`${count.toLocaleString('en-US')} filings, newest first`);
		const rows = page.locator('tbody tr');
		await expect(rows).toHaveCount(200);
		const dates = await page.locator('tbody time').allTextContents();
		expect(dates).toEqual([...dates].sort().reverse());
		const last = Math.ceil(count / 200);
		await page
			.getByRole('navigation', { name: 'Pages' })
			.getByRole('link', { name: String(last), exact: true })
			.click();
		await expect(page).toHaveURL(new RegExp(`register/page/${last}/$`));
		await expect(rows).toHaveCount(count - 200 * (last - 1));
		// The mark for a case study: Change Healthcare's filing of 2024 has one, its filing of 2022 none.
		await page.goto('organizations/change-healthcare/');
		const row = (name: string) => page.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });
		await expect(row('Change Healthcare, Inc.').getByText('case study')).toBeAttached();
		await expect(row('Change Healthcare').getByText('case study')).not.toBeAttached();
	},
);

for (const facet of registerFacets) {
	test(
		`the register by ${facet.label.toLowerCase()}: every value has its count, and the counts add up`,
		// Under a sub-path one facet is enough: every facet's pages are one template, and the base
		// path changes only their links.
		{ tag: facet === registerFacets[0] ? '@base' : [] },
		async ({ page, request }) => {
			const count = await total(request);
			await page.goto(`register/browse/${facet.key}/`);
			const summary = page.locator('[data-total]');
			await expect(summary).toHaveAttribute('data-total', String(count));
			const counts = await page
				.locator('td[data-count]')
				.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
			const sum = counts.reduce((a, b) => a + b, 0);
			await expect(summary).toHaveAttribute('data-sum', String(sum));
			if (facet.multiple) expect(sum).toBeGreaterThanOrEqual(count);
			else expect(sum).toBe(count);
			// The first value's page lists as many filings as the index says.
			const first = page.locator('tbody th a').first();
			const label = await first.textContent();
			await first.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${facet.label}: ${label}`);
			await expect(page.locator('[data-items]')).toHaveAttribute('data-items', String(counts[0]));
		},
	);
}

test(
	'a filing’s page gives every field, the history with the placeholder, the portal, its case study and organization',
	{ tag: '@base' },
	async ({ page }) => {
		await page.goto(CHANGE);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change Healthcare, Inc.');
		const facts = page.locator('dl').first();
		for (const text of [
			'192,700,000',
			'first filed as a placeholder',
			'19 July 2024',
			'Minnesota',
			'Business associate',
			'Hacking/IT Incident',
			'Network Server',
			'Under investigation',
			'change-healthcare-inc-mn-2024-07-19',
		])
			await expect(facts).toContainText(text);
		// Every point of the history, with the day of its export or the days between which it was made.
		const history = page.getByRole('table', { name: /imports of the portal/ });
		const point = (n: number) => history.locator('tbody tr').nth(n);
		await expect(history.locator('tbody tr')).toHaveCount(4);
		await expect(point(0)).toContainText('8 October 2024');
		await expect(point(0)).toContainText('500 individuals');
		await expect(point(1)).toContainText('Between 1 and 6 November 2024');
		await expect(point(1)).toContainText('500 → 100,000,000 (the first figure was a placeholder)');
		await expect(point(2)).toContainText('Between 13 and 25 June 2025');
		await expect(point(2)).toContainText('100,000,000 → 190,000,000');
		await expect(point(3)).toContainText('Between 13 November and 22 December 2025');
		await expect(point(3)).toContainText('190,000,000 → 192,700,000');
		await expect(page.getByRole('link', { name: 'HHS Office for Civil Rights breach portal' })).toHaveAttribute(
			'href',
			'https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf',
		);
		await page.getByRole('link', { name: /^Change Healthcare: / }).click();
		await expect(page).toHaveURL(/incidents\/change-healthcare-2024\/$/);
		await page.goBack();
		await page.getByRole('complementary').getByRole('link', { name: 'Change Healthcare', exact: true }).click();
		await expect(page).toHaveURL(/organizations\/change-healthcare\/$/);
		await expect(page.getByRole('heading', { name: 'Filings in the HHS breach register' })).toBeVisible();
		await expect(page.locator('tbody tr')).toHaveCount(2);
	},
);

test(
	'a filing’s page names the covered entity and the business associate of the old portal’s list, or says it is no longer listed',
	{ tag: '@base' },
	async ({ page }) => {
		await page.goto('register/iron-mountain-data-products-inc-now-known-as-pa-2010-07-19/');
		const facts = page.locator('dl').first();
		await expect(facts).toContainText('Covered entity');
		await expect(facts).toContainText(
			'South Shore Hospital (as named by the export of 2014-06-30, exported between 30 June 2014 and 31 August 2023)',
		);
		await expect(facts).toContainText('present: Iron Mountain Data Products, Inc. (now known as');
		const history = page.getByRole('table', { name: /imports of the portal/ });
		await expect(history.locator('tbody tr').first()).toContainText('as “South Shore Hospital”');
		await page.goto('register/boston-medical-center-ma-2014-04-29/');
		await expect(page.locator('dl').first()).toContainText(
			'No longer listed: missing from the latest complete export; last seen in the export of 2024-10-08, exported on 8 October 2024',
		);
	},
);

test(
	'an organization’s page gathers spellings and case studies that the alias list joins',
	{ tag: '@base' },
	async ({ page }) => {
		await page.goto('organizations/kroger/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kroger');
		const cases = page.getByRole('region', { name: 'Case studies' });
		await expect(cases.getByRole('link', { name: /Postal Prescription Services/ }).first()).toBeVisible();
		await expect(cases.getByRole('link', { name: /Kroger/ }).first()).toBeVisible();
		const filings = page.getByRole('table', { name: /Filings of Kroger/ });
		await expect(
			filings.getByRole('link', { name: 'Healthy Options dba Postal Prescription Services – Kroger' }),
		).toBeVisible();
		await expect(filings.getByRole('link', { name: /The Kroger Co\./ }).first()).toBeVisible();
	},
);

test('a case page shows the regulator’s current figure and its history beside its own, or why there is no filing', async ({
	page,
}) => {
	await page.goto('incidents/welltok-2023/');
	const section = page.getByRole('region', { name: 'In the HHS breach register' });
	await expect(section).toContainText('14,782,887');
	await expect(section.getByRole('table')).toContainText('14,762,475 → 14,782,887');
	await expect(page.locator('section[aria-labelledby="facts-heading"]')).toContainText('HHS register: 14,782,887');
	await page.goto('incidents/premera-blue-cross-2015/');
	await expect(page.getByRole('region', { name: 'In the HHS breach register' })).toContainText(
		"This case study gives 10,466,692; the register's current figure is 11,000,000.",
	);
	await page.goto('incidents/goodrx-2023/');
	await expect(page.getByRole('region', { name: 'In the HHS breach register' })).toContainText(
		'No filing: FTC matter.',
	);
});

test(
	'what changed: the page and its Atom feed list the revisions each import found, largest first',
	{ tag: '@base' },
	async ({ page, request }) => {
		await page.goto('register/changes/');
		// The newest import first; each import's largest revision first.
		const revised = page.getByRole('table', { name: /^Revised/ }).first();
		await expect(revised.locator('tbody tr').first()).toContainText('Conduent Business Services LLC');
		await expect(revised.locator('tbody tr').first()).toContainText('individuals affected 42,616 → 62,224,658');
		// Each import has a page of its own: November 2024's revised Change Healthcare's placeholder.
		await page.goto('register/changes/2024-11-01/');
		const november2024 = page.getByRole('table', { name: /^Revised/ });
		await expect(november2024.locator('tbody tr').first()).toContainText('Change Healthcare, Inc.');
		await expect(november2024.locator('tbody tr').first()).toContainText(
			'individuals affected 500 → 100,000,000 (the first figure was a placeholder)',
		);
		const href = await page
			.locator('link[rel="alternate"][type="application/atom+xml"][title="Register changes"]')
			.getAttribute('href');
		const response = await request.get(href!);
		const feed = new XMLParser({ ignoreAttributes: false }).parse(await response.text()).feed;
		expect(feed.author.name).toBeTruthy();
		const entries = [feed.entry].flat();
		expect(entries.length).toBeGreaterThan(50);
		expect(entries.length).toBeLessThanOrEqual(200);
		expect(entries[0].title['#text']).toMatch(
			/^Conduent Business Services LLC: individuals affected 42,616 → 62,224,658/,
		);
		expect(new Set(entries.map((e: { id: string }) => e.id)).size).toBe(entries.length);
	},
);

test(
	'the statistics describe the whole register, with a chart and a table for each figure',
	{ tag: '@base' },
	async ({ page, request }) => {
		const count = await total(request);
		await page.goto('register/stats/');
		await expect(page.getByText(/only those that affected 500 or more people/)).toBeVisible();
		await expect(page.locator('figure > svg')).toHaveCount(await page.locator('figure').count());
		expect(await page.locator('figure').count()).toBeGreaterThanOrEqual(6);
		// The year table adds up to every filing.
		const yearTable = page.locator('#filings-by-year');
		const all = await yearTable.locator('tbody tr td:last-child').allTextContents();
		expect(all.reduce((n, t) => n + Number(t.replace(/,/g, '')), 0)).toBe(count);
		await expect(
			page
				.getByRole('table', { name: 'The 20 filings with the most individuals affected' })
				.locator('tbody tr')
				.first(),
		).toContainText('192,700,000');
	},
);

test(
	'the register as open data: JSON valid against its schema, with case studies; CSVs with the history',
	{ tag: '@base' },
	async ({ request }) => {
		const api = (await (await request.get('api/register.json')).json()) as {
			count: number;
			snapshot: string;
			filings: Record<string, any>[];
		};
		expect(api.count).toBe(api.filings.length);
		expect(api.snapshot).toBe('2026-07-01');
		// The whole file, every filing with its links (data.spec.ts checks every JSON file in strict mode).
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		const validate = ajv.compile(await (await request.get('schema/register.schema.json')).json());
		expect(validate(api), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		const change = api.filings.find((f) => f.id === 'change-healthcare-inc-mn-2024-07-19')!;
		expect(change.caseStudies.map((c: { slug: string }) => c.slug)).toEqual(['change-healthcare-2024']);
		expect(change.placeholder).toBe(true);
		expect(change.url).toMatch(/\/register\/change-healthcare-inc-mn-2024-07-19\/$/);

		// Both start with the byte-order mark that makes Excel read them as UTF-8, as data/incidents.csv does.
		const csv = await (await request.get('data/register.csv')).text();
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
		expect(rows).toHaveLength(api.count);
		const row = rows.find((r) => r.id === change.id)!;
		expect(row).toMatchObject({
			individuals_affected: '192700000',
			first_individuals_affected: '500',
			placeholder: 'Yes',
			case_studies: 'change-healthcare-2024',
		});
		const historyCsv = await (await request.get('data/register-history.csv')).text();
		expect(historyCsv.charCodeAt(0)).toBe(0xfeff);
		const history = parse(historyCsv, { columns: true, bom: true }) as Record<string, string>[];
		expect(history.filter((r) => r.id === change.id).map((r) => [r.snapshot, r.individuals_affected])).toEqual([
			['2024-10-08', '500'],
			['2024-11-01', '100000000'],
			['2025-06-13', '190000000'],
			['2025-11-13', '192700000'],
		]);
	},
);

type ApiFiling = {
	id: string;
	state: string | null;
	individualsAffected: number | null;
	organization: { slug: string };
	url: string;
	caseStudies: { slug: string }[];
};
const register = async (request: import('@playwright/test').APIRequestContext) =>
	(await (await request.get('api/register.json')).json()) as { snapshot: string; filings: ApiFiling[] };

test(
	'every register page and the home page say how fresh the register is, linking the newest import',
	{ tag: '@base' },
	async ({ page, request }) => {
		const { snapshot } = await register(request);
		for (const path of [
			'',
			'register/',
			'register/page/2/',
			'register/browse/',
			'register/browse/state/',
			'register/browse/state/ca/',
			CHANGE,
			'register/stats/',
			'register/changes/',
			'register/placeholders/',
			'organizations/change-healthcare/',
		]) {
			await page.goto(path);
			const line = page.locator('[data-register-as-of]');
			await expect(line, path).toHaveAttribute('data-register-as-of', snapshot);
			await expect(line, path).toContainText(registerAsOf(snapshot));
		}
		await page.locator('[data-register-as-of] a').click();
		await expect(page).toHaveURL(new RegExp(`register/changes/${snapshot}/$`));
	},
);

test(
	'the placeholder watch list: every filing still at 500 or 501, longest wait first, linked from the register and the statistics',
	{ tag: '@base' },
	async ({ page, request }) => {
		const { filings } = await register(request);
		await page.goto('register/');
		await page.getByRole('link', { name: 'the filings still at a placeholder' }).click();
		await expect(page).toHaveURL(/register\/placeholders\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Filings still at a placeholder count');
		const listed = Number(await page.locator('[data-items]').getAttribute('data-items'));
		expect(listed).toBeGreaterThan(0);
		// At most the filings at 500 or 501 (those no longer listed are left out), at least those with a case study among them.
		expect(listed).toBeLessThanOrEqual(
			filings.filter((f) => f.individualsAffected === 500 || f.individualsAffected === 501).length,
		);
		const rows = page.locator('tbody tr');
		await expect(rows).toHaveCount(Math.min(listed, 200));
		const counts = await rows.locator('td:nth-child(3)').allTextContents();
		expect(new Set(counts)).toEqual(new Set(counts.filter((c) => c === '500' || c === '501')));
		const days = await page
			.locator('td[data-days]')
			.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-days'))));
		expect(days).toEqual([...days].sort((a, b) => b - a));
		// The days run from the filing to the newest export.
		const first = rows.first();
		const filed = await first.locator('time').getAttribute('datetime');
		const { snapshot } = await register(request);
		expect(days[0]).toBe((Date.parse(snapshot) - Date.parse(filed!)) / 86_400_000);
		await first.getByRole('link').click();
		await expect(page.locator('dl').first()).toContainText(/Individuals affected\s*50[01](?!\d)/);
		await page.goto('register/stats/');
		await page.getByRole('link', { name: 'The filings still at a placeholder' }).click();
		await expect(page).toHaveURL(/register\/placeholders\/$/);
	},
);

test(
	'the statistics show revisions over the years: how often, by how much, and how long placeholders last',
	{ tag: '@base' },
	async ({ page }) => {
		await page.goto('register/stats/');
		const numbers = (texts: string[]) => texts.map((t) => Number(t.replace(/,/g, '')));
		const sum = (texts: string[]) => numbers(texts).reduce((a, b) => a + b, 0);
		const perYear = page.getByRole('table', { name: 'Exports, revisions and filings revised per year of export' });
		const exports = sum(await perYear.locator('tbody td:nth-child(2)').allTextContents());
		const revisions = sum(await perYear.locator('tbody td:nth-child(3)').allTextContents());
		expect(exports).toBeGreaterThanOrEqual(2);
		expect(revisions).toBeGreaterThan(0);
		// Upward and downward add up to every revision, and so do the bands of the ratio.
		expect(sum(await page.locator('#revisions-by-export-year tbody td:last-child').allTextContents())).toBe(revisions);
		expect(sum(await page.locator('#revision-ratios tbody td').allTextContents())).toBe(revisions);
		const lifetimes = page.locator('#placeholder-lifetimes');
		await expect(lifetimes.locator('tbody tr')).toHaveCount(6);
		await expect(page.locator('#placeholder-heading ~ p').first()).toContainText(
			/a median [\d,]+ days after they were filed/,
		);
		for (const id of ['revisions-by-export-year', 'revised-by-year-filed', 'revision-ratios', 'placeholder-lifetimes'])
			await expect(page.locator(`figure:has(#${id}) > svg`)).toHaveCount(1);
	},
);

test(
	'what changed lists every import, newest first, each with its own page; the feed has an entry for each',
	{ tag: '@base' },
	async ({ page, request, baseURL }) => {
		await page.goto('register/changes/');
		const index = page.getByRole('table', { name: /^Every import, newest first/ });
		// A snapshot's id is its day, with -b for a second export of that day (2022-03-30-b).
		const dates = await index.locator('tbody th a').allTextContents();
		expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}(-[a-z])?$/.test(d))).toBe(true);
		expect(dates.length).toBeGreaterThanOrEqual(2);
		expect(dates).toEqual([...dates].sort().reverse());
		await index.getByRole('link', { name: dates.at(-1)! }).click();
		await expect(page).toHaveURL(new RegExp(`register/changes/${dates.at(-1)}/$`));
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Export of');
		await expect(page.locator('[data-import-summary]')).toContainText('first import');
		await page.getByRole('navigation', { name: 'Imports' }).getByRole('link').first().click();
		await expect(page).toHaveURL(new RegExp(`register/changes/${dates.at(-2)}/$`));
		await expect(page.getByRole('table', { name: /^Revised/ })).toBeVisible();

		const feed = parseFeed(await (await request.get('register/changes.xml')).text());
		const imports = feed.items.filter((i) => /\/register\/changes\/\d{4}-\d{2}-\d{2}(-[a-z])?\/$/.test(i.url!));
		expect(imports.map((i) => i.url!.match(/(\d{4}-\d{2}-\d{2}(-[a-z])?)\/$/)![1])).toEqual(dates);
		for (const [n, i] of imports.entries())
			expect(new URL(i.url!).pathname).toBe(new URL(`register/changes/${dates[n]}/`, baseURL).pathname);
		// New filings as well as revisions.
		expect(feed.items.some((i) => /: added: /.test(i.title!))).toBe(true);
		expect(feed.items.some((i) => /: individuals affected /.test(i.title!))).toBe(true);
	},
);

test(
	'a state’s and an organization’s page link their Atom feed, which carries their new filings and revised figures',
	{ tag: '@base' },
	async ({ page, request }) => {
		const { filings } = await register(request);
		for (const { path, belongs } of [
			{ path: 'register/browse/state/ca/', belongs: (f: ApiFiling) => f.state === 'CA' },
			{
				path: 'organizations/change-healthcare/',
				belongs: (f: ApiFiling) => f.organization.slug === 'change-healthcare',
			},
		]) {
			await page.goto(path);
			const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"][href$="feed.xml"]');
			await expect(alternate).toHaveCount(1);
			const href = (await alternate.getAttribute('href'))!;
			expect(new URL(href, page.url()).href).toBe(new URL('feed.xml', page.url()).href);
			const subscribe = page.getByRole('link', { name: 'Subscribe', exact: true });
			await expect(subscribe).toHaveAttribute('href', href);
			const response = await request.get(new URL(href, page.url()).href);
			expect(response.status()).toBe(200);
			const feed = parseFeed(await response.text());
			expect(feed.authors.map((a) => a.name)).toEqual(['Breach Casebook']);
			expect(feed.items.length).toBeGreaterThan(0);
			expect(feed.items.length).toBeLessThanOrEqual(FILINGS_FEED_LIMIT);
			const mine = new Set(filings.filter(belongs).map((f) => f.url));
			const dates = feed.items.map((item) => {
				expect(mine.has(item.url!), `${path}: ${item.title}`).toBe(true);
				return item.updated!.getTime();
			});
			expect(dates).toEqual([...dates].sort((a, b) => b - a));
			expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
		}
		// Change Healthcare's feed carries every revision of its count, the newest first: the placeholder's too.
		const change = parseFeed(await (await request.get('organizations/change-healthcare/feed.xml')).text());
		expect(change.items[0]!.title).toMatch(/individuals affected 190,000,000 → 192,700,000/);
		expect(change.items.map((i) => i.title)).toContainEqual(
			expect.stringMatching(/individuals affected 500 → 100,000,000/),
		);
		// An organization with one filing and no case study has no feed.
		const counts = new Map<string, number>();
		for (const f of filings) counts.set(f.organization.slug, (counts.get(f.organization.slug) ?? 0) + 1);
		const single = filings.find((f) => counts.get(f.organization.slug) === 1 && f.caseStudies.length === 0)!;
		await page.goto(`organizations/${single.organization.slug}/`);
		await expect(page.getByRole('region', { name: 'Case studies' })).toHaveCount(0);
		await expect(page.locator('head link[href$="feed.xml"]')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Subscribe', exact: true })).toHaveCount(0);
		expect((await request.get(`organizations/${single.organization.slug}/feed.xml`)).status()).toBe(404);
	},
);
