/**
 * Every template on a phone (412 px, a common Android width): no page is wider than the screen,
 * and every region that scrolls can be reached and scrolled by keyboard, with a name that says
 * what it holds (axe's scrollable-region-focusable).
 */
import { axeViolations, byRules } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { REGISTER_TEMPLATES } from './helpers.ts';

/** One page of each template; the register's from REGISTER_TEMPLATES, and the pages the issue found too wide. */
const TEMPLATES = [
	'',
	'incidents/',
	'incidents/anthem-2015/',
	'incidents/kaiser-permanente-2024/',
	'browse/',
	'browse/vector/',
	'browse/vector/credential-compromise/',
	'timeline/',
	'timeline/2023/',
	'stats/',
	'data/',
	'about/',
	'search/?q=anthem',
	'no-such-page/',
	...REGISTER_TEMPLATES,
	'organizations/kaiser-permanente/',
	'register/page/10/',
	'register/advocate-aurora-health-wi-2020-04-16/',
];

test.describe('every template on a phone', () => {
	test.use({ viewport: { width: 412, height: 915 }, allowedConsoleErrors: [/status of 404/] });
	test.describe.configure({ mode: 'parallel' });

	for (const path of TEMPLATES) {
		test(`/${path} fits the screen, and what scrolls takes the keyboard`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response!.status(), path).toBe(path === 'no-such-page/' ? 404 : 200);
			// What can still change the layout after the load event: the web fonts, and search's results.
			await page.evaluate(() => document.fonts.ready.then(() => undefined));
			if (path.startsWith('search/')) await expect(page.locator('#search-status')).toHaveText(/case stud/);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, 'the page scrolls sideways').toBeLessThanOrEqual(412);
			const regions = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('body *')]
					.filter((el) => {
						const style = getComputedStyle(el);
						const scrolls = (overflow: string, size: number, client: number) =>
							/auto|scroll/.test(overflow) && size > client + 1;
						return (
							el.checkVisibility() &&
							(scrolls(style.overflowX, el.scrollWidth, el.clientWidth) ||
								scrolls(style.overflowY, el.scrollHeight, el.clientHeight))
						);
					})
					.map((el) => ({
						what: `${el.tagName.toLowerCase()}.${el.className}`,
						tabindex: el.getAttribute('tabindex'),
						name: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby'),
						role: el.getAttribute('role'),
					})),
			);
			for (const region of regions) {
				expect(region.tabindex, `${region.what} scrolls: it takes focus`).toBe('0');
				expect(region.name, `${region.what} scrolls: it says what it holds`).toBeTruthy();
				expect(region.role, `${region.what} scrolls: a named region`).toBe('region');
			}
			expect(await axeViolations(page, byRules(['scrollable-region-focusable']))).toEqual([]);
		});
	}
});
