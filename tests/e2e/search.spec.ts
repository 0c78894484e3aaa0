import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** A count as the site writes it: "7,808". */
const separated = (n: number) => n.toLocaleString('en-US');

/**
 * Waits for the search page to show its result count, "3 case studies and 12 filings for …" (or
 * one kind, when the kind filter allows one), and returns the count of each kind and their sum.
 */
async function resultCounts(page: Page): Promise<{ caseStudies: number; filings: number; total: number }> {
	const status = page.locator('#search-status');
	await expect(status).toHaveText(/^[\d,]+ (case stud(y|ies)|filings?)\b/);
	const text = (await status.textContent())!;
	const count = (kind: string) => Number(text.match(new RegExp(`([\\d,]+) ${kind}`))?.[1]?.replaceAll(',', '') ?? 0);
	const caseStudies = count('case stud');
	const filings = count('filing');
	return { caseStudies, filings, total: caseStudies + filings };
}

/** Waits for the search page to show its result count, and returns the number of results. */
async function resultCount(page: Page): Promise<number> {
	return (await resultCounts(page)).total;
}

/** How many case studies and register filings the site has, from its open data. */
async function siteCounts(request: APIRequestContext): Promise<{ caseStudies: number; filings: number }> {
	const [incidents, register] = await Promise.all(
		['api/incidents.json', 'api/register.json'].map(
			async (path) => (await (await request.get(path)).json()) as { count: number },
		),
	);
	return { caseStudies: incidents!.count, filings: register!.count };
}

/** Waits for the filter counts, which follow the results, and returns those of one filter. */
async function filterCounts(page: import('@playwright/test').Page, filter: string): Promise<number[]> {
	await expect(page.locator('#search-filters')).not.toHaveAttribute('aria-busy', 'true');
	return (await page.locator(`fieldset[data-filter="${filter}"] [data-count]`).allTextContents()).map((t) =>
		Number(t.replaceAll(',', '')),
	);
}

test(
	'Ctrl+K opens the search dialog with focus in it; arrows move through results; Escape closes it',
	{ tag: '@base' },
	async ({ page }) => {
		await page.goto('about/');
		const open = page.locator('[data-search-open]');
		await expect(open).toBeEnabled();
		await page.keyboard.press('Control+K');
		const dialog = page.getByRole('dialog', { name: 'Search case studies' });
		await expect(dialog).toBeVisible();
		const input = dialog.getByRole('searchbox');
		await expect(input).toBeFocused();
		await input.fill('Kaiser');
		const results = dialog.getByRole('link').filter({ hasText: 'Kaiser Permanente' });
		await expect(results.first()).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await expect(dialog.locator('ol a').first()).toBeFocused();
		// Focus stays in the dialog.
		for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
		expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		// The header button opens it too.
		await open.click();
		await expect(dialog).toBeVisible();
	},
);

for (const [query, slug, filing] of [
	['Anthem', 'anthem-2015', 'anthem-inc-in-2015-02-13'],
	['Kaiser Permanente', 'kaiser-permanente-2024', 'kaiser-permanente-ca-2019-09-26'],
	[
		'Postal Prescription Services',
		'postal-prescription-services-2023',
		'healthy-options-dba-postal-prescription-services-kroger-oh-2023-03-15',
	],
	['Change Healthcare', 'change-healthcare-2024', 'change-healthcare-inc-mn-2024-07-19'],
	['Banner Health', 'banner-health-2016', 'banner-health-az-2016-08-03'],
] as const) {
	test(
		`searching for the organization "${query}" finds its case study first, then its filings`,
		// Under a sub-path one organization is enough: the base path changes the results' links, not their order.
		{ tag: query === 'Change Healthcare' ? '@base' : [] },
		async ({ page }) => {
			await page.goto(`search/?q=${encodeURIComponent(query)}`);
			const { filings, total } = await resultCounts(page);
			expect(filings).toBeGreaterThan(0);
			const items = page.locator('#search-results > li');
			await expect(items).toHaveCount(Math.min(total, 10));
			await expect(items.first().getByRole('link')).toHaveAttribute('href', new RegExp(`/incidents/${slug}/(\\?|$)`));
			await expect(items.first()).toContainText('Case study · ');
			// One of its filings follows on the first page, shown as a filing.
			const hrefs = await items.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
			const at = hrefs.findIndex((href) => href.includes(`/register/${filing}/`));
			expect(at, hrefs.join('\n')).toBeGreaterThan(0);
			await expect(items.nth(at)).toContainText('Register filing · ');
		},
	);
}

