import { test as base, expect, type ConsoleMessage, type Page, type Request } from '@playwright/test';

interface Options {
	/** Console errors a test expects, e.g. the 404 status of a page that is meant to be missing. */
	allowedConsoleErrors: RegExp[];
	/**
	 * A page of its own, in a browser context of its own, for a test that changes what a page keeps
	 * across documents (`addInitScript`, a route, an exposed function), which no reset undoes.
	 */
	isolated: boolean;
}

/** Playwright's defaults for what a page emulates, which every test starts from. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };
const DEFAULT_MEDIA = {
	media: null,
	colorScheme: 'light',
	reducedMotion: 'no-preference',
	forcedColors: 'none',
} as const;

/**
 * Every end-to-end test's page runs with these checks: no console error (a CSP violation is one),
 * no uncaught exception, and no request to any origin other than the site's.
 *
 * The page is one per worker, reset before each test, rather than a new browser context and page
 * for each: opening them took 0.45–0.65 s a test here, a third of a typical test and a minute of
 * the suite. Before a test, the reset clears what a context keeps and a test could read (cookies,
 * local and session storage, IndexedDB, permissions) and sets the viewport and the emulated media
 * back to the test's options. The HTTP cache is kept: the site's files do not change during a
 * run, and a cold cache cost 70 ms a test. After a test, the page leaves for a small text file of
 * the site (robots.txt, a document that `setContent` can write to, as it can to a new page's), so
 * that nothing of the test's document runs on: about:blank would cost a new renderer process,
 * 110 ms, on the next test's first visit. A test with JavaScript turned off gets the worker's
 * other page, which has it off; one that asks `isolated: true` gets a fresh context, as every test
 * had before. `context` is the page's own.
 * tests/e2e/fixtures.spec.ts proves the guard and the reset.
 */
export const test = base.extend<
	Options & { readerPage: Page },
	{ sharedPage: (javaScriptEnabled: boolean) => Promise<Page> }
>({
	allowedConsoleErrors: [[], { option: true }],
	isolated: [false, { option: true }],
	// The worker's page, one with JavaScript and one without, each opened when a test first asks.
	sharedPage: [
		async ({ browser }, use, workerInfo) => {
			const pages = new Map<boolean, Promise<Page>>();
			await use((javaScriptEnabled) => {
				if (!pages.has(javaScriptEnabled))
					pages.set(
						javaScriptEnabled,
						browser
							.newContext({ baseURL: workerInfo.project.use.baseURL, javaScriptEnabled })
							.then((context) => context.newPage()),
					);
				return pages.get(javaScriptEnabled)!;
			});
			for (const page of pages.values()) await (await page).context().close();
		},
		{ scope: 'worker' },
	],
	readerPage: async ({ sharedPage: pageOf, browser, baseURL, viewport, javaScriptEnabled, isolated }, use) => {
		if (isolated) {
			const context = await browser.newContext({ baseURL, viewport, javaScriptEnabled });
			await use(await context.newPage());
			await context.close();
			return;
		}
		const sharedPage = await pageOf(javaScriptEnabled !== false);
		await reset(sharedPage, baseURL!, viewport ?? DEFAULT_VIEWPORT);
		await use(sharedPage);
		// Off the test's document, so that none of its scripts or requests run into the next test.
		await sharedPage.goto('robots.txt');
		// Session storage belongs to the tab, not to the origin's storage that the reset clears.
		// (`evaluate` runs even where the page's own scripts are off.)
		await sharedPage.evaluate(() => sessionStorage.clear());
	},
	context: async ({ readerPage }, use) => use(readerPage.context()),
	page: async ({ readerPage: page, baseURL, allowedConsoleErrors }, use) => {
		const origin = new URL(baseURL!).origin;
		const problems: string[] = [];
		const onConsole = (m: ConsoleMessage) => {
			if (m.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(m.text())))
				problems.push(`console error: ${m.text()}`);
		};
		const onPageError = (e: Error) => problems.push(`uncaught: ${e.message}`);
		const onRequest = (r: Request) => {
			const url = r.url();
			if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
				problems.push(`third-party request: ${url}`);
		};
		page.on('console', onConsole);
		page.on('pageerror', onPageError);
		page.on('request', onRequest);
		try {
			await use(page);
		} finally {
			page.off('console', onConsole);
			page.off('pageerror', onPageError);
			page.off('request', onRequest);
		}
		expect(problems, 'console errors, CSP violations, uncaught exceptions or third-party requests').toEqual([]);
	},
});

/** The shared page as a new context's would be: nothing stored, nothing granted, nothing emulated. */
async function reset(page: Page, baseURL: string, viewport: { width: number; height: number }) {
	const context = page.context();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL).origin, storageTypes: 'all' });
	await cdp.detach();
	await context.clearCookies();
	await context.clearPermissions();
	await page.emulateMedia(DEFAULT_MEDIA);
	await page.setViewportSize(viewport);
	await page.mouse.move(0, 0);
}

export { expect };
