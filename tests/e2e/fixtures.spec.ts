/**
 * The harness itself: the guard every page runs under still fails a test, and a page handed on to
 * the next test (tests/e2e/fixtures.ts) carries nothing over from the one before.
 */
import { expect, test } from './fixtures.ts';

test.describe('the page guard', () => {
	test('fails a test whose page logs a console error', async ({ page }) => {
		test.fail();
		await page.goto('about/');
		await page.evaluate(() => console.error('planted'));
	});

	test('fails a test whose page throws', async ({ page }) => {
		test.fail();
		await page.goto('about/');
		await page.evaluate(() => {
			setTimeout(() => {
				throw new Error('planted');
			}, 0);
		});
		await page.waitForTimeout(100);
	});

	test('fails a test whose page asks another origin for anything', async ({ page }) => {
		test.fail();
		await page.goto('about/');
		await page.evaluate(() => fetch('https://third-party.example/pixel.gif').catch(() => undefined));
	});
});

test.describe('a page handed on to the next test', () => {
	test.describe.configure({ mode: 'serial' });

	test('first, a test leaves a cookie, storage, a permission, a small screen and the dark theme', async ({ page }) => {
		await page.goto('about/');
		await page.evaluate(() => {
			localStorage.setItem('theme', 'dark');
			sessionStorage.setItem('left', 'over');
			document.cookie = 'left=over; path=/';
		});
		await page.context().grantPermissions(['clipboard-read']);
		await page.setViewportSize({ width: 320, height: 480 });
		await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce', media: 'print' });
	});

	test('then the next test finds none of it', async ({ page, context }) => {
		await page.goto('about/');
		expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
		expect(
			await page.evaluate(() => ({
				local: Object.keys(localStorage),
				session: Object.keys(sessionStorage),
				cookie: document.cookie,
				dark: matchMedia('(prefers-color-scheme: dark)').matches,
				reduced: matchMedia('(prefers-reduced-motion: reduce)').matches,
				print: matchMedia('print').matches,
				// The saved theme, as the theme script applies it before first paint.
				theme: document.documentElement.dataset.theme ?? null,
			})),
		).toEqual({ local: [], session: [], cookie: '', dark: false, reduced: false, print: false, theme: null });
		expect(await context.cookies()).toEqual([]);
		const permission = await page.evaluate(() =>
			navigator.permissions.query({ name: 'clipboard-read' as PermissionName }).then((p) => p.state),
		);
		expect(permission).not.toBe('granted');
	});
});

test.describe('a page without JavaScript handed on to the next test', () => {
	test.use({ javaScriptEnabled: false });
	test.describe.configure({ mode: 'serial' });

	test('first, a test leaves a cookie and storage', async ({ page, context }) => {
		await page.goto('about/');
		await context.addCookies([{ name: 'left', value: 'over', url: page.url() }]);
		await page.evaluate(() => localStorage.setItem('theme', 'dark'));
	});

	test('then the next test finds none of it, and the page still runs no script', async ({ page, context }) => {
		await page.goto('about/');
		// The theme script marks the page as scripted before first paint; here it never ran.
		expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(false);
		expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
		expect(await context.cookies()).toEqual([]);
	});
});
