import { expect, test } from './fixtures.ts';

/** Waits for the search page to show its result count, and returns it. */
async function resultCount(page: import('@playwright/test').Page): Promise<number> {
	const status = page.locator('#search-status');
	await expect(status).toHaveText(/^[\d,]+ case stud(y|ies)/);
	return Number((await status.textContent())!.match(/^([\d,]+)/)![1]!.replaceAll(',', ''));
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

for (const [query, slug] of [
	['Anthem', 'anthem-2015'],
	['Kaiser Permanente', 'kaiser-permanente-2024'],
	['Postal Prescription Services', 'postal-prescription-services-2023'],
	['Change Healthcare', 'change-healthcare-2024'],
] as const) {
	test(`searching for the organization "${query}" finds its case study first`, { tag: '@base' }, async ({ page }) => {
		await page.goto(`search/?q=${encodeURIComponent(query)}`);
		await resultCount(page);
		await expect(page.locator('#search-results li a').first()).toHaveAttribute(
			'href',
			new RegExp(`/incidents/${slug}/`),
		);
	});
}

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
	await page.goto('search/?q=brea');
	const expected = await resultCount(page);
	expect(expected).toBeGreaterThan(0);
	// Nothing contains "breaqqqqqq", even by Pagefind's own allowance for typos, which depends on how
	// the index is split (at 60 case studies it finds "pharmacyzz" as typed); cut back a letter at a
	// time, it matches as "brea".
	await page.goto('search/?q=breaqqqqqq');
	await expect(page.locator('#search-status')).toHaveText(
		`${expected} case studies for words starting “brea” (none contain “breaqqqqqq”)`,
	);
	await expect(page.locator('#search-results li')).toHaveCount(Math.min(expected, 10));
	// The filter counts follow the words that matched.
	const counts = await filterCounts(page, 'year');
	expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(expected);
	// A word that matches nothing at any length is left as typed.
	await page.goto('search/?q=zxzxzxzx');
	await expect(page.locator('#search-status')).toHaveText('0 case studies for “zxzxzxzx”');
});

test('the search dialog cuts a typo back too, and says so', async ({ page }) => {
	await page.goto('about/');
	await expect(page.locator('[data-search-open]')).toBeEnabled();
	await page.keyboard.press('Control+K');
	const dialog = page.getByRole('dialog', { name: 'Search case studies' });
	await dialog.getByRole('searchbox').fill('breaqqqqqq');
	await expect(dialog.getByRole('status')).toHaveText(
		/^[\d,]+ case stud(y|ies) for words starting “brea” \(none contain “breaqqqqqq”\); use the arrow keys/,
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
	await page.goto('search/');
	const total = await resultCount(page);
	expect(total).toBe(api.count);
	const years = page.locator('fieldset[data-filter="year"] label');
	const counts = await filterCounts(page, 'year');
	expect(counts.reduce((a, b) => a + b, 0)).toBe(api.incidents.filter((i) => i.derived.disclosed).length);

	const first = years.first();
	const expected = (await first.locator('[data-count]').textContent())!.trim();
	await first.locator('input').check();
	await expect(page.locator('#search-status')).toHaveText(new RegExp(`^${expected} case stud`));
	expect(await resultCount(page)).toBeLessThan(total);
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
	await page.goto('search/');
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
