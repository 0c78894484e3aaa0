import { expect, test } from './fixtures.ts';

const SEEDS = ['postal-prescription-services-2023', 'kaiser-permanente-2024'];

test('a reader goes from the home page to all incidents to a case study', { tag: '@base' }, async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1, name: 'Breach Casebook' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Latest case studies' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'All incidents' })).toBeVisible();
	const rows = page.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThanOrEqual(2);

	const first = rows.first().locator('th a');
	const organization = (await first.textContent())!.trim();
	await first.click();
	await expect(page.getByRole('heading', { name: 'Facts' })).toBeVisible();
	await expect(page.locator('article header')).toContainText(organization);
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
});

test('the all-incidents table is newest first and marks unknown counts as unknown', async ({ page }) => {
	await page.goto('incidents/');
	const years = await page.locator('tbody tr td:nth-child(2)').allTextContents();
	const known = years
		.map((y) => y.trim())
		.filter((y) => /^\d{4}$/.test(y))
		.map(Number);
	expect(known).toEqual([...known].sort((a, b) => b - a));
	const counts = await page.locator('tbody tr td:nth-child(3)').allTextContents();
	for (const c of counts) expect(c.trim()).toMatch(/^(\d{1,3}(,\d{3})*|unknown)$/);
	// Exposure and notice delay at a glance, with late notices flagged.
	const kaiser = page.locator('tbody tr').filter({ hasText: 'Kaiser Permanente' });
	await expect(kaiser.locator('td').nth(2)).toHaveText('unknown');
	await expect(kaiser.locator('td').nth(3)).toContainText('219 days');
	await expect(kaiser.locator('td').nth(3)).toContainText('over 60 days');
	const pps = page.locator('tbody tr').filter({ hasText: 'Postal Prescription Services' });
	await expect(pps.locator('td').nth(2)).toHaveText('8.5 years');
});

for (const slug of SEEDS) {
	test(`the ${slug} case study shows its facts, its dated events and numbered sources`, async ({ page }) => {
		await page.goto(`incidents/${slug}/`);
		const facts = page.getByRole('region', { name: 'Facts' });
		for (const label of [
			'Organization',
			'Individuals affected',
			'Data exposed',
			'Breach type (HHS)',
			'Location (HHS)',
			'Vector',
			'Actor',
			'Outcomes',
		]) {
			await expect(facts.locator('dt', { hasText: label }).first()).toBeVisible();
		}
		const events = page.getByRole('region', { name: 'Timeline of this incident' });
		await expect(events.locator('li')).toHaveCount(6);
		await expect(events).toContainText('Discovered:');

		const sources = page.locator('#sources-heading + ol > li');
		const n = await sources.count();
		expect(n).toBeGreaterThanOrEqual(2);
		for (let i = 0; i < n; i++) {
			const link = sources.nth(i).locator('a').first();
			await expect(link).toHaveAttribute('href', /^https?:\/\//);
			await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
		}
		// Citations in the narrative link to entries of the source list.
		const cites = page.locator('.prose sup.source-ref a');
		expect(await cites.count()).toBeGreaterThan(3);
		const target = await cites.first().getAttribute('href');
		await expect(page.locator(target!)).toHaveCount(1);
	});
}

test.describe('missing pages', () => {
	test.use({ allowedConsoleErrors: [/status of 404/] });
	test('a missing page shows the site 404 page with status 404', { tag: '@base' }, async ({ page }) => {
		const response = await page.goto('no-such-page/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	});
});

test('reading needs no JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`incidents/${SEEDS[1]}/`);
	await expect(page.getByRole('heading', { name: 'Facts' })).toBeVisible();
	await expect(page.locator('article .prose').first()).toContainText('What happened');
	await context.close();
});
