import { axeViolations, byRules, byTags } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('search and the theme toggle store nothing but the theme, and set no cookie', async ({ page, context }) => {
	await page.goto('search/?q=pixel');
	await expect(page.locator('#search-status')).toHaveText(/case stud/);
	await page.locator('[data-theme-toggle]').click();
	expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['theme']);
	expect(await context.cookies()).toEqual([]);
});

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
