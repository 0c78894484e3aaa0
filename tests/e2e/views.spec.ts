import { expect, test } from './fixtures.ts';
import { BROWSE_PAGE_SIZE } from '../../src/lib/paging.ts';

interface Api {
	count: number;
	incidents: {
		slug: string;
		url: string;
		facts: { vector: string[]; dataClasses: string[]; individualsAffected: { count: number | null } };
		derived: { disclosed: string | null; notification: string };
	}[];
}

// The timeline and statistics are read without JavaScript.
test.use({ javaScriptEnabled: false });

test('a timeline bar opens its case study, and every bar is a keyboard-reachable link', async ({ page }) => {
	await page.goto('timeline/');
	const bars = page.locator('svg a[data-slug]');
	expect(await bars.count()).toBeGreaterThanOrEqual(20);
	for (const bar of await bars.all()) await expect(bar).toHaveAttribute('href', /\/incidents\/[a-z0-9-]+\/$/);
	await bars.first().focus();
	await expect(bars.first()).toBeFocused();
	const slug = await bars.first().getAttribute('data-slug');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/incidents/${slug}/$`));
	await expect(page.getByRole('heading', { name: 'Facts' })).toBeVisible();
});

test('the timeline has an equivalent table and a view by year of disclosure', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as Api;
	await page.goto('timeline/');
	const rows = page.locator('#timeline-table tbody tr');
	expect(await rows.count()).toBe(await page.locator('svg a[data-slug]').count());
	const byYear = page.getByRole('region', { name: 'By year of disclosure' });
	const listed = await byYear.locator('li').count();
	expect(listed).toBe(api.count);
});

test('each year of disclosure has a timeline of exactly its case studies', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as Api;
	await page.goto('timeline/');
	const nav = page.getByRole('navigation', { name: 'Timeline by year of disclosure' });
	const links = await nav.getByRole('link').all();
	const years = await Promise.all(links.map(async (a) => [await a.textContent(), await a.getAttribute('href')]));
	expect(years.length).toBeGreaterThan(5);
	let drawn = 0;
	for (const [year, href] of years) {
		const expected = api.incidents.filter((i) => i.derived.disclosed?.startsWith(year!)).map((i) => i.slug);
		await page.goto(href!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Disclosed in ${year}`);
		const cases = `${expected.length} case ${expected.length === 1 ? 'study' : 'studies'}`;
		await expect(page.getByText(`The ${cases} made public in ${year}, on one time axis`)).toBeVisible();
		await expect(nav.getByRole('link', { name: year!, exact: true })).toHaveAttribute('aria-current', 'page');
		const slugs = await page
			.locator('svg a[data-slug]')
			.evaluateAll((bars) => bars.map((b) => b.getAttribute('data-slug')));
		expect(slugs.sort(), year!).toEqual(expected.sort());
		expect(await page.locator('#timeline-table tbody tr').count()).toBe(expected.length);
		drawn += slugs.length;
	}
	expect(drawn).toBe(api.incidents.filter((i) => i.derived.disclosed).length);
});

test('the counts on browse pages add up to the index', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as Api;
	// A single-valued facet: its counts add up to the number of case studies.
	await page.goto('browse/organization-type/');
	const counts = (await page.locator('td[data-count]').allTextContents()).map(Number);
	expect(counts.reduce((a, b) => a + b, 0)).toBe(api.count);
	// A multi-valued facet: each count is the number of case studies with that vector.
	await page.goto('browse/vector/');
	// Every row read at once, then each vector's page visited in turn (no return to the index between).
	const rows = await page.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => ({
			href: tr.querySelector('a')!.getAttribute('href')!,
			n: Number(tr.querySelector('td[data-count]')!.textContent),
		})),
	);
	expect(rows.length).toBeGreaterThan(5);
	for (const { href, n } of rows) {
		const slug = href.split('/').filter(Boolean).at(-1)!;
		expect(n, slug).toBe(api.incidents.filter((i) => i.facts.vector.includes(slug)).length);
		await page.goto(href);
		await expect(page.locator('article')).toHaveCount(n);
	}
});

test('a browse listing shows each of its case studies once, across its pages', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as Api;
	// The data class with the most case studies.
	const counts = new Map<string, string[]>();
	for (const i of api.incidents) for (const d of i.facts.dataClasses) counts.set(d, [...(counts.get(d) ?? []), i.slug]);
	const [value, slugs] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
	await page.goto(`browse/data-class/${value}/`);
	const seen: string[] = [];
	let pages = 1;
	for (;;) {
		const links = await page
			.locator('article h2 a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').filter(Boolean).at(-1)!));
		expect(links.length).toBeGreaterThan(0);
		expect(links.length).toBeLessThanOrEqual(BROWSE_PAGE_SIZE);
		seen.push(...links);
		const next = page.getByRole('navigation', { name: 'Pages' }).locator('a[rel="next"]');
		if ((await next.count()) === 0) break;
		await next.click();
		pages++;
		await expect(page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]')).toHaveText(
			String(pages),
		);
	}
	expect(pages).toBe(Math.ceil(slugs.length / BROWSE_PAGE_SIZE));
	expect(seen.sort()).toEqual([...slugs].sort());
});

test('the figures on the statistics page match the model', async ({ page, request }) => {
	const api = (await (await request.get('api/incidents.json')).json()) as Api;
	await page.goto('stats/');
	const cell = (table: string, slug: string) =>
		page
			.locator(`#${table} tbody tr`)
			.filter({ has: page.locator(`a[href$="/${slug}/"]`) })
			.locator('td[data-value]');
	for (const vector of new Set(api.incidents.flatMap((i) => i.facts.vector))) {
		const cases = api.incidents.filter((i) => i.facts.vector.includes(vector));
		await expect(cell('cases-by-vector', vector)).toHaveAttribute('data-value', String(cases.length));
		const people = cases.reduce((n, i) => n + (i.facts.individualsAffected.count ?? 0), 0);
		await expect(cell('affected-by-vector', vector)).toHaveAttribute('data-value', String(people));
	}
	const known = api.incidents.filter((i) => i.derived.notification !== 'unknown').length;
	const late = api.incidents.filter((i) => i.derived.notification === 'late').length;
	await expect(page.locator('#late-share')).toContainText(`${late} of ${known}`);
});

test('case pages show the derived measures and link every fact to its browse page', async ({ page }) => {
	await page.goto('incidents/kaiser-permanente-2024/');
	await expect(page.getByRole('heading', { name: 'Durations and delays' })).toBeVisible();
	await expect(page.getByText('Discovery → individuals notified')).toBeVisible();
	await expect(page.getByText(/notified more than 60 days after discovery/)).toBeVisible();
	const facts = page.getByRole('region', { name: 'Facts' });
	await expect(facts.getByRole('link', { name: 'Tracking technology' })).toHaveAttribute(
		'href',
		/\/browse\/vector\/tracking-technology\/$/,
	);
	await expect(facts.getByRole('link', { name: 'Search terms' })).toHaveAttribute(
		'href',
		/\/browse\/data-class\/search-terms\/$/,
	);
	const related = page.getByRole('region', { name: 'Related case studies' });
	await expect(related.locator('li').first()).toContainText('—');
});