test(
	'a case study’s excerpt does not repeat its heading: the title is ranked as metadata, not excerpted',
	{ tag: '@base' },
	async ({ page }) => {
		for (const [query, slug] of [
			['anthem', 'anthem-2015'],
			['kaiser permanente', 'kaiser-permanente-2024'],
		] as const) {
			await page.goto(`search/?q=${encodeURIComponent(query)}`);
			await resultCounts(page);
			const first = page.locator('#search-results > li').first();
			// Still first, on the strength of its title.
			await expect(first.getByRole('link')).toHaveAttribute('href', new RegExp(`/incidents/${slug}/(\\?|$)`));
			const title = (await first.getByRole('link').textContent())!.trim();
			const organization = title.split(':')[0]!;
			const excerpt = (await first.locator('p').nth(1).textContent())!.trim();
			expect(excerpt.length, query).toBeGreaterThan(0);
			expect(excerpt.startsWith(organization), `${query}: "${excerpt}"`).toBe(false);
			expect(excerpt, query).not.toContain(title);
		}
	},
);

test('a data-class term finds the case studies that exposed it', async ({ page }) => {
	await page.goto('search/?q=search%20terms');
	expect(await resultCount(page)).toBeGreaterThan(0);
	await expect(page.locator('#search-results')).toContainText('Kaiser Permanente');
	await page.goto('search/?q=email%20addresses');
	await resultCount(page);
	await expect(page.locator('#search-results')).toContainText('Postal Prescription Services');
	await expect(page.locator('#search-results mark').first()).toBeVisible();
});

test('a typo at the end of a word still finds case studies, and says which beginning matched', async ({ page }) => {
	// Nothing contains "tracqqqqqq". Pagefind's allowance for stems finds it in the one-letter word
	// "T" of names such as "Kristina T Nguyen", which is not taken as a match; cut back a letter at a
	// time, it matches as "trac".
	await page.goto('search/?q=tracqqqqqq');
	const status = page.locator('#search-status');
	await expect(status).toHaveText(
		/^[\d,]+ case stud(y|ies) and [\d,]+ filings? for words starting “trac” \(none contain “tracqqqqqq”\)$/,
	);
	const expected = await resultCount(page);
	expect(expected).toBeGreaterThan(0);
	await expect(page.locator('#search-results li')).toHaveCount(Math.min(expected, 10));
	// The filter counts follow the words that matched.
	const counts = await filterCounts(page, 'year');
	expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(expected);
	// "trac" typed finds what the cut-back search found: "N case studies and M filings". Typed in
	// the same page, since Pagefind's allowance for typos reaches only the index chunks already
	// loaded, and the cut-back search loaded more of them.
	const found = (await status.textContent())!.replace(/ for words starting .*$/, '');
	await page.locator('#search-q').fill('trac');
	await expect(status).toHaveText(`${found} for “trac”`);
	// The same for a misspelling that Pagefind finds only in the articles "a" and "an", which are on
	// every case page: the reader meant Anthem.
	await page.goto('search/?q=anthme');
	await expect(status).toHaveText(
		/^[\d,]+ case stud(y|ies) and [\d,]+ filings? for words starting “anth” \(none contain “anthme”\)$/,
	);
	await expect(page.locator('#search-results a[href*="/incidents/anthem-2015/"]')).toHaveCount(1);
	// A misspelling that Pagefind finds only in names' initials ("T"), with no beginning of four
	// letters to cut back to, finds nothing, and no filter counts the filings it dropped.
	await page.goto('search/?q=tqqqqqqq');
	await expect(status).toHaveText('0 case studies and 0 filings for “tqqqqqqq”');
	expect(await filterCounts(page, 'kind')).toEqual([0, 0]);
	// A word that matches nothing at any length is left as typed.
	await page.goto('search/?q=zxzxzxzx');
	await expect(page.locator('#search-status')).toHaveText('0 case studies and 0 filings for “zxzxzxzx”');
});

test('the search dialog cuts a typo back too, and says so', async ({ page }) => {
	await page.goto('about/');
	await expect(page.locator('[data-search-open]')).toBeEnabled();
	await page.keyboard.press('Control+K');
	const dialog = page.getByRole('dialog', { name: 'Search case studies' });
	await dialog.getByRole('searchbox').fill('tracqqqqqq');
	await expect(dialog.getByRole('status')).toHaveText(
		/^[\d,]+ case stud(y|ies) and [\d,]+ filings? for words starting “trac” \(none contain “tracqqqqqq”\); use the arrow keys/,
	);
	await expect(dialog.locator('ol a mark').first()).toBeVisible();
});

