/**
 * The HHS breach register as readers meet it: the listing, its facets (whose counts add up), a
 * filing's page with its history, an organization's page, the case pages' links to filings, what
 * changed at each import (page and feed), the statistics and the open data.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './fixtures.ts';
import { registerFacets } from '../../src/lib/register/facets.ts';

const CHANGE = 'register/change-healthcare-inc-mn-2024-07-19/';
const total = async (request: import('@playwright/test').APIRequestContext) =>
	((await (await request.get('api/register.json')).json()) as { count: number }).count;

test(
	'the register lists every filing, newest first, 200 to a page, marking those with a case study',
	{ tag: '@base' },
	async ({ page, request }) => {
		const count = await total(request);
		expect(count).toBeGreaterThan(7000);
		await page.goto('register/');
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
		{ tag: '@base' },
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
		const november2024 = page
			.locator('section[aria-labelledby="import-2024-11-01"]')
			.getByRole('table', { name: /^Revised/ });
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
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		const validate = ajv.compile(await (await request.get('schema/register.schema.json')).json());
		for (const f of api.filings.slice(0, 500)) {
			const { url, placeholder, absent, organization, caseStudies, ...record } = f;
			expect(validate(record), `${f.id}: ${JSON.stringify(validate.errors?.[0])}`).toBe(true);
		}
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