test('a filter narrows the results, and the counts of a single-valued filter add up to the total', async ({
	page,
	request,
}) => {
	const api = (await (await request.get('api/incidents.json')).json()) as {
		count: number;
		incidents: { derived: { disclosed: string | null } }[];
	};
	const site = await siteCounts(request);
	await page.goto('search/');
	const total = await resultCount(page);
	expect(total).toBe(api.count + site.filings);
	const years = page.locator('fieldset[data-filter="year"] label');
	const counts = await filterCounts(page, 'year');
	// Every filing has a year, the year it was filed; a case study has one when its disclosure is known.
	expect(counts.reduce((a, b) => a + b, 0)).toBe(
		api.incidents.filter((i) => i.derived.disclosed).length + site.filings,
	);

	const first = years.first();
	const expected = Number((await first.locator('[data-count]').textContent())!.replaceAll(',', ''));
	expect(expected).toBeGreaterThan(0);
	await first.locator('input').check();
	await expect.poll(() => resultCount(page)).toBe(expected);
	expect(expected).toBeLessThan(total);
	await expect(page).toHaveURL(/[?&]year=\d{4}/);
});

test('after a query, the filter counts describe its results, not the whole casebook', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as {
		count: number;
		incidents: { derived: { disclosed: string | null } }[];
	};
	const undated = api.count - api.incidents.filter((i) => i.derived.disclosed).length;
	await page.goto('search/?q=ransomware');
	const n = await resultCount(page);
	expect(n).toBeGreaterThan(0);
	expect(n).toBeLessThan(api.count);
	const years = (await filterCounts(page, 'year')).reduce((a, b) => a + b, 0);
	expect(years).toBeLessThanOrEqual(n);
	expect(years).toBeGreaterThanOrEqual(n - undated);
	const ransomware = page.locator('fieldset[data-filter="vector"] label').filter({
		has: page.locator('input[value="ransomware"]'),
	});
	const cases = Number(await ransomware.locator('[data-count]').textContent());
	expect(cases).toBeGreaterThan(0);
	expect(cases).toBeLessThanOrEqual(n);
});

test('the URL holds the query, filters and sort; reload and Back restore them', { tag: '@base' }, async ({ page }) => {
	await page.goto('search/?q=pixel&vector=tracking-technology&sort=affected:desc');
	const n = await resultCount(page);
	expect(n).toBeGreaterThan(0);
	await expect(page.locator('#search-q')).toHaveValue('pixel');
	await expect(page.locator('input[name="vector"][value="tracking-technology"]')).toBeChecked();
	await expect(page.getByLabel('Sort by')).toHaveValue('affected:desc');
	// Sorted by individuals affected, most first.
	const affected = (await page.locator('#search-results li p.text-sm').allTextContents()).map((t) =>
		Number((t.match(/([\d,]+) affected/)?.[1] ?? '0').replace(/,/g, '')),
	);
	expect(affected).toEqual([...affected].sort((a, b) => b - a));

	await page.reload();
	await expect(page.locator('input[name="vector"][value="tracking-technology"]')).toBeChecked();
	expect(await resultCount(page)).toBe(n);

	await page.locator('input[name="vector"][value="tracking-technology"]').uncheck();
	await expect(page).not.toHaveURL(/vector=/);
	await page.goBack();
	await expect(page).toHaveURL(/vector=tracking-technology/);
	await expect(page.locator('input[name="vector"][value="tracking-technology"]')).toBeChecked();
	expect(await resultCount(page)).toBe(n);
});

test('opening a result highlights the matched words on the case page', { tag: '@base' }, async ({ page }) => {
	await page.goto('search/?q=encyclopedia');
	await resultCount(page);
	await page.locator('#search-results li a').first().click();
	await expect(page).toHaveURL(/highlight=encyclopedia/);
	await expect(page.locator('mark.search-highlight').first()).toBeVisible();
});

test('without JavaScript the search page says so and links to browsing', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await page.goto('search/');
	await expect(page.getByText('Search needs JavaScript')).toBeVisible();
	await expect(page.getByRole('link', { name: 'browse pages' })).toBeVisible();
	await expect(page.locator('#search-q')).toBeHidden();
	await context.close();
});

test('results come ten at a time, so a query fetches only what is shown', async ({ page }) => {
	// Everything: ten of some 7,900 results are drawn.
	await page.goto('search/');
	const everything = await resultCount(page);
	await expect(page.locator('#search-results > li')).toHaveCount(10);
	await expect(page.locator('#search-more')).toHaveText(`Show 10 more of ${separated(everything - 10)} remaining`);
	// The case studies, page by page to the end.
	await page.goto('search/?kind=case-study');
	const total = await resultCount(page);
	expect(total).toBeGreaterThan(20);
	const items = page.locator('#search-results > li');
	await expect(items).toHaveCount(10);
	const more = page.locator('#search-more');
	await expect(more).toHaveText(`Show 10 more of ${total - 10} remaining`);
	for (let shown = 20; shown < total + 10; shown += 10) {
		await more.click();
		await expect(items).toHaveCount(Math.min(shown, total));
	}
	await expect(more).toBeHidden();
});

test('the search page counts case studies and filings with separators, and the kind filter narrows to filings', async ({
	page,
	request,
}) => {
	const site = await siteCounts(request);
	expect(site.filings).toBeGreaterThan(1000);
	await page.goto('search/');
	const status = page.locator('#search-status');
	await expect(status).toHaveText(`${separated(site.caseStudies)} case studies and ${separated(site.filings)} filings`);
	// The counts come with the page, written as the status is.
	const kind = page.locator('fieldset[data-filter="kind"] label');
	await expect(kind.filter({ hasText: 'Register filing' }).locator('[data-count]')).toHaveText(separated(site.filings));
	expect(await filterCounts(page, 'kind')).toEqual([site.caseStudies, site.filings]);

	await page.locator('input[name="kind"][value="filing"]').check();
	await expect(page).toHaveURL(/[?&]kind=filing/);
	await expect(status).toHaveText(`${separated(site.filings)} filings`);
	const results = page.locator('#search-results > li');
	await expect(results).toHaveCount(10);
	for (const result of await results.all()) {
		await expect(result.getByRole('link')).toHaveAttribute('href', /\/register\/[^/]+\/(\?|$)/);
		await expect(result).toContainText('Register filing · filed ');
	}
	// Every filing has one status and one business-associate answer: those counts add up to the
	// filings; filters of case studies alone count none; the kind filter still counts both kinds.
	const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
	expect(sum(await filterCounts(page, 'status'))).toBe(site.filings);
	expect(sum(await filterCounts(page, 'business-associate'))).toBe(site.filings);
	expect(sum(await filterCounts(page, 'vector'))).toBe(0);
	expect(await filterCounts(page, 'kind')).toEqual([site.caseStudies, site.filings]);

	// A second filter narrows the filings to its count.
	const archived = page.locator('fieldset[data-filter="status"] label').first();
	const expected = Number((await archived.locator('[data-count]').textContent())!.replaceAll(',', ''));
	await archived.locator('input').check();
	await expect(status).toHaveText(`${separated(expected)} filings`);
	expect(expected).toBeLessThan(site.filings);
});

test('the search dialog shows a register filing as one, and opens its page', { tag: '@base' }, async ({ page }) => {
	await page.goto('about/');
	await expect(page.locator('[data-search-open]')).toBeEnabled();
	await page.keyboard.press('Control+K');
	const dialog = page.getByRole('dialog', { name: 'Search case studies and filings' });
	await dialog.getByRole('searchbox').fill('Anthem');
	await expect(dialog.getByRole('status')).toHaveText(
		/^[\d,]+ case stud(y|ies) and [\d,]+ filings for “Anthem”; use the arrow keys/,
	);
	const results = dialog.locator('ol a');
	await expect(results.first()).toContainText('Case study · Anthem');
	// The filing of the 2015 breach, spelled "Anthem Inc." by the register.
	const filing = results
		.filter({ hasText: 'Register filing · ' })
		.filter({ hasText: 'filed 13 February 2015 · 78,800,000 affected' });
	await expect(filing).toHaveCount(1);
	await expect(filing).toContainText('Anthem Inc.');
	await expect(filing).toHaveAttribute('href', /\/register\/anthem-inc-in-2015-02-13\/(\?|$)/);
	await filing.click();
	await expect(page).toHaveURL(/\/register\/anthem-inc-in-2015-02-13\/(\?|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anthem Inc.');
});
